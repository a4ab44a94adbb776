package org.yishi.volunteering.registry;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stations and who manages each. */
@Repository
class Stations {

    private final JdbcClient jdbc;

    Stations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(StationDraft draft, String by) {
        long id = jdbc.sql("""
                insert into volunteer_station (kind, name, parent_id, area, created_by)
                values (?, ?, ?, ?, ?) returning id""")
                .params(draft.kind().name(), draft.name().strip(), draft.parentId(), draft.area(), by)
                .query(Long.class).single();
        for (long account : draft.managerAccountIds()) {
            jdbc.sql("insert into volunteer_station_manager (station_id, account_id) values (?, ?) on conflict do nothing")
                    .params(id, account).update();
        }
        return id;
    }

    boolean nameTaken(String name) {
        return jdbc.sql("select exists (select 1 from volunteer_station where name = ?)").param(name.strip())
                .query(Boolean.class).single();
    }

    boolean accountExists(long accountId) {
        return jdbc.sql("select exists (select 1 from account where id = ?)").param(accountId).query(Boolean.class)
                .single();
    }

    Optional<Station> find(long id) {
        return all("where s.id = ?", id).stream().findFirst();
    }

    List<Station> all() {
        return all("", null);
    }

    List<Station> managedBy(long accountId) {
        return all("where exists (select 1 from volunteer_station_manager m where m.station_id = s.id and m.account_id = ?)",
                accountId);
    }

    boolean manages(long accountId, long stationId) {
        return jdbc.sql("select exists (select 1 from volunteer_station_manager where account_id = ? and station_id = ?)")
                .params(accountId, stationId).query(Boolean.class).single();
    }

    private List<Station> all(String where, Long param) {
        var spec = jdbc.sql("""
                select s.id, s.kind, s.name, s.parent_id, s.area,
                       array(select m.account_id from volunteer_station_manager m where m.station_id = s.id
                             order by m.account_id) as managers
                from volunteer_station s %s order by s.id""".formatted(where));
        if (param != null) {
            spec = spec.param(param);
        }
        return spec.query((rs, n) -> new Station(rs.getLong("id"), StationKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getObject("parent_id", Long.class), rs.getString("area"),
                List.of((Long[]) rs.getArray("managers").getArray()))).list();
    }
}
