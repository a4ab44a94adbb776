package org.yishi.volunteering.registry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's table. The identity number goes in and comes out only through {@link PiiCipher}. */
@Repository
class Volunteers {

    static final String ID_COLUMN = "volunteer.id_number";

    private static final String COLUMNS = "id, name, sex, birth_date, id_number_masked, area, contact, skills, "
            + "service_categories, training, awards, station_id, account_id";

    private final JdbcClient jdbc;
    private final PiiCipher cipher;

    Volunteers(JdbcClient jdbc, PiiCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    boolean registered(IdNumber number) {
        return jdbc.sql("select exists (select 1 from volunteer where id_number_index = ?)")
                .param(cipher.blindIndex(number.value())).query(Boolean.class).single();
    }

    boolean hasAccount(long accountId) {
        return jdbc.sql("select exists (select 1 from volunteer where account_id = ?)").param(accountId)
                .query(Boolean.class).single();
    }

    /** Inserts, or returns empty when the number (or the account) is registered already, also by a racing insert. */
    Optional<Long> add(VolunteerDraft draft, IdNumber number, Long stationId, Long accountId, String by) {
        return jdbc.sql("""
                insert into volunteer (name, sex, birth_date, id_number_cipher, id_number_index, id_number_masked, area,
                                       contact, skills, service_categories, training, awards, station_id, account_id,
                                       created_by, updated_by)
                values (:name, :sex, :born, :cipher, :index, :masked, :area, :contact, :skills, :categories, :training,
                        :awards, :station, :account, :by, :by)
                on conflict do nothing
                returning id""")
                .param("name", draft.name().strip()).param("sex", number.sex().name()).param("born", number.birthDate())
                .param("cipher", cipher.encrypt(ID_COLUMN, number.value()))
                .param("index", cipher.blindIndex(number.value())).param("masked", number.masked())
                .param("area", draft.area().strip()).param("contact", draft.contact().strip())
                .param("skills", draft.skills().toArray(String[]::new))
                .param("categories", draft.serviceCategories().toArray(String[]::new))
                .param("training", draft.training()).param("awards", draft.awards())
                .param("station", stationId).param("account", accountId).param("by", by)
                .query(Long.class).optional();
    }

    Optional<Volunteer> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from volunteer where id = ?").param(id).query(Volunteers::row).optional();
    }

    Optional<Volunteer> findByAccount(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from volunteer where account_id = ?").param(accountId)
                .query(Volunteers::row).optional();
    }

    List<Volunteer> atStation(long stationId) {
        return jdbc.sql("select " + COLUMNS + " from volunteer where station_id = ? order by id").param(stationId)
                .query(Volunteers::row).list();
    }

    String idNumber(long id) {
        byte[] stored = jdbc.sql("select id_number_cipher from volunteer where id = ?").param(id).query(byte[].class)
                .single();
        return cipher.decrypt(ID_COLUMN, stored);
    }

    private static Volunteer row(ResultSet rs, int n) throws SQLException {
        return new Volunteer(rs.getLong("id"), rs.getString("name"), Sex.valueOf(rs.getString("sex")),
                rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("id_number_masked"),
                rs.getString("area"), rs.getString("contact"), texts(rs.getArray("skills")),
                texts(rs.getArray("service_categories")), rs.getString("training"), rs.getString("awards"),
                rs.getObject("station_id", Long.class), rs.getObject("account_id", Long.class));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
