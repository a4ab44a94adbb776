package org.yishi.meetings.minutes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.Decision;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.ItemProceedings;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.Outcome;
import org.yishi.meetings.minutes.MeetingDocument.Field;
import org.yishi.meetings.minutes.MeetingDocument.Section;

/**
 * Writes the minutes (会议纪要) as the genre has them: the title and date, an opening paragraph (when, where, who
 * presided, how many of the members who should attend were present) ending "会议议定事项如下：", then one numbered
 * section per item with what the meeting decided — agreed, agreed in principle, not agreed, deferred, to be studied
 * further — and its conclusions, and at the end who was present, on leave and sitting in. The minutes state decisions,
 * never who said or chose what. Only the items in the facts' meeting are written.
 */
@Component
public class MinutesWriter {

    /** The document an item is about, as the genre quotes it: 《…》 within the item's wording. */
    private static final Pattern QUOTED = Pattern.compile("《[^《》]+》");

    private final MessageSource messages;

    MinutesWriter(MessageSource messages) {
        this.messages = messages;
    }

    public MeetingDocument write(MeetingDocumentFacts facts, Locale locale) {
        DocumentPhrases p = new DocumentPhrases(messages, locale, facts.standings());
        Meeting m = facts.meeting();
        String heading = facts.heading(p.english());

        Set<Long> due = new LinkedHashSet<>(facts.membersDue());
        long present = m.present().stream().filter(due::contains).count();
        String presiding = p.titledInSentence(m.presidingPersonId());
        if (m.entrustedById() != null) {
            presiding = p.get("minutes.doc.on-behalf", p.titledInSentence(m.entrustedById()), presiding);
        }
        String place = p.entered(m.place());
        String held = place == null || place.isBlank()
                ? p.get("minutes.doc.held", p.when(m), presiding, heading)
                : p.get("minutes.doc.held-at", p.when(m), presiding, heading, place);
        List<Field> opening = List.of(Field.paragraph(p.get("minutes.doc.opening", held,
                String.valueOf(due.size()), String.valueOf(present))));

        List<Section> sections = new ArrayList<>();
        sections.add(new Section(null, null, "", opening));
        int number = 0;
        for (AgendaItem item : m.items()) {
            sections.add(new Section(item.id(), ++number, p.heading(item),
                    item(p, item, facts.proceedingsOf(item))));
        }

        List<Field> footer = new ArrayList<>();
        List<Long> presentIds = p.protocolOrder(m.present());
        footer.add(new Field(p.get("minutes.doc.present"), p.join(presentIds.stream().map(p::name).toList())));
        if (!m.onLeave().isEmpty()) {
            footer.add(new Field(p.get("minutes.doc.on-leave"), p.join(p.onLeave(m))));
        }
        List<String> sittingIn = new ArrayList<>(p.protocolOrder(m.inAttendance()).stream().map(p::name).toList());
        m.groups().forEach(g -> sittingIn.add(p.group(g)));
        if (!sittingIn.isEmpty()) {
            footer.add(new Field(p.get("minutes.doc.in-attendance"), p.join(sittingIn)));
        }
        return new MeetingDocument(MeetingDocument.Kind.MINUTES, p.language(), m.id(),
                p.get("minutes.doc.title", heading), p.date(m.date()), List.of(), sections, footer, null);
    }

    /** The marking of minutes not yet issued, naming the stage they are at (issue 12); none is written before a draft. */
    String draftMark(org.yishi.meetings.MinutesState state, java.util.Locale locale) {
        String stage = state == null ? messages.getMessage("minutes.draft-mark.undrafted", null, locale)
                : messages.getMessage("enum.MinutesState." + state.name(), null, locale);
        return messages.getMessage("minutes.draft-mark", new Object[] {stage}, locale);
    }

    private List<Field> item(DocumentPhrases p, AgendaItem item, ItemProceedings proceedings) {
        List<Field> fields = new ArrayList<>();
        String subject = subject(item, p.english());
        String decisionText = decision(p, item, proceedings, subject);
        Decision d = proceedings.decision();
        String note = d == null ? null : p.pick(d.noteZh(), d.noteEn());
        if (note != null && !note.isBlank()) {
            decisionText = p.get("minutes.doc.with-note", decisionText, note.strip());
        }
        fields.add(Field.paragraph(decisionText));
        DocumentPhrases.paragraphs(p.pick(item.conclusionsZh(), item.conclusionsEn())).forEach(c -> fields.add(Field.paragraph(c)));
        return fields;
    }

    /**
     * What the meeting decided, in the genre's words: "会议原则同意《…》。", "会议经表决，同意。", "会议决定，该事项缓议。";
     * an item studied or heard without a vote as "会议传达学习了…。" / "会议听取了…。".
     */
    private static String decision(DocumentPhrases p, AgendaItem item, ItemProceedings proceedings, String subject) {
        Decision d = proceedings.decision();
        if (d == null) {
            return p.get("minutes.doc.undecided");
        }
        boolean voted = d.basis() != null;
        // Chinese names what was agreed: the document, or 该事项; the English sentences stand without an object
        String object = subject != null ? subject : p.english() ? "" : p.get("minutes.doc.this-matter");
        String matter = subject == null ? p.get("minutes.doc.this-matter") : subject;
        if (d.outcome() == Outcome.ADOPTED && !voted) {
            if (item.kind() == ItemKind.CONVEY_STUDY) {
                return p.english() ? p.get("minutes.doc.studied") : p.get("minutes.doc.studied", rest(item.title(false), "传达学习", "传达", "学习"));
            }
            if (item.kind() == ItemKind.HEAR_REPORT) {
                return p.english() ? p.get("minutes.doc.heard") : p.get("minutes.doc.heard", rest(item.title(false), "听取"));
            }
        }
        return switch (d.outcome()) {
            case ADOPTED -> p.get(voted ? "minutes.doc.adopted-vote" : "minutes.doc.adopted", object);
            case ADOPTED_IN_PRINCIPLE -> p.get(voted ? "minutes.doc.in-principle-vote" : "minutes.doc.in-principle", object);
            case REJECTED -> p.get("minutes.doc.rejected", object);
            case DEFERRED -> p.get("minutes.doc.deferred", matter);
            case FURTHER_STUDY -> p.get("minutes.doc.further-study", matter);
        };
    }

    /** The document the item is about, "《…》", when its Chinese wording names one; in English none is picked out. */
    private static String subject(AgendaItem item, boolean english) {
        if (english || item.titleZh() == null) {
            return null;
        }
        Matcher quoted = QUOTED.matcher(item.titleZh());
        return quoted.find() ? quoted.group() : null;
    }

    /** The wording after its leading verb ("传达学习…精神" → "…精神"), for a sentence that supplies the verb itself. */
    private static String rest(String title, String... verbs) {
        if (title == null) {
            return "";
        }
        for (String verb : verbs) {
            if (title.startsWith(verb) && title.length() > verb.length()) {
                return title.substring(verb.length());
            }
        }
        return title;
    }
}
