package org.yishi.directory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.platform.Text;
import org.springframework.stereotype.Repository;

/** People and the offices they hold. */
@Repository
class People {

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everybody, in protocol order of the highest office they hold today, then by name. */
    List<Person> all() {
        return jdbc.sql("""
                select p.* from person p
                left join lateral (
                    select b.protocol_rank as body_rank, o.protocol_rank from office o join body b on b.id = o.body_id
                    where o.person_id = p.id and (o.ends_on is null or o.ends_on >= current_date)
                    order by b.protocol_rank, o.protocol_rank limit 1) top on true
                order by top.body_rank nulls last, top.protocol_rank nulls last, coalesce(p.name_romanized, p.name_zh), p.id""")
                .query(Person.class).list();
    }

    Optional<Person> find(long id) {
        return jdbc.sql("select * from person where id = :id").param("id", id).query(Person.class).optional();
    }

    /** The person, locked until the transaction ends, so that what is read is what a change replaces. */
    Optional<Person> findLocked(long id) {
        return jdbc.sql("select * from person where id = :id for update").param("id", id).query(Person.class).optional();
    }

    List<Person> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from person where id in (:ids)").param("ids", ids).query(Person.class).list();
    }

    long insert(PersonDraft d) {
        return jdbc.sql("insert into person (name_zh, name_romanized) values (:zh, :ro) returning id")
                .param("zh", Text.orNull(d.nameZh())).param("ro", Text.orNull(d.nameRomanized()))
                .query(Long.class).single();
    }

    boolean update(long id, PersonDraft d) {
        return jdbc.sql("""
                update person set name_zh = :zh, name_romanized = :ro, updated_at = now(), version = version + 1
                where id = :id""")
                .param("id", id).param("zh", Text.orNull(d.nameZh())).param("ro", Text.orNull(d.nameRomanized()))
                .update() == 1;
    }

    List<Office> offices(long personId) {
        return jdbc.sql("""
                select o.* from office o join body b on b.id = o.body_id where o.person_id = :p
                order by o.ends_on desc nulls first, b.protocol_rank, o.protocol_rank, o.id""")
                .param("p", personId).query(Office.class).list();
    }

    Optional<Office> office(long id) {
        return jdbc.sql("select * from office where id = :id").param("id", id).query(Office.class).optional();
    }

    /** The office, locked until the transaction ends, so that what is read is what a change replaces. */
    Optional<Office> officeLocked(long id) {
        return jdbc.sql("select * from office where id = :id for update").param("id", id).query(Office.class).optional();
    }

    /** Offices of these people held on the date, with their body's protocol rank, best first per person. */
    List<RankedOffice> officesOn(Collection<Long> personIds, LocalDate date) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select o.*, b.protocol_rank as body_rank from office o join body b on b.id = o.body_id
                where o.person_id in (:ids) and (o.starts_on is null or o.starts_on <= :d)
                  and (o.ends_on is null or o.ends_on >= :d)
                order by o.person_id, b.protocol_rank, o.protocol_rank, o.id""")
                .param("ids", personIds).param("d", date)
                .query((rs, n) -> new RankedOffice(new Office(rs.getLong("id"), rs.getLong("person_id"),
                        rs.getLong("body_id"), rs.getString("title_zh"), rs.getString("title_en"),
                        rs.getString("title_en_plural"), rs.getString("title_en_short"), rs.getInt("protocol_rank"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)),
                        rs.getInt("body_rank")))
                .list();
    }

    record RankedOffice(Office office, int bodyRank) {
    }

    long insertOffice(long personId, OfficeDraft d) {
        return jdbc.sql("""
                insert into office (person_id, body_id, title_zh, title_en, title_en_plural, title_en_short,
                                    protocol_rank, starts_on, ends_on)
                values (:p, :b, :zh, :en, :plural, :short, :rank, :s, :e) returning id""")
                .param("p", personId).param("b", d.bodyId()).param("zh", d.titleZh().strip())
                .param("en", Text.orNull(d.titleEn())).param("plural", Text.orNull(d.titleEnPlural()))
                .param("short", Text.orNull(d.titleEnShort())).param("rank", d.protocolRank())
                .param("s", d.startsOn()).param("e", d.endsOn()).query(Long.class).single();
    }

    void updateOffice(long id, OfficeDraft d) {
        jdbc.sql("""
                update office set body_id = :b, title_zh = :zh, title_en = :en, title_en_plural = :plural,
                       title_en_short = :short, protocol_rank = :rank, starts_on = :s, ends_on = :e, updated_at = now()
                where id = :id""")
                .param("id", id).param("b", d.bodyId()).param("zh", d.titleZh().strip())
                .param("en", Text.orNull(d.titleEn())).param("plural", Text.orNull(d.titleEnPlural()))
                .param("short", Text.orNull(d.titleEnShort())).param("rank", d.protocolRank())
                .param("s", d.startsOn()).param("e", d.endsOn()).update();
    }

    /** Deletes the office and returns it as it was; empty when there was none. */
    Optional<Office> deleteOffice(long id) {
        return jdbc.sql("delete from office where id = :id returning *").param("id", id).query(Office.class).optional();
    }
}
