package org.yishi.meetings;

import java.util.List;

/**
 * What happened to one agenda item at the meeting: who was recused, who said what, the vote (null if none was taken)
 * and the decision (null while undecided).
 */
public record ItemProceedings(long itemId, List<Recusal> recusals, List<Opinion> opinions, Vote vote,
        Decision decision) {
}
