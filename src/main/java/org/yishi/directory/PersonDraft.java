package org.yishi.directory;

/** What a user enters to create or edit a {@link Person}. */
public record PersonDraft(String nameZh, String nameRomanized) {
}
