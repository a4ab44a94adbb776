package org.yishi.meetings.directives;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yishi.meetings.Directive;
import org.yishi.meetings.Directives;
import org.yishi.meetings.MeetingTitles;
import org.yishi.meetings.Meetings;

/**
 * A body's directives queue as the API and the pages show it: newest first, each pending or conveyed (with the meeting
 * that conveyed it), and the newest pending one marked as the next meeting's first item.
 */
@Component
class DirectiveViews {

    private final Directives directives;
    private final Meetings meetings;
    private final MeetingTitles titles;

    DirectiveViews(Directives directives, Meetings meetings, MeetingTitles titles) {
        this.directives = directives;
        this.meetings = meetings;
        this.titles = titles;
    }

    /** The held meeting that conveyed a directive. */
    record Conveyed(long meetingId, LocalDate date, String heading) {
    }

    /**
     * A directive in the queue.
     *
     * @param nextFirstItem whether it is the newest pending directive: what the next meeting's first item should study
     * @param conveyedBy    the meeting that conveyed it; null while pending
     */
    record DirectiveView(long id, long bodyId, String titleZh, String titleEn, LocalDate issuedOn, LocalDate receivedOn,
            String source, boolean pending, boolean nextFirstItem, Conveyed conveyedBy) {
    }

    List<DirectiveView> queue(long bodyId, Locale locale) {
        List<Directive> all = directives.of(bodyId);
        Long next = all.stream().filter(Directive::pending).findFirst().map(Directive::id).orElse(null);
        return all.stream().map(d -> view(d, next, locale)).toList();
    }

    DirectiveView one(long id, Locale locale) {
        Directive d = directives.get(id);
        Long next = directives.newestPending(d.bodyId(), -1).map(Directive::id).orElse(null);
        return view(d, next, locale);
    }

    private DirectiveView view(Directive d, Long next, Locale locale) {
        Conveyed conveyed = Optional.ofNullable(d.conveyedByMeetingId()).flatMap(meetings::find)
                .map(m -> new Conveyed(m.id(), m.date(), titles.heading(m, locale))).orElse(null);
        return new DirectiveView(d.id(), d.bodyId(), d.titleZh(), d.titleEn(), d.issuedOn(), d.receivedOn(), d.source(),
                d.pending(), next != null && next == d.id(), conveyed);
    }
}
