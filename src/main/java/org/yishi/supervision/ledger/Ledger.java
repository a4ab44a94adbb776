package org.yishi.supervision.ledger;

import org.yishi.supervision.SerialFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.directory.ProtocolOrder;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Directory;
import org.yishi.directory.Person;
import org.yishi.directory.Unit;

/**
 * The ledger (台账) of supervised items as a viewer may see it: the supervision office and the office (supervision:read-all)
 * see every item; a unit's liaison (supervision:report) only the items their unit leads or co-operates on. Anyone else
 * is refused.
 *
 * <p>A page never counts every matching item: it tells whether another page follows, and the total only when it is
 * known without counting ({@link LedgerPage#total()}); {@link #count} counts up to {@link #COUNT_CAP}.
 */
@Service
@Transactional(readOnly = true)
public class Ledger {

    /** Counting stops here: beyond it the ledger says "more than 10,000". */
    public static final int COUNT_CAP = 10_000;

    private final LedgerStore store;
    private final Directory directory;
    private final SerialFormat serials;

    Ledger(LedgerStore store, Directory directory, SerialFormat serials) {
        this.store = store;
        this.directory = directory;
        this.serials = serials;
    }

    /** The query the request's parameters ask for; refused with every bad value. */
    LedgerQuery query(LedgerParams params) {
        java.util.Set<Long> units = directory.units().stream().map(Unit::id).collect(Collectors.toSet());
        return params.query(units::contains, id -> directory.findPerson(id).isPresent());
    }

    /** One page of the ledger, names in the given language. */
    public LedgerPage page(Viewer viewer, LedgerQuery query, Locale locale) {
        LedgerStore.Found found = store.page(query, scope(viewer));
        Names names = names(locale);
        List<LedgerRow> rows = store.lines(found.ids()).stream().map(names::row).toList();
        return new LedgerPage(rows, query.page(), query.size(), found.more(), found.total());
    }

    /** How many items match the query's filters, up to {@link #COUNT_CAP}. */
    public LedgerCount count(Viewer viewer, LedgerQuery query) {
        return count(viewer, query, COUNT_CAP);
    }

    LedgerCount count(Viewer viewer, LedgerQuery query, int cap) {
        long n = store.countUpTo(query, scope(viewer), cap);
        return n > cap ? new LedgerCount(cap, false) : new LedgerCount(n, true);
    }

    /** Every matching row in the ledger's order, as read from the database, a batch at a time. */
    public void each(Viewer viewer, LedgerQuery query, Locale locale, Consumer<LedgerRow> consumer) {
        Names names = names(locale);
        store.each(query, scope(viewer), 1000, line -> consumer.accept(names.row(line)));
    }

    /** The units whose items the viewer may see; null for all. */
    static Long[] scope(Viewer viewer) {
        if (viewer.can(Permission.SUPERVISION_READ_ALL)) {
            return null;
        }
        if (viewer.can(Permission.SUPERVISION_REPORT)) {
            return viewer.unitId() == null ? new Long[0] : new Long[] {viewer.unitId()};
        }
        throw new AccessDeniedException("supervision:read-all or supervision:report");
    }

    private Names names(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        Map<Long, Unit> units = directory.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        Map<Long, Person> people = directory.people().stream().collect(Collectors.toMap(Person::id, Function.identity()));
        return new Names(units, people, english);
    }

    /** Names of units and people in one language, for many rows. */
    private final class Names {
        private final Map<Long, Unit> units;
        private final Map<Long, Person> people;
        private final boolean english;

        Names(Map<Long, Unit> units, Map<Long, Person> people, boolean english) {
            this.units = units;
            this.people = people;
            this.english = english;
        }

        LedgerRow.Named unit(long id) {
            Unit u = units.get(id);
            String name = u == null ? String.valueOf(id) : english && u.nameEn() != null ? u.nameEn() : u.nameZh();
            return new LedgerRow.Named(id, name);
        }

        LedgerRow row(LedgerStore.Line l) {
            List<LedgerRow.Named> co = ProtocolOrder.ofUnits(l.coUnitIds(), units).stream().map(this::unit).toList();
            Person leader = l.leaderPersonId() == null ? null : people.get(l.leaderPersonId());
            return new LedgerRow(l.id(), serials.format(l.serialYear(), l.serialNumber()), l.source(), l.content(),
                    unit(l.leadUnitId()), co, leader == null ? null : new LedgerRow.Named(leader.id(), leader.name(english)),
                    l.receivedOn(), l.deadline(), l.state(), l.progress(), l.colour(), l.latestProgress());
        }
    }
}
