package org.yishi.meetings;

import java.time.Instant;
import java.util.List;

/**
 * The vote on an item. While it is open ({@code countedAt} null) ballots may be recorded; once counted it is closed.
 * In an open method the counts follow from the ballots; in a secret ballot the tellers enter them and the ballots
 * name only who voted.
 *
 * @param yes null until counted
 */
public record Vote(VoteMethod method, Instant openedAt, Instant countedAt, Integer yes, Integer no, Integer abstain,
        List<Ballot> ballots) {

    public boolean open() {
        return countedAt == null;
    }
}
