package org.yishi.search.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.directory.Unit;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.Directive;
import org.yishi.meetings.Directives;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingTitles;
import org.yishi.meetings.Meetings;
import org.yishi.platform.InvalidInput;
import org.yishi.search.ledger.DirectiveLedgerView.Conveying;
import org.yishi.search.ledger.DirectiveLedgerView.Filter;
import org.yishi.search.ledger.DirectiveLedgerView.Head;
import org.yishi.search.ledger.DirectiveLedgerView.NotYetConveyed;
import org.yishi.search.ledger.DirectiveLedgerView.Supervised;
import org.yishi.supervision.Supervision;
import org.yishi.supervision.SupervisionItem;

/**
 * The directive ledger (传达学习台账): one central directive, as received by every body (the directives with the same
 * title and date of issue), each held meeting that conveyed it with the conveying item's conclusions as its measures,
 * and the supervised items registered from that item with their state. A meeting the reader may not see, or a
 * conveying item whose visibility they may not read, is left out — its body is then listed neither as conveyed nor as
 * not yet conveyed, so the ledger never shows a hidden conveying as missing. Supervised items appear as far as the
 * reader may see them.
 */
@Service
@Transactional(readOnly = true)
class DirectiveLedger {

    private final Directives directives;
    private final Meetings meetings;
    private final MeetingTitles titles;
    private final Supervision supervision;
    private final Directory directory;
    private final MessageSource messages;
    private final Clock clock;

    DirectiveLedger(Directives directives, Meetings meetings, MeetingTitles titles, Supervision supervision,
            Directory directory, MessageSource messages, Optional<Clock> clock) {
        this.directives = directives;
        this.meetings = meetings;
        this.titles = titles;
        this.supervision = supervision;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** The ledger of the directive, for the reader, filtered; refused (every problem at once) on a bad filter. */
    DirectiveLedgerView of(Viewer viewer, long directiveId, Filter filter, Locale locale) {
        check(filter);
        Directive directive = directives.get(directiveId);
        boolean english = MeetingTitles.english(locale);
        LocalDate today = LocalDate.now(clock);
        Map<Long, Body> bodies = new HashMap<>();
        List<Found> found = new ArrayList<>();
        List<NotYetConveyed> notYet = new ArrayList<>();
        for (Directive receipt : directives.receiptsOfSame(directiveId)) {
            if (filter.bodyId() != null && receipt.bodyId() != filter.bodyId()) {
                continue;
            }
            Body body = bodies.computeIfAbsent(receipt.bodyId(), directory::body);
            List<Long> conveying = directives.conveyingMeetings(receipt.id());
            if (conveying.isEmpty()) {
                notYet.add(new NotYetConveyed(receipt.id(), body.id(), MeetingTitles.bodyName(body, english),
                        receipt.receivedOn(), Math.max(0, ChronoUnit.DAYS.between(receipt.receivedOn(), today))));
                continue;
            }
            for (long meetingId : conveying) {
                if (!meetings.visibleTo(viewer, meetingId)) {
                    continue;
                }
                Meeting m = meetings.meetingFor(viewer, meetingId);
                if (!within(m.date(), filter)) {
                    continue;
                }
                m.items().stream().filter(i -> i.directiveId() != null && i.directiveId() == receipt.id())
                        .forEach(i -> found.add(new Found(receipt, body, m, i)));
            }
        }
        Map<Long, List<SupervisionItem>> supervised = supervision.itemsFromAgendaItems(viewer,
                found.stream().map(f -> f.item().id()).toList()).stream()
                .collect(Collectors.groupingBy(SupervisionItem::agendaItemId));
        Map<Long, Unit> units = new HashMap<>();
        List<Conveying> rows = found.stream()
                .sorted(Comparator.comparing((Found f) -> f.meeting().date()).thenComparing(f -> f.body().protocolRank())
                        .thenComparing(f -> f.meeting().id()).thenComparing(f -> f.item().position()))
                .map(f -> new Conveying(f.receipt().id(), f.body().id(), MeetingTitles.bodyName(f.body(), english),
                        f.meeting().date(), f.meeting().id(), titles.heading(f.meeting(), locale), f.item().id(),
                        f.item().title(english), measures(f.item(), english),
                        supervised.getOrDefault(f.item().id(), List.of()).stream()
                                .map(s -> supervised(s, units, english, locale)).toList()))
                .toList();
        notYet.sort(Comparator.comparing((NotYetConveyed n) -> bodies.get(n.bodyId()).protocolRank())
                .thenComparing(NotYetConveyed::bodyId));
        Head head = new Head(directive.id(), english && directive.titleEn() != null ? directive.titleEn()
                : directive.titleZh(), directive.titleZh(), directive.titleEn(), directive.issuedOn(), directive.source());
        return new DirectiveLedgerView(head, filter, rows, List.copyOf(notYet));
    }

    private record Found(Directive receipt, Body body, Meeting meeting, AgendaItem item) {
    }

    private void check(Filter filter) {
        var problems = new InvalidInput.Collector();
        if (filter.bodyId() != null && directory.findBody(filter.bodyId()).isEmpty()) {
            problems.add("bodyId", "input.unknown", InvalidInput.label("kind.body"), filter.bodyId());
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            problems.add("to", "input.dates-reversed");
        }
        problems.throwIfAny();
    }

    private static boolean within(LocalDate date, Filter filter) {
        return (filter.from() == null || !date.isBefore(filter.from())) && (filter.to() == null || !date.isAfter(filter.to()));
    }

    private static String measures(AgendaItem item, boolean english) {
        String text = english && item.conclusionsEn() != null && !item.conclusionsEn().isBlank() ? item.conclusionsEn()
                : item.conclusionsZh();
        return text == null ? "" : text;
    }

    private Supervised supervised(SupervisionItem s, Map<Long, Unit> units, boolean english, Locale locale) {
        Unit unit = units.computeIfAbsent(s.leadUnitId(), directory::unit);
        String unitName = english && unit.nameEn() != null ? unit.nameEn() : unit.nameZh();
        return new Supervised(s.id(), s.serial(), s.content(), unitName, s.state(),
                messages.getMessage("enum.ItemState." + s.state().name(), null, locale), s.colour(), s.progress(),
                s.deadline());
    }
}
