package org.yishi.meetings.minutes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.directory.Term;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.Decision;
import org.yishi.meetings.ItemProceedings;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingTitles;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Minutes;
import org.yishi.meetings.MinutesState;
import org.yishi.meetings.Procedure;
import org.yishi.meetings.rules.RuleSet;
import org.yishi.meetings.rules.RuleSets;
import org.yishi.meetings.rules.RulesOfProcedure;
import org.yishi.platform.Refused;
import tools.jackson.databind.json.JsonMapper;

/**
 * A meeting's record and minutes for a viewer, and the minutes' way to issue.
 *
 * <p>A viewer reads a document only about a meeting they may see ({@link Meetings#meetingFor}: otherwise not found),
 * and only with {@code record:read} (the record) or {@code minutes:read} (the minutes); items hidden from them never
 * appear. Minutes not yet issued are read only by the office and the meeting's presiding person ({@link MinutesReaders}); issued minutes
 * are read as issued, whatever changed since. Every reading of the record is audited ({@code record.read}).
 */
@Service
@Transactional(readOnly = true)
public class MeetingDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Meetings meetings;
    private final Procedure procedure;
    private final MinutesDesk desk;
    private final RuleSets ruleSets;
    private final Directory directory;
    private final MeetingTitles titles;
    private final RecordWriter recordWriter;
    private final MinutesWriter minutesWriter;
    private final Audit audit;

    MeetingDocuments(Meetings meetings, Procedure procedure, MinutesDesk desk, RuleSets ruleSets, Directory directory,
            MeetingTitles titles, RecordWriter recordWriter, MinutesWriter minutesWriter, Audit audit) {
        this.meetings = meetings;
        this.procedure = procedure;
        this.desk = desk;
        this.ruleSets = ruleSets;
        this.directory = directory;
        this.titles = titles;
        this.recordWriter = recordWriter;
        this.minutesWriter = minutesWriter;
        this.audit = audit;
    }

    /** The minutes as a viewer reads them, with where they stand on their way to issue (empty before drafting). */
    public record MinutesReading(Optional<Minutes> workflow, MeetingDocument document) {
    }

    /** The record of the meeting in the language asked for; audited. */
    public MeetingDocument record(Viewer viewer, long meetingId, Locale locale) {
        viewer.require(Permission.RECORD_READ);
        Meeting seen = meetings.meetingFor(viewer, meetingId);
        MeetingDocument record = recordWriter.write(facts(seen), locale);
        audit.record("record.read", "meeting", String.valueOf(meetingId), null, Map.of("language", record.language(),
                "items", seen.items().stream().map(AgendaItem::id).toList()));
        return record;
    }

    /**
     * The minutes in the language asked for: as issued once they are, otherwise as they stand now (for those who work
     * on them). Refused, saying so, when they are not issued and the viewer does not work on minutes.
     */
    public MinutesReading minutes(Viewer viewer, long meetingId, Locale locale) {
        viewer.require(Permission.MINUTES_READ);
        Meeting seen = meetings.meetingFor(viewer, meetingId);
        Optional<Minutes> workflow = desk.find(meetingId);
        boolean issued = workflow.map(w -> w.state() == MinutesState.ISSUED).orElse(false);
        if (issued) {
            MinutesDesk.IssuedText text = desk.issuedText(meetingId).orElseThrow();
            String json = MeetingTitles.english(locale) ? text.en() : text.zh();
            MeetingDocument asIssued = JSON.readValue(json, MeetingDocument.class);
            return new MinutesReading(workflow, asIssued.only(itemIds(seen)));
        }
        MinutesReaders.requireMayRead(viewer, seen, workflow);
        return new MinutesReading(workflow, minutesWriter.write(facts(seen), locale)
                .markedDraft(minutesWriter.draftMark(workflow.map(Minutes::state).orElse(null), locale)));
    }

    /** Where the minutes of a meeting the viewer may see stand on their way to issue; empty before drafting. */
    public Optional<Minutes> workflow(Viewer viewer, long meetingId) {
        meetings.meetingFor(viewer, meetingId);
        return desk.find(meetingId);
    }

    /** Whether the viewer may read these minutes of this meeting now, without reading them (see {@link MinutesReaders}). */
    public static boolean mayReadMinutes(Viewer viewer, Meeting meeting, Optional<Minutes> workflow) {
        return MinutesReaders.mayRead(viewer, meeting, workflow);
    }

    @Transactional
    public Minutes draft(Viewer viewer, long meetingId) {
        meetings.meetingFor(viewer, meetingId);
        return desk.draft(viewer, meetingId);
    }

    @Transactional
    public Minutes check(Viewer viewer, long meetingId) {
        meetings.meetingFor(viewer, meetingId);
        return desk.check(viewer, meetingId);
    }

    @Transactional
    public Minutes signOff(Viewer viewer, long meetingId) {
        meetings.meetingFor(viewer, meetingId);
        return desk.signOff(viewer, meetingId);
    }

    @Transactional
    public Minutes sendBack(Viewer viewer, long meetingId, String reason) {
        meetings.meetingFor(viewer, meetingId);
        return desk.sendBack(viewer, meetingId, reason);
    }

    /**
     * Issues signed-off minutes: writes them from the whole meeting in Chinese and English and keeps both as issued,
     * so that they read the same ever after. Each reader then sees the items they may see.
     */
    @Transactional
    public Minutes issue(Viewer viewer, long meetingId) {
        meetings.meetingFor(viewer, meetingId);
        MeetingDocumentFacts facts = facts(meetings.meeting(meetingId));
        String zh = JSON.writeValueAsString(minutesWriter.write(facts, Locale.SIMPLIFIED_CHINESE));
        String en = JSON.writeValueAsString(minutesWriter.write(facts, Locale.ENGLISH));
        return desk.issue(viewer, meetingId, zh, en);
    }

    /** What the documents are written from: the meeting as given (its items only), read once. */
    MeetingDocumentFacts facts(Meeting m) {
        Body body = directory.body(m.bodyId());
        Term term = directory.term(m.termId());
        List<Long> due = new ArrayList<>(procedure.membersDue(m));
        Map<Long, ItemProceedings> all = procedure.proceedings(m.id());
        Set<Long> shown = itemIds(m);
        Map<Long, ItemProceedings> proceedings = all.entrySet().stream().filter(e -> shown.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<Long> people = new LinkedHashSet<>(m.people());
        people.addAll(due);
        for (ItemProceedings p : proceedings.values()) {
            p.recusals().forEach(r -> people.add(r.personId()));
            p.opinions().forEach(o -> people.add(o.personId()));
            if (p.vote() != null) {
                p.vote().ballots().forEach(b -> people.add(b.personId()));
            }
        }
        RuleSet rules = rulesDecidedUnder(m.bodyId(), proceedings);
        return new MeetingDocumentFacts(m, titles.heading(body, term.number(), m.sequence(), Locale.SIMPLIFIED_CHINESE),
                titles.heading(body, term.number(), m.sequence(), Locale.ENGLISH), due,
                directory.standingsOn(m.date(), people), proceedings, rules);
    }

    /** The rules the items were decided under (kept with each decision), or the body's rules when none is decided. */
    private RuleSet rulesDecidedUnder(long bodyId, Map<Long, ItemProceedings> proceedings) {
        Optional<String> code = proceedings.values().stream().map(ItemProceedings::decision)
                .filter(d -> d != null && d.ruleSetCode() != null).map(Decision::ruleSetCode).findFirst();
        return code.flatMap(c -> ruleSets.all().stream().filter(r -> r.code().equals(c)).findFirst())
                .map(RulesOfProcedure::rules).orElseGet(() -> ruleSets.forBody(bodyId).rules());
    }

    private static Set<Long> itemIds(Meeting m) {
        return m.items().stream().map(AgendaItem::id).collect(Collectors.toSet());
    }
}
