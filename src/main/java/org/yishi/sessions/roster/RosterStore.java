package org.yishi.sessions.roster;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yishi.sessions.Chamber;

/** The terms, groups and rosters as stored. */
@Repository
class RosterStore {

    private static final String TERM = """
            select a.term_id, t.body_id, a.chamber, a.level, t.number, t.starts_on, t.ends_on,
                   b.name_zh as body_name_zh, b.name_en as body_name_en
            from assembly_term a join term t on t.id = a.term_id join body b on b.id = t.body_id""";
    private static final String ENTRY = """
            select s.id, s.term_id, s.person_id, p.name_zh, p.name_romanized, s.card_number,
                   s.group_id, g.name_zh as group_name_zh, s.committee_id, c.name_zh as committee_name_zh
            from assembly_seat s join person p on p.id = s.person_id
            left join assembly_group g on g.id = s.group_id left join assembly_group c on c.id = s.committee_id""";

    private final JdbcClient jdbc;

    RosterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AssemblyTerm> terms() {
        return jdbc.sql(TERM + " order by b.protocol_rank, b.id, t.number desc").query(AssemblyTerm.class).list();
    }

    Optional<AssemblyTerm> term(long termId) {
        return jdbc.sql(TERM + " where a.term_id = :t").param("t", termId).query(AssemblyTerm.class).optional();
    }

    void lockTerm(long termId) {
        jdbc.sql("select term_id from assembly_term where term_id = :t for update").param("t", termId).query(Long.class).optional();
    }

    void insertTerm(long termId, Chamber chamber, AssemblyTerm.Level level, String actor) {
        jdbc.sql("insert into assembly_term (term_id, chamber, level, created_by) values (:t, :c, :l, :a)")
                .param("t", termId).param("c", chamber.name()).param("l", level.name()).param("a", actor).update();
    }

    List<Group> groups(long termId) {
        return jdbc.sql("select * from assembly_group where term_id = :t order by kind, position, id")
                .param("t", termId).query(Group.class).list();
    }

    Optional<Group> group(long termId, GroupKind kind, String nameZh) {
        return jdbc.sql("select * from assembly_group where term_id = :t and kind = :k and name_zh = :n")
                .param("t", termId).param("k", kind.name()).param("n", nameZh).query(Group.class).optional();
    }

    long insertGroup(long termId, GroupKind kind, String nameZh, String nameEn) {
        return jdbc.sql("""
                insert into assembly_group (term_id, kind, name_zh, name_en, position)
                values (:t, :k, :n, :e, (select coalesce(max(position), 0) + 1 from assembly_group where term_id = :t and kind = :k))
                returning id""")
                .param("t", termId).param("k", kind.name()).param("n", nameZh).param("e", nameEn).query(Long.class).single();
    }

    List<RosterEntry> entries(long termId) {
        return jdbc.sql(ENTRY + " where s.term_id = :t order by g.position nulls last, s.card_number")
                .param("t", termId).query(RosterEntry.class).list();
    }

    Optional<RosterEntry> entry(long id) {
        return jdbc.sql(ENTRY + " where s.id = :id").param("id", id).query(RosterEntry.class).optional();
    }

    /** Entries whose card number is the text (any case), or whose name is it exactly. */
    List<RosterEntry> find(long termId, String text) {
        return jdbc.sql(ENTRY + " " + """
                 where s.term_id = :t and (upper(s.card_number) = upper(:q) or p.name_zh = :q or lower(p.name_romanized) = lower(:q))
                 order by s.card_number limit 20""").param("t", termId).param("q", text).query(RosterEntry.class).list();
    }

    int count(long termId) {
        return jdbc.sql("select count(*) from assembly_seat where term_id = :t").param("t", termId).query(Integer.class).single();
    }

    boolean cardTaken(long termId, String cardNumber, Long exceptId) {
        return jdbc.sql("select exists (select 1 from assembly_seat where term_id = :t and upper(card_number) = upper(:c) and id <> :x)")
                .param("t", termId).param("c", cardNumber).param("x", exceptId == null ? -1 : exceptId).query(Boolean.class).single();
    }

    boolean onRoster(long termId, long personId) {
        return jdbc.sql("select exists (select 1 from assembly_seat where term_id = :t and person_id = :p)")
                .param("t", termId).param("p", personId).query(Boolean.class).single();
    }

    long insertEntry(long termId, long personId, String cardNumber, Long groupId, Long committeeId, String actor) {
        return jdbc.sql("""
                insert into assembly_seat (term_id, person_id, card_number, group_id, committee_id, created_by, updated_by)
                values (:t, :p, :c, :g, :m, :a, :a) returning id""")
                .param("t", termId).param("p", personId).param("c", cardNumber).param("g", groupId)
                .param("m", committeeId).param("a", actor).query(Long.class).single();
    }

    void updateEntry(long id, String cardNumber, Long groupId, Long committeeId, String actor) {
        jdbc.sql("""
                update assembly_seat set card_number = :c, group_id = :g, committee_id = :m, updated_at = now(),
                       updated_by = :a where id = :id""")
                .param("id", id).param("c", cardNumber).param("g", groupId).param("m", committeeId).param("a", actor).update();
    }

    boolean inRollCall(long id) {
        return jdbc.sql("select exists (select 1 from roll_call where seat_id = :id) or exists (select 1 from session_presidium where seat_id = :id)")
                .param("id", id).query(Boolean.class).single();
    }

    void deleteEntry(long id) {
        jdbc.sql("delete from assembly_seat where id = :id").param("id", id).update();
    }
}
