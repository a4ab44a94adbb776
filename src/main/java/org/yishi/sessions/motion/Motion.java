package org.yishi.sessions.motion;

import java.time.OffsetDateTime;
import java.util.List;

import org.yishi.sessions.roster.RosterEntry;

/**
 * A motion (议案) of a congress session, numbered within the session: who proposed it (the presidium, a delegation,
 * or deputies jointly, the first signer leading), its subject, grounds and proposed solution [law: Deputies Law art.
 * 15], and what the presidium decided: put on the agenda, or handled as a suggestion.
 */
public record Motion(long id, long sessionId, int number, Proposer proposer, Long delegationId, String subject,
        String grounds, String solution, State state, OffsetDateTime submittedAt, List<RosterEntry> signers) {

    public enum Proposer {
        PRESIDIUM, DELEGATION, DEPUTIES
    }

    public enum State {
        SUBMITTED, ON_AGENDA, AS_SUGGESTION
    }
}
