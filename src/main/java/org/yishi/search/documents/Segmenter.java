package org.yishi.search.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Chinese word segmentation for the index and for queries (HanLP portable, its dictionaries in the jar, with the
 * directory's names added as a user dictionary). Chinese is written without spaces; PostgreSQL's {@code simple}
 * parser would keep a whole run of Chinese characters as one token, so the text is cut into words here and the words
 * are handed to PostgreSQL separated by spaces.
 *
 * <p>Three outputs: the words to index as a {@code tsvector} with their positions (so that a query of several words is
 * a phrase: "务志" never matches the end of one word and the start of the next), a query as a {@code tsquery}, and a
 * display form of the text that {@code ts_headline} can mark word by
 * word and that maps back to the original exactly ({@link #displayOf}, {@link #restore}).
 */
final class Segmenter {

    /** Between two words in the display form; removed again by {@link #restore}. */
    static final char GAP = ' ';
    /** A space of the original text in the display form, so that it is not taken for a gap. */
    static final char SPACE = '\t';

    private Segmenter() {
    }

    private static Segment standard() {
        return HanLP.newSegment().enableCustomDictionary(true).enableOffset(true).enableNameRecognize(true);
    }

    private static Segment index() {
        return HanLP.newSegment().enableCustomDictionary(true).enableIndexMode(2);
    }

    /** Adds words to the user dictionary (names of people, bodies, units; titles); answers which were new to it. */
    static synchronized List<String> addWords(Iterable<String> words) {
        List<String> added = new ArrayList<>();
        for (String w : words) {
            String word = w == null ? "" : w.strip();
            if (word.length() >= 2 && word.length() <= 40 && !word.contains(" ") && !CustomDictionary.contains(word)) {
                CustomDictionary.insert(word, "nz 1024");
                added.add(word);
            }
        }
        return added;
    }

    /** PostgreSQL keeps positions up to this one; later words share it. */
    static final int MAX_POSITION = 16_383;

    /**
     * The text as a {@code tsvector} literal: each word of the standard segmentation at its position, and the shorter
     * dictionary words inside a long word at the same position, so that "服务" also finds "服务队" and the phrase
     * "志愿 服务" still matches "志愿服务队". Words are letters and digits only, so they need no quoting.
     */
    static String tsvector(String text) {
        java.util.Map<String, java.util.TreeSet<Integer>> positions = new java.util.LinkedHashMap<>();
        int p = 0;
        for (String w : queryWords(text)) {
            int at = Math.min(++p, MAX_POSITION);
            positions.computeIfAbsent(w, k -> new java.util.TreeSet<>()).add(at);
            if (w.length() > 2) {
                for (Term t : index().seg(w)) {
                    String sub = word(t.word);
                    if (!sub.isEmpty() && !sub.equals(w)) {
                        positions.computeIfAbsent(sub, k -> new java.util.TreeSet<>()).add(at);
                    }
                }
            }
        }
        StringBuilder b = new StringBuilder();
        positions.forEach((w, at) -> {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append('\'').append(w).append("':");
            // a lexeme keeps at most 256 positions
            b.append(at.stream().limit(256).map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        });
        return b.toString();
    }

    /**
     * A query as a {@code tsquery} literal: the words of each part the user separated by spaces must follow one another
     * (a phrase), and every part must match; null when the query has no word at all (only operators, punctuation).
     */
    static String tsquery(String query) {
        List<String> parts = new ArrayList<>();
        for (String part : query.strip().split("\\s+")) {
            List<String> words = queryWords(part);
            if (!words.isEmpty()) {
                parts.add("(" + String.join(" <-> ", words.stream().map(w -> "'" + w + "'").toList()) + ")");
            }
        }
        return parts.isEmpty() ? null : String.join(" & ", parts);
    }

    /** The words of a query, as the index knows them: lower case, without punctuation, operators or spaces. */
    static List<String> queryWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (Term t : standard().seg(text)) {
            String w = word(t.word);
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Keeps letters and digits only, in lower case: what PostgreSQL's simple parser would keep of a word. */
    private static String word(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        raw.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The text with a {@link #GAP} between every two words of the standard segmentation and its own spaces as
     * {@link #SPACE}: what {@code ts_headline} marks, and what {@link #restore} turns back into the text.
     */
    static String displayOf(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String plain = text.replace(GAP, SPACE);
        StringBuilder b = new StringBuilder(plain.length() * 2);
        int at = 0;
        for (Term t : standard().seg(plain)) {
            int start = Math.max(t.offset, at);
            int end = Math.min(plain.length(), t.offset + t.word.length());
            if (start >= end) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append(GAP);
            }
            b.append(plain, at, end);
            at = end;
        }
        if (at < plain.length()) {
            b.append(GAP).append(plain, at, plain.length());
        }
        return b.toString();
    }

    /** The original text of a display form (or of a fragment of it). */
    static String restore(String display) {
        return display.replace(String.valueOf(GAP), "").replace(SPACE, ' ');
    }
}
