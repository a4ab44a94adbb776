package org.yishi.supervision;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.directory.Body;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.directory.Person;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.ItemDraft;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingDraft;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.Outcome;
import org.yishi.meetings.Procedure;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;

/**
 * A meeting of the fictional 青川区 standing committee (demo data) planned with all its members present and with the
 * given items, for tests that then hold it and adopt its decisions; each test's meeting on a day of its own. The
 * decisions' proposals reach the supervision inbox asynchronously: {@link #awaitProposals} waits for them.
 */
public record AdoptedDecisions(long meetingId, List<Long> items) {

    private static final AtomicInteger WEEKS = new AtomicInteger();

    /** An item of the meeting: its wording, visibility and conclusions. */
    public record Item(String titleZh, Visibility visibility, String conclusionsZh) {
    }

    public static AdoptedDecisions plan(Meetings meetings, Directory directory, Item... items) {
        Body body = directory.bodies().stream()
                .filter(b -> b.kind() == BodyKind.STANDING_COMMITTEE && b.nameZh().contains("青川")).findFirst().orElseThrow();
        LocalDate date = LocalDate.of(2022, 1, 3).plusWeeks(WEEKS.getAndIncrement());
        long term = directory.termOn(body.id(), date).orElseThrow().id();
        List<Long> members = directory.members(term).stream().map(m -> m.personId()).toList();
        long presiding = directory.people().stream().filter(p -> "林海峰".equals(p.nameZh())).map(Person::id)
                .findFirst().orElseThrow();
        List<ItemDraft> drafts = new ArrayList<>();
        for (Item i : items) {
            drafts.add(new ItemDraft(null, ItemKind.DELIBERATE, i.titleZh(), null, true, i.visibility(),
                    i.conclusionsZh(), null));
        }
        Meeting m = meetings.plan(new MeetingDraft(body.id(), date, TimeOfDay.MORNING, "区委常委会议室",
                MeetingKind.REGULAR, presiding, null, true, members, List.of(), List.of(), List.of(), null, null, drafts,
                null));
        return new AdoptedDecisions(m.id(), m.items().stream().map(AgendaItem::id).toList());
    }

    /** Holds the meeting and adopts every item without a vote, as the presiding person declares it agreed. */
    public AdoptedDecisions adopt(Procedure procedure) {
        procedure.notify(meetingId);
        procedure.open(meetingId);
        items.forEach(i -> procedure.decide(i, Outcome.ADOPTED, null, null));
        return this;
    }

    /** The proposals of the meeting's decisions, by agenda item, once they have all arrived. */
    public Map<Long, Long> awaitProposals(JdbcClient jdbc) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            Map<Long, Long> found = new java.util.HashMap<>();
            jdbc.sql("select agenda_item_id, id from supervision_proposal where meeting_id = :m").param("m", meetingId)
                    .query((rs, n) -> found.put(rs.getLong(1), rs.getLong(2))).list();
            return found;
        }, found -> found.size() == items.size());
    }
}
