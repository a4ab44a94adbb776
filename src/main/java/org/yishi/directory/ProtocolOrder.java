package org.yishi.directory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Protocol order (排序), the one order in which people and units are shown everywhere: in readouts, minutes and
 * records, the meeting pages and room, and the supervision pages.
 * <ul>
 * <li>People: by the rank of the body of the office that places them highest, then that office's rank; people
 * without a recorded office come after all who hold one.</li>
 * <li>Units: by their protocol rank.</li>
 * </ul>
 * Ties are broken one way only: those of equal standing keep the order in which they were entered. A meeting's
 * people were entered in the order the meeting lists them (the readout names the district leaders sitting in, who
 * hold no recorded office, in that order); people or units that come as a mere set were entered in the order of their
 * ids in the directory ({@link #peopleById}, {@link #UNITS}). Sorting is stable, so the comparators give that order.
 */
public final class ProtocolOrder {

    private ProtocolOrder() {
    }

    /** People as they stand on a day, by protocol rank; sort stably, so that equals keep the order entered. */
    public static final Comparator<PersonStanding> PEOPLE = Comparator
            .comparingInt((PersonStanding s) -> s.office() == null ? Integer.MAX_VALUE : s.bodyRank())
            .thenComparingInt(s -> s.office() == null ? Integer.MAX_VALUE : s.office().protocolRank());

    /** Units in protocol order: by rank, then in the order entered in the directory (id). */
    public static final Comparator<Unit> UNITS = Comparator.comparingInt(Unit::protocolRank).thenComparingLong(Unit::id);

    /**
     * Person ids as a meeting lists them, in protocol order: by their standings, ties in the order given; ids without
     * a standing come last, in the order given.
     */
    public static List<Long> of(Collection<Long> ids, Map<Long, PersonStanding> standings) {
        return ids.stream().sorted(Comparator.comparing((Long id) -> standings.get(id), Comparator.nullsLast(PEOPLE)))
                .toList();
    }

    /**
     * The standings of a set of people (members of a body, say), in protocol order, ties in the order they were
     * entered in the directory; people without a standing are left out.
     */
    public static List<PersonStanding> peopleById(Collection<Long> ids, Map<Long, PersonStanding> standings) {
        return ids.stream().sorted().map(standings::get).filter(Objects::nonNull).sorted(PEOPLE).toList();
    }

    /** The same for standings already looked up. */
    public static List<PersonStanding> peopleById(Collection<PersonStanding> standings) {
        return standings.stream().sorted(Comparator.comparingLong(PersonStanding::personId)).sorted(PEOPLE).toList();
    }

    /** Unit ids in protocol order, by the units they name; ids of unknown units come last, by id. */
    public static List<Long> ofUnits(Collection<Long> ids, Map<Long, Unit> units) {
        return ids.stream().sorted(Comparator.comparing((Long id) -> units.get(id), Comparator.nullsLast(UNITS))
                .thenComparing(Comparator.naturalOrder())).toList();
    }
}
