package org.yishi.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Directory;
import org.yishi.directory.ProtocolOrder;
import org.yishi.directory.Unit;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingTitles;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Visibility;
import org.yishi.platform.NotFound;

/**
 * What the supervision pages show around an item, in the reader's language: names of units, leaders and the
 * accounts that acted, the meeting and decision an item carries out (the decision's wording only for those who may
 * read it), and the working days left before the deadline.
 */
@Component
public class ItemViews {

    /** Someone or something to choose in a form: its id, its name, and a title to tell it apart (may be null). */
    record Choice(long id, String name, String title) {
    }

    /**
     * Where an item comes from when it carries out a decision: the meeting's heading and date, whether the reader may
     * open the meeting, and the decision's wording, or null with {@code hidden} when the reader may not read it.
     */
    record DecisionSource(long meetingId, String meeting, LocalDate heldOn, boolean meetingOpen, Long agendaItemId,
            String decision, boolean hidden) {
    }

    /** Working days left before the deadline, or how many it is overdue by; neither for a closed item. */
    record Remaining(Integer left, Integer overdue) {
    }

    private final Directory directory;
    private final Meetings meetings;
    private final MeetingTitles titles;
    private final Accounts accounts;
    private final Supervision supervision;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    ItemViews(Directory directory, Meetings meetings, MeetingTitles titles, Accounts accounts, Supervision supervision,
            Optional<Clock> clock, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.directory = directory;
        this.meetings = meetings;
        this.titles = titles;
        this.accounts = accounts;
        this.supervision = supervision;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public static boolean english(Locale locale) {
        return MeetingTitles.english(locale);
    }

    // ------------------------------------------------------------------------------------------- names

    /** Every unit, in protocol order, by name in the reader's language. */
    public List<Choice> units(Locale locale) {
        return directory.units().stream().sorted(ProtocolOrder.UNITS)
                .map(u -> new Choice(u.id(), unitName(u, locale), null)).toList();
    }

    public Map<Long, String> unitNames(Locale locale) {
        Map<Long, String> names = new HashMap<>();
        directory.units().forEach(u -> names.put(u.id(), unitName(u, locale)));
        return names;
    }

    static String unitName(Unit u, Locale locale) {
        return english(locale) && u.nameEn() != null && !u.nameEn().isBlank() ? u.nameEn() : u.nameZh();
    }

    /** The people who may be named responsible leaders, in protocol order today, with their highest office. */
    public List<Choice> leaders(Locale locale) {
        boolean english = english(locale);
        List<Long> ids = directory.people().stream().map(p -> p.id()).toList();
        return directory.standingsOn(today(), ids).values().stream()
                .filter(s -> s.office() != null)
                .sorted(ProtocolOrder.PEOPLE)
                .map(s -> new Choice(s.personId(), s.person().name(english), english && s.office().titleEn() != null
                        ? s.office().titleEn() : s.office().titleZh()))
                .toList();
    }

    Map<Long, String> personNames(Collection<Long> ids, Locale locale) {
        Map<Long, String> names = new HashMap<>();
        ids.stream().filter(java.util.Objects::nonNull).distinct().forEach(id -> directory.findPerson(id)
                .ifPresent(p -> names.put(id, p.name(english(locale)))));
        return names;
    }

    /** The accounts that acted, by their display name (or user name). */
    Map<Long, String> actorNames(Collection<Long> ids, Map<Long, String> unitNames, Locale locale) {
        Map<Long, String> names = new HashMap<>();
        boolean english = MeetingTitles.english(locale);
        for (Long id : ids.stream().filter(java.util.Objects::nonNull).distinct().toList()) {
            try {
                var a = accounts.account(id);
                // the person behind the account, or the unit a liaison speaks for, before any login name (issue 12)
                String person = a.personId() == null ? null
                        : directory.findPerson(a.personId()).map(p -> p.name(english)).orElse(null);
                String unit = a.unitId() == null || !unitNames.containsKey(a.unitId()) ? null
                        : messages.getMessage("supervision.actor.liaison", new Object[] {unitNames.get(a.unitId())}, locale);
                names.put(id, person != null ? person : unit != null ? unit
                        : a.displayName() != null && !a.displayName().isBlank() ? a.displayName() : a.username());
            } catch (NotFound e) {
                // an account removed since: the log keeps its number only
            }
        }
        return names;
    }

    // ------------------------------------------------------------------------------------------- the source

    /** The meeting and decision an item (or proposal) carries out, as this reader may see them. */
    Optional<DecisionSource> decision(Viewer viewer, Long meetingId, Long agendaItemId, Locale locale) {
        if (meetingId == null) {
            return Optional.empty();
        }
        Optional<Meeting> found = meetings.find(meetingId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Meeting m = found.get();
        AgendaItem item = agendaItemId == null ? null : m.item(agendaItemId);
        boolean readable = item != null && readable(viewer, item.visibility());
        return Optional.of(new DecisionSource(m.id(), titles.heading(m, locale), m.date(), meetings.visibleTo(viewer, m.id()),
                agendaItemId, readable ? item.title(english(locale)) : null, item != null && !readable));
    }

    private static boolean readable(Viewer viewer, Visibility visibility) {
        return switch (visibility) {
            case PUBLIC -> true;
            case INTERNAL -> viewer.can(Permission.ITEM_READ_INTERNAL) || viewer.can(Permission.SUPERVISION_MANAGE);
            case CONFIDENTIAL -> viewer.can(Permission.ITEM_READ_CONFIDENTIAL);
        };
    }

    /** The meeting's heading, e.g. 十二届区委常委会第16次会议, for a proposal's card. */
    public String meetingHeading(long meetingId, Locale locale) {
        return meetings.find(meetingId).map(m -> titles.heading(m, locale)).orElse("");
    }

    public boolean meetingVisible(Viewer viewer, long meetingId) {
        return meetings.visibleTo(viewer, meetingId);
    }

    // ------------------------------------------------------------------------------------------- time

    Remaining remaining(SupervisionItem item, WorkingCalendar calendar) {
        if (item.state() == ItemState.CLOSED) {
            return new Remaining(null, null);
        }
        LocalDate today = today();
        if (today.isAfter(item.deadline())) {
            return new Remaining(null, Math.max(1, calendar.between(item.deadline(), today)));
        }
        return new Remaining(calendar.between(today, item.deadline()), null);
    }

    Map<Long, Remaining> remaining(Collection<SupervisionItem> items) {
        WorkingCalendar calendar = supervision.calendar();
        Map<Long, Remaining> left = new LinkedHashMap<>();
        items.forEach(i -> left.put(i.id(), remaining(i, calendar)));
        return left;
    }

    /** Units named in the decision's wording, in the order they are first named: the first may well lead it. */
    public List<Long> unitsNamedIn(String... texts) {
        String all = String.join("\n", java.util.Arrays.stream(texts).map(t -> t == null ? "" : t).toList());
        record At(long unit, int at) {
        }
        List<At> found = new ArrayList<>();
        for (Unit u : directory.units()) {
            int at = indexOf(all, u.nameZh());
            int shortAt = indexOf(all, u.shortNameZh());
            int first = at < 0 ? shortAt : shortAt < 0 ? at : Math.min(at, shortAt);
            if (first >= 0) {
                found.add(new At(u.id(), first));
            }
        }
        return found.stream().sorted(java.util.Comparator.comparingInt(At::at)).map(At::unit).toList();
    }

    private static int indexOf(String text, String name) {
        return name == null || name.isBlank() ? -1 : text.indexOf(name);
    }
}
