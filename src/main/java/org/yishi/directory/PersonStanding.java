package org.yishi.directory;

import java.util.Comparator;

/**
 * A person as they stand on a given day: their names and the office that places them highest in protocol order
 * (null when they hold none that day). Sorting by {@link #PROTOCOL_ORDER} gives protocol order across bodies:
 * by body rank, then office rank; people without a recorded office come last. The order is stable, so people of
 * equal standing keep the order in which they were entered.
 */
public record PersonStanding(Person person, Office office, int bodyRank) {

    public static final Comparator<PersonStanding> PROTOCOL_ORDER = Comparator
            .comparingInt((PersonStanding s) -> s.office == null ? Integer.MAX_VALUE : s.bodyRank)
            .thenComparingInt(s -> s.office == null ? Integer.MAX_VALUE : s.office.protocolRank());

    public long personId() {
        return person.id();
    }
}
