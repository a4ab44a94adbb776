package org.yishi.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yishi.platform.Text;
import org.yishi.meetings.rules.DecisionBase;

/** What happens to items at a meeting, in PostgreSQL: recusals, opinions, votes with their ballots, decisions. */
@Repository
class ProceedingsStore {

    private final JdbcClient jdbc;

    ProceedingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record ItemRow(long itemId, long personId, String reason) {
    }

    private record OpinionRow(long id, long itemId, long personId, boolean written, String text) {
    }

    private record VoteRow(long itemId, String method, Instant openedAt, Instant countedAt, Integer yes, Integer no,
            Integer abstain) {
    }

    private record BallotRow(long itemId, long personId, String choice) {
    }

    private record DecisionRow(long itemId, String outcome, int membersDue, int present, int recused, Integer basis,
            String threshold, Boolean strictlyMore, String base, String ruleSetCode, String noteZh, String noteEn,
            Instant decidedAt) {
    }

    /** Every item's proceedings for a meeting, by item id; items nothing happened to have empty proceedings. */
    Map<Long, ItemProceedings> forMeeting(long meetingId) {
        return load("i.meeting_id", meetingId);
    }

    /** One item's proceedings. */
    ItemProceedings forItem(long itemId) {
        return load("i.id", itemId).get(itemId);
    }

    /** The proceedings of the agenda items {@code i} whose {@code column} is {@code key}. */
    private Map<Long, ItemProceedings> load(String column, long key) {
        Map<Long, List<Recusal>> recusals = new HashMap<>();
        jdbc.sql("""
                select r.item_id, r.person_id, r.reason from recusal r join agenda_item i on i.id = r.item_id
                where %1$s = :k order by r.item_id, r.person_id""".formatted(column)).param("k", key)
                .query(ItemRow.class).list()
                .forEach(r -> recusals.computeIfAbsent(r.itemId(), k -> new ArrayList<>()).add(new Recusal(r.personId(), r.reason())));
        Map<Long, List<Opinion>> opinions = new HashMap<>();
        jdbc.sql("""
                select o.id, o.item_id, o.person_id, o.written, o.text from opinion o join agenda_item i on i.id = o.item_id
                where %1$s = :k order by o.id""".formatted(column)).param("k", key).query(OpinionRow.class).list()
                .forEach(o -> opinions.computeIfAbsent(o.itemId(), k -> new ArrayList<>())
                        .add(new Opinion(o.id(), o.personId(), o.written(), o.text())));
        Map<Long, List<Ballot>> ballots = new HashMap<>();
        jdbc.sql("""
                select b.item_id, b.person_id, b.choice from ballot b join agenda_item i on i.id = b.item_id
                where %1$s = :k order by b.item_id, b.person_id""".formatted(column)).param("k", key)
                .query(BallotRow.class).list()
                .forEach(b -> ballots.computeIfAbsent(b.itemId(), k -> new ArrayList<>())
                        .add(new Ballot(b.personId(), b.choice() == null ? null : Choice.valueOf(b.choice()))));
        Map<Long, Vote> votes = new HashMap<>();
        jdbc.sql("""
                select v.item_id, v.method, v.opened_at, v.counted_at, v.yes, v.no, v.abstain
                from vote v join agenda_item i on i.id = v.item_id where %1$s = :k""".formatted(column)).param("k", key)
                .query(VoteRow.class).list()
                .forEach(v -> votes.put(v.itemId(), new Vote(VoteMethod.valueOf(v.method()), v.openedAt(), v.countedAt(),
                        v.yes(), v.no(), v.abstain(), List.copyOf(ballots.getOrDefault(v.itemId(), List.of())))));
        Map<Long, Decision> decisions = new HashMap<>();
        jdbc.sql("""
                select d.* from decision d join agenda_item i on i.id = d.item_id where %1$s = :k""".formatted(column))
                .param("k", key).query(DecisionRow.class).list()
                .forEach(d -> decisions.put(d.itemId(), new Decision(Outcome.valueOf(d.outcome()), d.membersDue(), d.present(),
                        d.recused(), d.basis(), d.threshold(), d.strictlyMore(), d.base() == null ? null : DecisionBase.valueOf(d.base()),
                        d.ruleSetCode(), d.noteZh(), d.noteEn(), d.decidedAt())));
        Map<Long, ItemProceedings> all = new HashMap<>();
        for (long itemId : jdbc.sql("select id from agenda_item i where %s = :k".formatted(column)).param("k", key).query(Long.class).list()) {
            all.put(itemId, new ItemProceedings(itemId, List.copyOf(recusals.getOrDefault(itemId, List.of())),
                    List.copyOf(opinions.getOrDefault(itemId, List.of())), votes.get(itemId), decisions.get(itemId)));
        }
        return all;
    }

