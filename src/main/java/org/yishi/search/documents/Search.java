package org.yishi.search.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.meetings.MeetingTitles;
import org.yishi.platform.InvalidInput;
import org.yishi.search.documents.Document.Kind;
import org.yishi.search.documents.SearchResults.Facet;
import org.yishi.search.documents.SearchResults.Hit;

/**
 * Searches the documents a viewer may see. The permission filter is part of the query itself — the same condition
 * restricts the hits, the total and every facet — so a document the viewer may not see is never counted: meetings
 * and their items for those who may read all meetings or are members of the meeting's term, an internal or
 * confidential item only with the right to it, a published item (public, of a meeting held and closed) for readers
 * of readouts, and supervised items for the supervision office or, for a unit's liaison, those of their unit.
 */
@Service
@Transactional(readOnly = true)
class Search {

    /** Longer queries are refused: no one types more, and a long one would only slow the others. */
    static final int MAX_QUERY = 200;
    static final int MAX_SIZE = 50;
    private static final String START = "\u0002";
    private static final String STOP = "\u0003";
    private static final String FRAGMENTS = "\u0004";
    private static final String HEADLINE = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=60, MinWords=20, MaxFragments=2, FragmentDelimiter=" + FRAGMENTS;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final MessageSource messages;

    Search(JdbcClient jdbc, Directory directory, MessageSource messages) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.messages = messages;
    }

    /** What was asked: the query and the facets chosen (each may be null), the page from 0. */
    record Request(String q, String kind, Long bodyId, Integer year, int page, int size) {
    }

    SearchResults search(Viewer viewer, Request r, Locale locale) {
        check(r);
        String q = r.q() == null ? "" : r.q().strip();
        String tsquery = q.isEmpty() ? null : Segmenter.tsquery(q);
        int size = r.size() <= 0 ? 20 : r.size();
        if (tsquery == null) {
            return new SearchResults(q, List.of(), 0, r.page(), size, List.of(), List.of(), List.of(), List.of());
        }
        Map<String, Object> params = permissions(viewer);
        params.put("q", tsquery);
        params.put("kind", r.kind());
        params.put("body", r.bodyId());
        params.put("year", r.year());
        String base = "from search_document d where d.tsv @@ cast(:q as tsquery) and " + VISIBLE;
        String kindF = " and (cast(:kind as text) is null or d.kind = :kind)";
        String bodyF = " and (cast(:body as bigint) is null or d.body_id = :body)";
        String yearF = " and (cast(:year as int) is null or d.year = :year)";
        long total = jdbc.sql("select count(*) " + base + kindF + bodyF + yearF).params(params).query(Long.class).single();
        boolean english = MeetingTitles.english(locale);
        Map<Long, Body> bodies = new HashMap<>();
        directory.bodies().forEach(b -> bodies.put(b.id(), b));
        params.put("n", size);
        params.put("o", (long) r.page() * size);
        params.put("headline", HEADLINE);
        List<Hit> hits = jdbc.sql("select p.*, ts_headline('simple', p.segmented, cast(:q as tsquery), :headline) as snippet "
                + "from (select d.kind, d.source_id, d.meeting_id, d.body_id, d.year, d.title, d.segmented, d.id, "
                + "ts_rank_cd(d.tsv, cast(:q as tsquery)) as rank " + base + kindF + bodyF + yearF
                + " order by rank desc, d.year desc, d.id desc limit :n offset :o) p order by p.rank desc, p.year desc, p.id desc")
                .params(params).query((rs, n) -> {
                    String kind = rs.getString("kind");
                    Long body = (Long) rs.getObject("body_id");
                    return new Hit(kind, kindText(kind, locale), rs.getLong("source_id"), rs.getString("title"),
                            snippet(rs.getString("snippet")), body == null || !bodies.containsKey(body) ? null
                                    : MeetingTitles.bodyName(bodies.get(body), english), rs.getInt("year"),
                            link(viewer, kind, rs.getLong("source_id"), (Long) rs.getObject("meeting_id")),
                            rs.getDouble("rank"));
                }).list();
        List<Facet> kinds = facet("d.kind", base + bodyF + yearF, params, v -> kindText(v, locale));
        List<Facet> bodyFacet = facet("d.body_id", base + kindF + yearF + " and d.body_id is not null", params,
                v -> bodies.containsKey(Long.valueOf(v)) ? MeetingTitles.bodyName(bodies.get(Long.valueOf(v)), english) : v);
        List<Facet> years = facet("d.year", base + kindF + bodyF, params, v -> v);
        List<String> words = Arrays.stream(tsquery.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
        return new SearchResults(q, words, total, r.page(), size, hits, kinds, bodyFacet, years);
    }

    /** Who sees what, as parameters of {@link #VISIBLE}. */
    private Map<String, Object> permissions(Viewer viewer) {
        Map<String, Object> p = new HashMap<>();
        p.put("readAll", viewer.can(Permission.MEETING_READ_ALL));
        p.put("terms", viewer.can(Permission.MEETING_READ) && viewer.personId() != null
                ? directory.termsOf(viewer.personId()).toArray(Long[]::new) : new Long[0]);
        p.put("internal", viewer.can(Permission.ITEM_READ_INTERNAL));
        p.put("confidential", viewer.can(Permission.ITEM_READ_CONFIDENTIAL));
        p.put("readout", viewer.can(Permission.READOUT_READ));
        p.put("supAll", viewer.can(Permission.SUPERVISION_READ_ALL));
        p.put("unit", viewer.can(Permission.SUPERVISION_REPORT) ? viewer.unitId() : null);
        return p;
    }

    private static final String VISIBLE = """
            ((d.kind in ('MEETING', 'ITEM') and (((:readAll or d.term_id = any(cast(:terms as bigint[])))
                    and (d.visibility = 'PUBLIC' or (d.visibility = 'INTERNAL' and :internal)
                         or (d.visibility = 'CONFIDENTIAL' and :confidential)))
                or (:readout and d.published)))
             or (d.kind = 'SUPERVISED_ITEM' and (:supAll or (cast(:unit as bigint) is not null
                    and cast(:unit as bigint) = any(d.unit_ids)))))""";

    private List<Facet> facet(String column, String from, Map<String, Object> params,
            java.util.function.Function<String, String> label) {
        List<Facet> facets = new ArrayList<>();
        jdbc.sql("select " + column + " as v, count(*) as c " + from + " group by 1 order by 2 desc, 1 desc limit 20")
                .params(params).query(rs -> {
                    String v = rs.getString("v");
                    facets.add(new Facet(v, label.apply(v), rs.getLong("c")));
                });
        return facets;
    }

    private void check(Request r) {
        var problems = new InvalidInput.Collector();
        if (r.q() != null && r.q().length() > MAX_QUERY) {
            problems.add("q", "search.query-too-long", MAX_QUERY, r.q().length());
        }
        if (r.kind() != null && Arrays.stream(Kind.values()).noneMatch(k -> k.name().equals(r.kind()))) {
            problems.add("kind", "search.unknown-facet", r.kind().length() > 40 ? r.kind().substring(0, 40) : r.kind(),
                    String.join(", ", Arrays.stream(Kind.values()).map(Kind::name).toList()));
        }
        if (r.bodyId() != null && directory.findBody(r.bodyId()).isEmpty()) {
            problems.add("bodyId", "input.unknown", InvalidInput.label("kind.body"), r.bodyId());
        }
        if (r.year() != null && (r.year() < 1949 || r.year() > 2200)) {
            problems.add("year", "input.year-range", 1949, 2200);
        }
        if (r.page() < 0 || r.page() > 1000) {
            problems.add("page", "search.page-range", 1000);
        }
        if (r.size() < 0 || r.size() > MAX_SIZE) {
            problems.add("size", "search.size-range", MAX_SIZE);
        }
        problems.throwIfAny();
    }

    private String kindText(String kind, Locale locale) {
        return messages.getMessage("search.kind." + kind, null, kind, locale);
    }

    /** The headline as HTML: the text escaped, the marks made {@code <mark>}, the segmenter's gaps taken out. */
    static String snippet(String headline) {
        if (headline == null) {
            return "";
        }
        String text = Segmenter.restore(headline);
        return HtmlUtils.htmlEscape(text).replace(START, "<mark>").replace(STOP, "</mark>")
                .replace(FRAGMENTS, " … ").replace("\n", " ");
    }

    private static String link(Viewer viewer, String kind, long id, Long meetingId) {
        return switch (kind) {
            case "SUPERVISED_ITEM" -> "/supervision/items/" + id;
            case "ITEM" -> viewer.can(Permission.MEETING_READ) || viewer.can(Permission.MEETING_READ_ALL)
                    ? "/meetings/" + meetingId + "#item-" + id : "/readouts/" + meetingId;
            default -> viewer.can(Permission.MEETING_READ) || viewer.can(Permission.MEETING_READ_ALL)
                    ? "/meetings/" + id : "/readouts/" + id;
        };
    }
}
