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

    /** The votes for, against and abstaining. */
    public record Counts(int yes, int no, int abstain) {
    }

    /** The votes by choice: the figures counted once there are (the tellers' in a secret ballot), else the ballots'. */
    public Counts counts() {
        if (yes != null) {
            return new Counts(yes, no, abstain);
        }
        return new Counts(of(Choice.YES), of(Choice.NO), of(Choice.ABSTAIN));
    }

    private int of(Choice choice) {
        return (int) ballots.stream().filter(b -> b.choice() == choice).count();
    }

    /** Whether the member has cast a ballot in this vote. */
    public boolean castBy(long personId) {
        return ballots.stream().anyMatch(b -> b.personId() == personId);
    }
}
