package org.yishi.meetings.minutes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.Ballot;
import org.yishi.meetings.Choice;
import org.yishi.meetings.Decision;
import org.yishi.meetings.ItemProceedings;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.Opinion;
import org.yishi.meetings.Recusal;
import org.yishi.meetings.Vote;
import org.yishi.meetings.VoteMethod;
import org.yishi.meetings.minutes.MeetingDocument.Field;
import org.yishi.meetings.minutes.MeetingDocument.Section;
import org.yishi.meetings.rules.RuleTexts;

/**
 * Writes the meeting record (会议记录): the internal document that keeps everything — time, place, who presided (and on
 * whose behalf), the members who should attend, who was present, on leave, absent and sitting in; for each item its
 * kind, recusals, what each member said and what absent members sent in writing (recorded, never counted), the voting
 * method, who chose what in an open vote, the counts, and the outcome with the numbers it was decided on. A secret
 * ballot shows the counts and how many voted, never who chose what. Only the items in the facts' meeting are written:
 * the caller leaves out what the reader may not see.
 */
@Component
class RecordWriter {

    private final MessageSource messages;
    private final RuleTexts texts;

    RecordWriter(MessageSource messages, RuleTexts texts) {
        this.messages = messages;
        this.texts = texts;
    }

    public MeetingDocument write(MeetingDocumentFacts facts, Locale locale) {
        DocumentPhrases p = new DocumentPhrases(messages, locale, facts.standings());
        Meeting m = facts.meeting();
        List<Field> header = new ArrayList<>();
        header.add(new Field(p.get("record.time"), p.time(m)));
        if (m.place() != null && !m.place().isBlank()) {
            header.add(new Field(p.get("record.place"), p.enteredOrSaid(m.place())));
        }
        String presiding = p.nameAndTitle(m.presidingPersonId());
        if (m.entrustedById() != null) {
            presiding = p.get("record.entrusted", presiding, p.titled(m.entrustedById()));
        }
        header.add(new Field(p.get("record.presiding"), presiding));
        header.add(new Field(p.get("record.rules"), texts.describe(facts.rules(), locale)));

        Set<Long> due = new LinkedHashSet<>(facts.membersDue());
        header.add(new Field(p.get("record.due"), people(p, facts.membersDue(), false)));
        List<Long> presentMembers = m.present().stream().filter(due::contains).toList();
        header.add(new Field(p.get("record.present"), people(p, presentMembers, true)));
        List<Long> presentOthers = m.present().stream().filter(id -> !due.contains(id)).toList();
        if (!presentOthers.isEmpty()) {
            header.add(new Field(p.get("record.present-not-members"), people(p, presentOthers, true)));
        }
        List<String> leave = p.onLeave(m);
        Set<Long> accounted = new LinkedHashSet<>(m.present());
        m.onLeave().forEach(l -> accounted.add(l.personId()));
        header.add(new Field(p.get("record.on-leave"), leave.isEmpty() ? p.get("record.none")
                : p.get("record.count-list", String.valueOf(leave.size()), p.join(leave))));
        List<Long> absent = facts.membersDue().stream().filter(id -> !accounted.contains(id)).toList();
        if (!absent.isEmpty()) {
            header.add(new Field(p.get("record.absent"), people(p, absent, false)));
        }
        List<String> sittingIn = new ArrayList<>();
        p.protocolOrder(m.inAttendance()).forEach(id -> sittingIn.add(p.nameAndTitle(id)));
        m.groups().forEach(g -> sittingIn.add(p.group(g)));
        header.add(new Field(p.get("record.in-attendance"), sittingIn.isEmpty() ? p.get("record.none") : p.join(sittingIn)));

        List<Section> sections = new ArrayList<>();
        int number = 0;
        for (AgendaItem item : m.items()) {
            sections.add(new Section(item.id(), ++number, p.heading(item), item(p, item, facts.proceedingsOf(item))));
        }
        return new MeetingDocument(MeetingDocument.Kind.RECORD, p.language(), m.id(),
                p.get("record.title", facts.heading(p.english())), p.get("record.subtitle"), header, sections, List.of(),
                null);
    }

