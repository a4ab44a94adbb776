package org.yishi.search.documents;

import java.util.List;

/**
 * One page of search results, best first, with the facets over everything the query matches that the searcher may
 * see — never counting a document they may not.
 *
 * @param words    the words the query was cut into, as matched; empty when it had none (only punctuation, operators)
 * @param total    how many documents match, with the facet filters applied
 * @param hits     this page's documents
 * @param kinds    per kind, how many match (facet filters other than kind applied)
 * @param bodies   per body, how many match
 * @param years    per year, how many match, newest first
 */
record SearchResults(String query, List<String> words, long total, int page, int size, List<Hit> hits,
        List<Facet> kinds, List<Facet> bodies, List<Facet> years) {

    /**
     * A document found.
     *
     * @param snippet the matching passage as HTML: the text escaped, the matching words in {@code <mark>}
     * @param link    where the searcher reads it
     */
    record Hit(String kind, String kindText, long id, String title, String snippet, String body, int year, String link,
            double rank) {
    }

    /** A facet's value: what to filter by, how it reads, how many documents match. */
    record Facet(String value, String label, long count) {
    }

    public boolean more() {
        return (long) (page + 1) * size < total;
    }
}
