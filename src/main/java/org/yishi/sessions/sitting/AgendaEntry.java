package org.yishi.sessions.sitting;

import java.time.OffsetDateTime;

/**
 * An item on a session's agenda: a report heard (the government work report, the budget, the court's and the
 * procuratorate's reports), a deliberation by delegations, a resolution to decide, or an election. A resolution or an
 * election carries its count once taken: adopted with a majority of all deputies, whoever is present.
 */
public record AgendaEntry(long id, long sessionId, int position, Kind kind, String titleZh, String titleEn,
        OffsetDateTime countedAt, Integer due, Integer yes, Integer no, Integer abstain, Integer required,
        Boolean adopted) {

    public enum Kind {
        REPORT, DELIBERATION, DECISION, ELECTION;

        /** Whether items of this kind are put to the vote. */
        public boolean voted() {
            return this == DECISION || this == ELECTION;
        }
    }

    public String title(boolean english) {
        return english && titleEn != null && !titleEn.isBlank() ? titleEn : titleZh;
    }
}
