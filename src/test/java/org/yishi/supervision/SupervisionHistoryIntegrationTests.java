package org.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Directory;
import org.yishi.directory.UnitDraft;
import org.yishi.platform.InvalidInput;

/**
 * An item taken over from earlier records: its steps, taken through the workflow, are dated on the days they were
 * really taken, with what each step set (an assignment's start and working days, an acceptance's time), never in
 * the future and in order, and audited. The demo tells its stories this way.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class SupervisionHistoryIntegrationTests {

    @Autowired
    Supervision supervision;

    @Autowired
    SupervisionHistory history;

    @Autowired
    JdbcClient jdbc;

    private Viewer office;
    private Viewer lead;
    private long unit;

    @BeforeEach
    void officeAndUnit(@Autowired Directory directory, @Autowired Accounts accounts) {
        unit = directory.createUnit(new UnitDraft("补记测试单位" + System.nanoTime() % 100000, "History unit "
                + System.nanoTime() % 100000, "补记", 970)).id();
        long officeId = accounts.findByUsername(TestAccounts.of(accounts, "supervision").username()).orElseThrow().id();
        long leadId = accounts.findByUsername(TestAccounts.liaison(accounts, unit).username()).orElseThrow().id();
        office = new Viewer(officeId, "office", Set.of(Permission.SUPERVISION_READ_ALL, Permission.SUPERVISION_MANAGE),
                null, null);
        lead = new Viewer(leadId, "lead", Set.of(Permission.SUPERVISION_REPORT), null, unit);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private long register(LocalDate received, LocalDate deadline) {
        return supervision.register(office, new SupervisionDraft(Source.INSTRUCTION, "区委书记批示", null, null,
                "整理原有台账中的督办事项", unit, List.of(), null, received, deadline, null, Priority.NORMAL, null, null, null,
                null), null).id();
    }

    private OffsetDateTime stepAt(long id, String action) {
        return jdbc.sql("select at from supervision_step where item_id = :i and action = :a order by id desc limit 1")
                .param("i", id).param("a", action).query(OffsetDateTime.class).single();
    }

    @Test
    void stepsAreDatedOnTheDaysTheyWereTakenWithWhatTheySet() {
        LocalDate today = supervision.today();
        LocalDate received = today.minusDays(40);
        LocalDate assigned = today.minusDays(38);
        LocalDate deadline = today.plusDays(50);
        long id = register(received, deadline);
        history.dateLastStep(office, id, at(received, 9));
        supervision.assign(office, id, null);
        history.dateLastStep(office, id, at(assigned, 10));
        supervision.accept(lead, id);
        history.dateLastStep(office, id, at(assigned.plusDays(1), 15));
        supervision.reportProgress(lead, id, "已梳理原有台账", 30);
        history.dateLastReport(office, id, at(today.minusDays(7), 16));

        SupervisionItem item = supervision.item(office, id);
        assertThat(item.startOn()).isEqualTo(assigned);
        assertThat(item.assignedAt()).isEqualTo(at(assigned, 10).toInstant());
        assertThat(item.acceptedAt()).isEqualTo(at(assigned.plusDays(1), 15).toInstant());
        assertThat(jdbc.sql("select working_days_total from supervision_item where id = :i").param("i", id)
                .query(Integer.class).single()).isEqualTo(supervision.calendar().between(assigned, deadline));
        assertThat(stepAt(id, "register").toInstant()).isEqualTo(at(received, 9).toInstant());
        assertThat(jdbc.sql("select at from progress_report where item_id = :i").param("i", id)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(at(today.minusDays(7), 16).toInstant());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'supervision.date-step' and subject_id = :i")
                .param("i", String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aStepIsNeverDatedInTheFutureNorBeforeTheStepBeforeIt() {
        LocalDate today = supervision.today();
        long id = register(today.minusDays(20), today.plusDays(30));
        history.dateLastStep(office, id, at(today.minusDays(20), 9));
        supervision.assign(office, id, null);
        OffsetDateTime taken = stepAt(id, "assign");
        LocalDate startOn = supervision.item(office, id).startOn();

        assertThatThrownBy(() -> history.dateLastStep(office, id, at(today.plusDays(2), 10)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("supervision.history.future");
        assertThatThrownBy(() -> history.dateLastStep(office, id, at(today.minusDays(25), 10)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("supervision.history.before-previous");
        assertThat(stepAt(id, "assign")).isEqualTo(taken);
        assertThat(supervision.item(office, id).startOn()).isEqualTo(startOn);
        assertThatThrownBy(() -> history.dateLastStep(lead, id, at(today.minusDays(1), 10)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
