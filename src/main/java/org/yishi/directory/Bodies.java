package org.yishi.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.platform.Text;
import org.springframework.stereotype.Repository;

/** Bodies with their terms and members. */
@Repository
class Bodies {

    private final JdbcClient jdbc;

    Bodies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Body> all() {
        return jdbc.sql("select * from body order by protocol_rank, id").query(Body.class).list();
    }

    Optional<Body> find(long id) {
        return jdbc.sql("select * from body where id = :id").param("id", id).query(Body.class).optional();
    }

    /** The body, locked until the transaction ends, so that what is read is what a change replaces. */
    Optional<Body> findLocked(long id) {
        return jdbc.sql("select * from body where id = :id for update").param("id", id).query(Body.class).optional();
    }

    long insert(BodyDraft d) {
        return jdbc.sql("""
                insert into body (kind, name_zh, name_en, short_name_zh, parent_id, protocol_rank)
                values (:kind, :nameZh, :nameEn, :shortNameZh, :parentId, :rank) returning id""")
                .param("kind", d.kind().name()).param("nameZh", d.nameZh().strip()).param("nameEn", Text.orNull(d.nameEn()))
                .param("shortNameZh", Text.orNull(d.shortNameZh())).param("parentId", d.parentId())
                .param("rank", d.protocolRank() == null ? 100 : d.protocolRank())
                .query(Long.class).single();
    }

    boolean update(long id, BodyDraft d) {
        return jdbc.sql("""
                update body set kind = :kind, name_zh = :nameZh, name_en = :nameEn, short_name_zh = :shortNameZh,
                       parent_id = :parentId, protocol_rank = :rank, updated_at = now(), version = version + 1
                where id = :id""")
                .param("id", id).param("kind", d.kind().name()).param("nameZh", d.nameZh().strip())
                .param("nameEn", Text.orNull(d.nameEn())).param("shortNameZh", Text.orNull(d.shortNameZh()))
                .param("parentId", d.parentId()).param("rank", d.protocolRank() == null ? 100 : d.protocolRank())
                .update() == 1;
    }

    List<Term> terms(long bodyId) {
        return jdbc.sql("select * from term where body_id = :b order by number").param("b", bodyId).query(Term.class).list();
    }

    Optional<Term> term(long id) {
        return jdbc.sql("select * from term where id = :id").param("id", id).query(Term.class).optional();
    }

    /** Locks the body's row so that concurrent changes to its terms are serialised. */
    void lock(long bodyId) {
        jdbc.sql("select id from body where id = :id for update").param("id", bodyId).query(Long.class).optional();
    }

    Optional<Term> termOn(long bodyId, LocalDate date) {
        return jdbc.sql("""
                select * from term where body_id = :b and starts_on <= :d and (ends_on is null or ends_on >= :d)
                order by number desc limit 1""")
                .param("b", bodyId).param("d", date).query(Term.class).optional();
    }

    long insertTerm(long bodyId, TermDraft d) {
        return jdbc.sql("insert into term (body_id, number, starts_on, ends_on) values (:b, :n, :s, :e) returning id")
                .param("b", bodyId).param("n", d.number()).param("s", d.startsOn()).param("e", d.endsOn())
                .query(Long.class).single();
    }

    void updateTerm(long id, TermDraft d) {
        jdbc.sql("update term set number = :n, starts_on = :s, ends_on = :e, updated_at = now() where id = :id")
                .param("id", id).param("n", d.number()).param("s", d.startsOn()).param("e", d.endsOn()).update();
    }

    List<Membership> members(long termId) {
        return jdbc.sql("select * from membership where term_id = :t order by id").param("t", termId)
                .query(Membership.class).list();
    }

    Optional<Membership> membership(long id) {
        return jdbc.sql("select * from membership where id = :id").param("id", id).query(Membership.class).optional();
    }

    /** The person's membership in the term, after locking the term so that its members are ours to change. */
    Optional<Membership> membershipLocked(long termId, long personId) {
        jdbc.sql("select id from term where id = :t for update").param("t", termId).query(Long.class).optional();
        return jdbc.sql("select * from membership where term_id = :t and person_id = :p")
                .param("t", termId).param("p", personId).query(Membership.class).optional();
    }

    long insertMember(long termId, MembershipDraft d) {
        return jdbc.sql("""
                insert into membership (term_id, person_id, starts_on, ends_on) values (:t, :p, :s, :e)
                on conflict (term_id, person_id) do update set starts_on = excluded.starts_on, ends_on = excluded.ends_on
                returning id""")
                .param("t", termId).param("p", d.personId()).param("s", d.startsOn()).param("e", d.endsOn())
                .query(Long.class).single();
    }

    List<Long> termsOf(long personId) {
        return jdbc.sql("select term_id from membership where person_id = :p order by term_id").param("p", personId)
                .query(Long.class).list();
    }

    /** Deletes the membership and returns it as it was; empty when there was none. */
    Optional<Membership> deleteMember(long id) {
        return jdbc.sql("delete from membership where id = :id returning *").param("id", id).query(Membership.class)
                .optional();
    }
}
