package org.yishi.meetings.rules;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.audit.Audit;
import org.yishi.directory.Body;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.platform.Violation;
import org.yishi.platform.Text;

/**
 * The rule sets bodies decide under, stored as data. Four come with Yishi (a Party standing committee, a people's
 * congress session, a CPPCC standing committee, a simple majority of votes cast); office staff may edit them, add
 * their own, and assign one to a body. A body with none assigned decides under the default for its kind. Every
 * change is audited. Decisions keep the numbers they were taken under, so editing a rule set never changes a past
 * result.
 */
@Service
@Transactional(readOnly = true)
public class RuleSets {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Audit audit;

    RuleSets(JdbcClient jdbc, Directory directory, Audit audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    private record Row(long id, String code, String nameZh, String nameEn, int quorumNum, int quorumDen,
            boolean quorumStrict, int personnelNum, int personnelDen, boolean personnelStrict, String base,
            int majorityNum, int majorityDen, boolean majorityStrict, int materialsDays, int version) {

        RulesOfProcedure toRules() {
            return new RulesOfProcedure(id, code, nameZh, nameEn, new RuleSet(code,
                    new Fraction(quorumNum, quorumDen, quorumStrict), new Fraction(personnelNum, personnelDen, personnelStrict),
                    DecisionBase.valueOf(base), new Fraction(majorityNum, majorityDen, majorityStrict)), materialsDays, version);
        }
    }

    public List<RulesOfProcedure> all() {
        return jdbc.sql("select * from rule_set order by id").query(Row.class).list().stream().map(Row::toRules).toList();
    }

    public RulesOfProcedure get(long id) {
        return find(id).orElseThrow(() -> new NotFound("kind.rule-set", id));
    }

    public Optional<RulesOfProcedure> find(long id) {
        return jdbc.sql("select * from rule_set where id = :id").param("id", id).query(Row.class).optional().map(Row::toRules);
    }

    private RulesOfProcedure byCode(String code) {
        return jdbc.sql("select * from rule_set where code = :c").param("c", code).query(Row.class).single().toRules();
    }

    /** The rule set the body decides under: the one assigned to it, or the default for its kind. */
    public RulesOfProcedure forBody(long bodyId) {
        return jdbc.sql("select r.* from rule_set r join body_rule_set b on b.rule_set_id = r.id where b.body_id = :b")
                .param("b", bodyId).query(Row.class).optional().map(Row::toRules)
                .orElseGet(() -> byCode(defaultCode(directory.body(bodyId).kind())));
    }

    /** Whether a rule set is assigned to the body, rather than the default for its kind applying. */
    public boolean assigned(long bodyId) {
        return jdbc.sql("select count(*) from body_rule_set where body_id = :b").param("b", bodyId).query(Long.class).single() > 0;
    }

    static String defaultCode(BodyKind kind) {
        return switch (kind) {
            case STANDING_COMMITTEE -> "party-standing-committee";
            case CONGRESS -> "congress-session";
            case CPPCC_STANDING_COMMITTEE -> "cppcc-standing-committee";
            default -> "simple-majority";
        };
    }

    @Transactional
    public RulesOfProcedure create(RulesDraft draft) {
        check(draft, null);
        long id = jdbc.sql("""
                insert into rule_set (code, name_zh, name_en, quorum_num, quorum_den, quorum_strict, personnel_num,
                       personnel_den, personnel_strict, base, majority_num, majority_den, majority_strict, materials_days)
                values (:code, :nameZh, :nameEn, :qn, :qd, :qs, :pn, :pd, :ps, :base, :mn, :md, :ms, :days)
                returning id""").params(columns(draft)).query(Long.class).single();
        RulesOfProcedure created = get(id);
        audit.record("rules.create", "rule_set", String.valueOf(id), null, created);
        return created;
    }

    @Transactional
    public RulesOfProcedure update(long id, RulesDraft draft) {
        RulesOfProcedure before = get(id);
        check(draft, id);
        if (!before.code().equals(draft.code().strip()) && inUse(before.code(), id)) {
            throw new Refused(List.of(Violation.of("code", "rules.code-in-use", before.code())));
        }
        jdbc.sql("""
                update rule_set set code = :code, name_zh = :nameZh, name_en = :nameEn, quorum_num = :qn,
                       quorum_den = :qd, quorum_strict = :qs, personnel_num = :pn, personnel_den = :pd,
                       personnel_strict = :ps, base = :base, majority_num = :mn, majority_den = :md,
                       majority_strict = :ms, materials_days = :days, updated_at = now(), version = version + 1
                where id = :id""").params(columns(draft)).param("id", id).update();
        RulesOfProcedure after = get(id);
        audit.record("rules.update", "rule_set", String.valueOf(id), before, after);
        return after;
    }

    /**
     * Whether anything refers to the rule set by its code, so that renaming it would leave the reference pointing
     * nowhere: it is the default for a kind of body, a body decides under it, or a decision was taken under it.
     */
    private boolean inUse(String code, long id) {
        boolean kindDefault = java.util.Arrays.stream(BodyKind.values()).map(RuleSets::defaultCode).anyMatch(code::equals);
        return kindDefault || jdbc.sql("""
                select exists (select 1 from body_rule_set where rule_set_id = :id)
                    or exists (select 1 from decision where rule_set_code = :c)""")
                .param("id", id).param("c", code).query(Boolean.class).single();
    }

    /** Assigns a rule set to a body; null returns the body to the default for its kind. */
    @Transactional
    public void assign(long bodyId, Long ruleSetId) {
        Body body = directory.body(bodyId);
        RulesOfProcedure before = forBody(body.id());
        if (ruleSetId == null) {
            jdbc.sql("delete from body_rule_set where body_id = :b").param("b", bodyId).update();
        } else {
            get(ruleSetId);
            jdbc.sql("""
                    insert into body_rule_set (body_id, rule_set_id) values (:b, :r)
                    on conflict (body_id) do update set rule_set_id = excluded.rule_set_id""")
                    .param("b", bodyId).param("r", ruleSetId).update();
        }
        audit.record("rules.assign", "body", String.valueOf(bodyId), before.code(), forBody(bodyId).code());
    }

    private void check(RulesDraft d, Long id) {
        var problems = new InvalidInput.Collector();
        if (Text.blank(d.code())) {
            problems.add("code", "input.required", InvalidInput.label("field.code"));
        } else if (!d.code().matches("[a-z0-9-]{2,40}")) {
            problems.add("code", "rules.code-format");
        } else if (jdbc.sql("select count(*) from rule_set where code = :c and id <> :id").param("c", d.code())
                .param("id", id == null ? -1 : id).query(Long.class).single() > 0) {
            problems.add("code", "rules.code-taken", d.code());
        }
        if (Text.blank(d.nameZh())) {
            problems.add("nameZh", "input.required", InvalidInput.label("field.nameZh"));
        }
        share(problems, "quorum", d.quorumNum(), d.quorumDen(), d.quorumStrict());
        share(problems, "personnel", d.personnelNum(), d.personnelDen(), d.personnelStrict());
        share(problems, "majority", d.majorityNum(), d.majorityDen(), d.majorityStrict());
        if (d.base() == null) {
            problems.add("base", "input.required", InvalidInput.label("field.base"));
        }
        if (d.materialsDays() == null || d.materialsDays() < 0 || d.materialsDays() > 60) {
            problems.add("materialsDays", "rules.materials-days");
        }
        problems.throwIfAny();
    }

    private static void share(InvalidInput.Collector problems, String field, Integer num, Integer den, Boolean strict) {
        if (num == null || den == null || strict == null || den < 1 || den > 100 || num < 0 || num > den
                || (strict && num.equals(den))) {
            problems.add(field + "Num", "rules.share-invalid", InvalidInput.label("rules.field." + field));
        }
    }

    private static java.util.Map<String, Object> columns(RulesDraft d) {
        var m = new java.util.HashMap<String, Object>();
        m.put("code", d.code().strip());
        m.put("nameZh", d.nameZh().strip());
        m.put("nameEn", Text.orNull(d.nameEn()));
        m.put("qn", d.quorumNum());
        m.put("qd", d.quorumDen());
        m.put("qs", d.quorumStrict());
        m.put("pn", d.personnelNum());
        m.put("pd", d.personnelDen());
        m.put("ps", d.personnelStrict());
        m.put("base", d.base().name());
        m.put("mn", d.majorityNum());
        m.put("md", d.majorityDen());
        m.put("ms", d.majorityStrict());
        m.put("days", d.materialsDays());
        return m;
    }
}
