package org.yishi.meetings.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.yishi.platform.ChineseNumerals;

/**
 * A meeting's record (会议记录) or minutes (会议纪要) in one language, generated from the data: what the page, the JSON
 * API, the PDF and the .docx all show. Plain values only, so that issued minutes are kept as JSON and read back exactly
 * as issued, whatever changes later.
 *
 * @param language {@code zh} or {@code en}
 * @param subtitle the line under the title (the record's confidentiality mark, the minutes' date); may be empty
 * @param header   labelled lines before the sections (time, place, attendance); may be empty
 * @param sections the opening and one section per agenda item, in agenda order
 * @param footer   labelled lines after the sections (the minutes' attendance); may be empty
 * @param draftMark for minutes not yet issued, the marking every copy carries ("草稿 · 未印发（已核稿）"); null once
 *                  issued, and for the record
 */
public record MeetingDocument(Kind kind, String language, long meetingId, String title, String subtitle,
        List<Field> header, List<Section> sections, List<Field> footer, String draftMark) {

    public enum Kind {
        RECORD, MINUTES
    }

    public MeetingDocument {
        header = List.copyOf(header);
        sections = List.copyOf(sections);
        footer = List.copyOf(footer);
    }

    /** A labelled line ("主持人：林海峰") or, without a label, a paragraph of its own. */
    public record Field(String label, String text) {

        public static Field paragraph(String text) {
            return new Field(null, text);
        }
    }

    /**
     * A part of the document: the opening (no item, no number) or one agenda item, numbered as shown.
     *
     * @param itemId  the agenda item the section reports; null for a section about the whole meeting
     * @param number  the item's number as shown (一、/ 1.); null for an unnumbered section
     * @param heading the item's wording; may be empty for the opening
     */
    public record Section(Long itemId, Integer number, String heading, List<Field> fields) {

        public Section {
            fields = List.copyOf(fields);
        }
    }

    public boolean english() {
        return "en".equals(language);
    }

    /** The section's heading with its number: "二、审议…" in Chinese, "2. Deliberate …" in English. */
    public String numberedHeading(Section section) {
        String heading = section.heading() == null ? "" : section.heading();
        if (section.number() == null) {
            return heading;
        }
        return english() ? section.number() + ". " + heading : ChineseNumerals.of(section.number()) + "、" + heading;
    }

    /**
     * The document as a viewer who may see only these items sees it: the sections of other items left out and the
     * rest numbered again from one, so that nothing shows that an item was left out.
     */
    public MeetingDocument only(Set<Long> visibleItemIds) {
        List<Section> kept = new ArrayList<>();
        int number = 0;
        for (Section s : sections) {
            if (s.itemId() != null && !visibleItemIds.contains(s.itemId())) {
                continue;
            }
            kept.add(s.number() == null ? s : new Section(s.itemId(), ++number, s.heading(), s.fields()));
        }
        return new MeetingDocument(kind, language, meetingId, title, subtitle, header, kept, footer, draftMark);
    }

    /** The same document marked as a draft, not yet issued (issue 12). */
    public MeetingDocument markedDraft(String mark) {
        return new MeetingDocument(kind, language, meetingId, title, subtitle, header, sections, footer, mark);
    }

    /** Every text of the document in reading order, one per line: for searching it and for tests. */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        if (draftMark != null) {
            out.append(draftMark).append('\n');
        }
        out.append(title).append('\n');
        if (subtitle != null && !subtitle.isEmpty()) {
            out.append(subtitle).append('\n');
        }
        header.forEach(f -> line(out, f));
        for (Section s : sections) {
            String heading = numberedHeading(s);
            if (!heading.isEmpty()) {
                out.append(heading).append('\n');
            }
            s.fields().forEach(f -> line(out, f));
        }
        footer.forEach(f -> line(out, f));
        return out.toString();
    }

    private void line(StringBuilder out, Field f) {
        if (f.label() != null) {
            out.append(f.label()).append(english() ? ": " : "：");
        }
        out.append(f.text()).append('\n');
    }
}
