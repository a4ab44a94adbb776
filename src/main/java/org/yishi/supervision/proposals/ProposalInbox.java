package org.yishi.supervision.proposals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yishi.meetings.DecisionAdopted;
import org.yishi.supervision.warnings.WorkNotices;

/**
 * Puts each adopted decision into the supervision office's inbox as a proposal. The event may arrive more than once
 * (after a restart, or on two nodes); the proposal is made once.
 */
@Component
class ProposalInbox {

    private final JdbcClient jdbc;
    private final WorkNotices work;

    ProposalInbox(JdbcClient jdbc, WorkNotices work) {
        this.jdbc = jdbc;
        this.work = work;
    }

    @ApplicationModuleListener
    void on(DecisionAdopted d) {
        jdbc.sql("""
                insert into supervision_proposal (meeting_id, agenda_item_id, body_id, held_on, outcome, title_zh,
                       title_en, conclusions_zh, conclusions_en, visibility)
                values (:m, :i, :b, :on, :outcome, :tzh, :ten, :czh, :cen, :vis)
                on conflict (agenda_item_id) do nothing
                returning id""")
                .param("m", d.meetingId()).param("i", d.itemId()).param("b", d.bodyId()).param("on", d.heldOn())
                .param("outcome", d.outcome().name()).param("tzh", d.titleZh()).param("ten", d.titleEn())
                .param("czh", d.conclusionsZh()).param("cen", d.conclusionsEn()).param("vis", d.visibility().name())
                .query(Long.class).optional().ifPresent(work::proposalArrived);
    }
}
