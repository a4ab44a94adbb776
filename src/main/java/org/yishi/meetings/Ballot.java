package org.yishi.meetings;

/** One member's vote on an item; {@code choice} is null in a secret ballot, which records only who voted. */
public record Ballot(long personId, Choice choice) {
}
