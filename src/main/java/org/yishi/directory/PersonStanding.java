package org.yishi.directory;

/**
 * A person as they stand on a given day: their names and the office that places them highest in protocol order
 * (null when they hold none that day), and the rank of that office's body. {@link ProtocolOrder#PEOPLE} orders them.
 */
public record PersonStanding(Person person, Office office, int bodyRank) {

    public long personId() {
        return person.id();
    }
}
