package org.yishi.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.platform.Text;
import org.springframework.stereotype.Repository;

/** Units directly under the district. */
@Repository
class Units {

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Unit> all() {
        return jdbc.sql("select * from unit order by protocol_rank, id").query(Unit.class).list();
    }

    Optional<Unit> find(long id) {
        return jdbc.sql("select * from unit where id = :id").param("id", id).query(Unit.class).optional();
    }

    /** The unit, locked until the transaction ends, so that what is read is what a change replaces. */
    Optional<Unit> findLocked(long id) {
        return jdbc.sql("select * from unit where id = :id for update").param("id", id).query(Unit.class).optional();
    }

    boolean nameTaken(String nameZh, Long exceptId) {
        return jdbc.sql("select count(*) from unit where name_zh = :n and id <> :id")
                .param("n", nameZh.strip()).param("id", exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
    }

    long insert(UnitDraft d) {
        return jdbc.sql("""
                insert into unit (name_zh, name_en, short_name_zh, protocol_rank) values (:zh, :en, :short, :rank)
                returning id""")
                .param("zh", d.nameZh().strip()).param("en", Text.orNull(d.nameEn()))
                .param("short", Text.orNull(d.shortNameZh())).param("rank", d.protocolRank() == null ? 100 : d.protocolRank())
                .query(Long.class).single();
    }

    boolean update(long id, UnitDraft d) {
        return jdbc.sql("""
                update unit set name_zh = :zh, name_en = :en, short_name_zh = :short, protocol_rank = :rank,
                       updated_at = now(), version = version + 1 where id = :id""")
                .param("id", id).param("zh", d.nameZh().strip()).param("en", Text.orNull(d.nameEn()))
                .param("short", Text.orNull(d.shortNameZh())).param("rank", d.protocolRank() == null ? 100 : d.protocolRank())
                .update() == 1;
    }
}