    private List<Field> item(DocumentPhrases p, AgendaItem item, ItemProceedings proceedings) {
        List<Field> fields = new ArrayList<>();
        List<String> kind = new ArrayList<>(List.of(p.label(item.kind()), p.label(item.visibility())));
        if (item.collectiveDecision()) {
            kind.add(p.get("record.item.collective"));
        }
        if (item.adHoc()) {
            kind.add(p.get(item.adHocConsent() ? "record.item.ad-hoc-consent" : "record.item.ad-hoc-no-consent"));
        }
        fields.add(new Field(p.get("record.item.kind"), p.clauses(kind)));
        recusals(p, proceedings, fields);
        for (Opinion o : proceedings.opinions()) {
            fields.add(new Field(p.get(o.written() ? "record.item.written" : "record.item.spoke", p.name(o.personId())),
                    o.text()));
        }
        vote(p, proceedings, fields);
        outcome(p, proceedings, fields);
        List<String> paragraphs = DocumentPhrases.paragraphs(p.pick(item.conclusionsZh(), item.conclusionsEn()));
        if (!paragraphs.isEmpty()) {
            fields.add(new Field(p.get("record.item.conclusions"), String.join("\n", paragraphs)));
        }
        return fields;
    }

    /** Who was recused, with the reason, in protocol order. */
    private static void recusals(DocumentPhrases p, ItemProceedings proceedings, List<Field> fields) {
        if (!proceedings.recusals().isEmpty()) {
            List<String> recused = new ArrayList<>();
            for (Long id : p.protocolOrder(proceedings.recusals().stream().map(Recusal::personId).toList())) {
                String reason = proceedings.recusals().stream().filter(r -> r.personId() == id).findFirst()
                        .map(Recusal::reason).orElse("");
                recused.add(p.get("document.name-reason", p.name(id), p.enteredOrSaid(reason)));
            }
            fields.add(new Field(p.get("record.item.recusals"), p.join(recused)));
        }
    }

    /** The vote's method, the ballots (who voted, and in an open vote who chose what) and the counts. */
    private static void vote(DocumentPhrases p, ItemProceedings proceedings, List<Field> fields) {
        Vote vote = proceedings.vote();
        if (vote != null) {
            fields.add(new Field(p.get("record.item.method"), p.label(vote.method())));
            if (vote.method() == VoteMethod.SECRET) {
                // who voted, never who chose what
                fields.add(new Field(p.get("record.item.ballots"),
                        p.get("record.item.secret-ballots", String.valueOf(vote.ballots().size()))));
            } else if (!vote.ballots().isEmpty()) {
                List<String> byChoice = new ArrayList<>();
                for (Choice c : Choice.values()) {
                    List<Long> who = vote.ballots().stream().filter(b -> b.choice() == c).map(Ballot::personId).toList();
                    byChoice.add(p.get("record.item.choice", p.label(c), who.isEmpty() ? p.get("record.none")
                            : p.join(p.protocolOrder(who).stream().map(p::name).toList())));
                }
                fields.add(new Field(p.get("record.item.ballots"), p.clauses(byChoice)));
            }
            if (vote.yes() != null) {
                fields.add(new Field(p.get("record.item.counts"), p.get("record.item.counts-text",
                        String.valueOf(vote.yes()), String.valueOf(vote.no()), String.valueOf(vote.abstain()))));
            } else if (proceedings.decision() == null) {
                fields.add(new Field(p.get("record.item.counts"), p.get("record.item.vote-open")));
            }
        }
    }

    /** The outcome as the rule explains it, and the decision's note. */
    private void outcome(DocumentPhrases p, ItemProceedings proceedings, List<Field> fields) {
        Decision decision = proceedings.decision();
        Vote vote = proceedings.vote();
        if (decision == null) {
            fields.add(new Field(p.get("record.item.outcome"), p.get("record.item.undecided")));
        } else {
            fields.add(new Field(p.get("record.item.outcome"), texts.explain(decision, vote, p.locale())));
            String note = p.pick(decision.noteZh(), decision.noteEn());
            if (note != null && !note.isBlank()) {
                fields.add(new Field(p.get("record.item.note"), note.strip()));
            }
        }
    }

    /** "9人：林海峰（区委书记）、…", in protocol order; with titles or names only. */
    private static String people(DocumentPhrases p, List<Long> ids, boolean withTitles) {
        if (ids.isEmpty()) {
            return p.get("record.none");
        }
        List<String> names = p.protocolOrder(ids).stream().map(id -> withTitles ? p.nameAndTitle(id) : p.name(id)).toList();
        return p.get("record.count-list", String.valueOf(ids.size()), p.join(names));
    }
}