    /** Locks the item's row until the transaction ends: ballots, counts and decisions on one item go one at a time. */
    Optional<Long> lockItem(long itemId) {
        return jdbc.sql("select meeting_id from agenda_item where id = :id for update").param("id", itemId)
                .query(Long.class).optional();
    }

    void recuse(long itemId, long personId, String reason) {
        jdbc.sql("""
                insert into recusal (item_id, person_id, reason) values (:i, :p, :r)
                on conflict (item_id, person_id) do update set reason = excluded.reason""")
                .param("i", itemId).param("p", personId).param("r", reason.strip()).update();
    }

    boolean withdrawRecusal(long itemId, long personId) {
        return jdbc.sql("delete from recusal where item_id = :i and person_id = :p").param("i", itemId)
                .param("p", personId).update() > 0;
    }

    long addOpinion(long itemId, long personId, boolean written, String text) {
        return jdbc.sql("insert into opinion (item_id, person_id, written, text) values (:i, :p, :w, :t) returning id")
                .param("i", itemId).param("p", personId).param("w", written).param("t", text.strip())
                .query(Long.class).single();
    }

    boolean removeOpinion(long itemId, long opinionId) {
        return jdbc.sql("delete from opinion where id = :id and item_id = :i").param("id", opinionId).param("i", itemId)
                .update() > 0;
    }

    void openVote(long itemId, VoteMethod method) {
        jdbc.sql("insert into vote (item_id, method) values (:i, :m)").param("i", itemId).param("m", method.name()).update();
    }

    void dropVote(long itemId) {
        jdbc.sql("delete from vote where item_id = :i and counted_at is null").param("i", itemId).update();
    }

    /** Records a ballot; in a secret ballot {@code choice} is null and only the fact of voting is kept. */
    void cast(long itemId, long personId, Choice choice) {
        jdbc.sql("insert into ballot (item_id, person_id, choice) values (:i, :p, :c)").param("i", itemId)
                .param("p", personId).param("c", choice == null ? null : choice.name()).update();
    }

    /** Changes a ballot's choice, or removes the ballot when {@code choice} is null. */
    void correctBallot(long itemId, long personId, Choice choice) {
        if (choice == null) {
            jdbc.sql("delete from ballot where item_id = :i and person_id = :p").param("i", itemId).param("p", personId)
                    .update();
        } else {
            jdbc.sql("update ballot set choice = :c where item_id = :i and person_id = :p").param("c", choice.name())
                    .param("i", itemId).param("p", personId).update();
        }
    }

    /** Removes an item's decision: the item is undecided again. */
    void undecide(long itemId) {
        jdbc.sql("delete from decision where item_id = :i").param("i", itemId).update();
    }

    void count(long itemId, int yes, int no, int abstain) {
        jdbc.sql("update vote set counted_at = now(), yes = :y, no = :n, abstain = :a where item_id = :i")
                .param("y", yes).param("n", no).param("a", abstain).param("i", itemId).update();
    }

    void decide(long itemId, Decision d, Long accountId) {
        var p = new HashMap<String, Object>();
        p.put("i", itemId);
        p.put("outcome", d.outcome().name());
        p.put("due", d.membersDue());
        p.put("present", d.present());
        p.put("recused", d.recused());
        p.put("basis", d.basis());
        p.put("threshold", d.threshold());
        p.put("strict", d.strictlyMore());
        p.put("base", d.base() == null ? null : d.base().name());
        p.put("code", d.ruleSetCode());
        p.put("nzh", Text.orNull(d.noteZh()));
        p.put("nen", Text.orNull(d.noteEn()));
        p.put("by", accountId);
        jdbc.sql("""
                insert into decision (item_id, outcome, members_due, present, recused, basis, threshold, strictly_more,
                                      base, rule_set_code, note_zh, note_en, decided_by)
                values (:i, :outcome, :due, :present, :recused, :basis, :threshold, :strict, :base, :code, :nzh, :nen, :by)""")
                .params(p).update();
    }

    void consent(long itemId) {
        jdbc.sql("update agenda_item set ad_hoc_consent = true where id = :i").param("i", itemId).update();
    }
}
