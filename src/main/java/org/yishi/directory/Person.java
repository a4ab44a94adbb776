package org.yishi.directory;

/**
 * A person, known by a Chinese name, a romanised name, or both (as known); at least one is present.
 */
public record Person(long id, String nameZh, String nameRomanized) {

    /** The name to show in the given language, falling back to the other form. */
    public String name(boolean english) {
        return PersonNames.name(nameZh, nameRomanized, english);
    }
}
