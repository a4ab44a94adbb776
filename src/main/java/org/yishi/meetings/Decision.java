package org.yishi.meetings;

import java.time.Instant;
import org.yishi.meetings.rules.DecisionBase;

/**
 * How an item was decided, with the numbers it was decided on, as they were at the time: members who should attend,
 * members present, members recused, and, when it was counted, the basis the yes votes were counted against and the
 * threshold they had to exceed (or reach). {@code basis} is null when there was no vote.
 *
 * @param threshold the share of the basis as shown, e.g. "4.5"
 */
public record Decision(Outcome outcome, int membersDue, int present, int recused, Integer basis, String threshold,
        Boolean strictlyMore, DecisionBase base, String ruleSetCode, String noteZh, String noteEn, Instant decidedAt) {
}
