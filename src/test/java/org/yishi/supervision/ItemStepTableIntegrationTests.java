package org.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Directory;
import org.yishi.directory.UnitDraft;
import org.yishi.platform.Refused;

/**
 * The item's page offers a step exactly when the workflow would not refuse it: for every state, every part a viewer
 * may play (the office, the lead unit, a co-operating unit, one person who is both office and lead unit), inside and
 * after the return window and the deadline, with and without a pending extension request, each step is tried through
 * {@link Supervision} (and rolled back) and compared with what {@link ItemPages} offers.
 */
// a context (and so a database) of its own: the 28 items it makes, some overdue, would change the ledger's counts and
// the serials other test classes rely on being free
@YishiIntegrationTest({"yishi.demo-data=on", "yishi.test.isolated=item-step-table"})
class ItemStepTableIntegrationTests {

    private static final AtomicInteger UNITS = new AtomicInteger();

    @Autowired
    Supervision supervision;

    @Autowired
    ItemPages pages;

    @Autowired
    SupervisionStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private long lead;
    private long co;
    private Map<String, Viewer> viewers;

    @BeforeEach
    void unitsAndViewers(@Autowired Directory directory, @Autowired Accounts accounts) {
        int n = UNITS.incrementAndGet();
        lead = directory.createUnit(new UnitDraft("转换表主办单位" + n, "Table lead unit " + n, "表主" + n, 980 + n)).id();
        co = directory.createUnit(new UnitDraft("转换表协办单位" + n, "Table co unit " + n, "表协" + n, 990 + n)).id();
        long officeId = accounts.findByUsername(TestAccounts.of(accounts, "supervision").username()).orElseThrow().id();
        long leadId = accounts.findByUsername(TestAccounts.liaison(accounts, lead).username()).orElseThrow().id();
        long coId = accounts.findByUsername(TestAccounts.liaison(accounts, co).username()).orElseThrow().id();
        viewers = new LinkedHashMap<>();
        viewers.put("office", new Viewer(officeId, "office", Set.of(Permission.SUPERVISION_READ_ALL,
                Permission.SUPERVISION_MANAGE), null, null));
        viewers.put("lead", new Viewer(leadId, "lead", Set.of(Permission.SUPERVISION_REPORT), null, lead));
        viewers.put("co", new Viewer(coId, "co", Set.of(Permission.SUPERVISION_REPORT), null, co));
        viewers.put("both", new Viewer(officeId, "both", Set.of(Permission.SUPERVISION_READ_ALL,
                Permission.SUPERVISION_MANAGE, Permission.SUPERVISION_REPORT), null, lead));
    }

    /** Each step as the service takes it, with good input. */
    private Map<String, BiConsumer<Viewer, SupervisionItem>> steps() {
        Map<String, BiConsumer<Viewer, SupervisionItem>> steps = new LinkedHashMap<>();
        steps.put("assign", (v, i) -> supervision.assign(v, i.id(), null));
        steps.put("close", (v, i) -> supervision.close(v, i.id()));
        steps.put("send-back", (v, i) -> supervision.sendBack(v, i.id(), "缺少材料"));
        steps.put("suspend", (v, i) -> supervision.suspend(v, i.id(), "暂缓"));
        steps.put("resume", (v, i) -> supervision.resume(v, i.id()));
        steps.put("decide-extension", (v, i) -> supervision.decideExtension(v, i.id(), true, "同意"));
        steps.put("accept", (v, i) -> supervision.accept(v, i.id()));
        steps.put("return", (v, i) -> supervision.returnOutsideRemit(v, i.id(), "不属本单位职责"));
        steps.put("progress", (v, i) -> supervision.reportProgress(v, i.id(), "已推进", 50));
        steps.put("completion", (v, i) -> supervision.reportCompletion(v, i.id(), "已完成"));
        steps.put("extension", (v, i) -> supervision.requestExtension(v, i.id(), "需要更多时间",
                i.deadline().plusDays(30)));
        return steps;
    }

    @Test
    void everyStepIsOfferedExactlyWhenItIsNotRefused() {
        LocalDate today = supervision.today();
        List<String> disagreements = new ArrayList<>();
        int tried = 0;
        int taken = 0;
        for (ItemState state : ItemState.values()) {
            for (boolean late : List.of(false, true)) {
                for (boolean pending : List.of(false, true)) {
                    long id = item(state, late ? today.minusDays(30) : today,
                            late ? today.minusDays(1) : today.plusDays(30), pending);
                    SupervisionItem item = store.find(id).orElseThrow();
                    LocalDate returnBy = supervision.returnBy(item, supervision.calendar());
                    for (var viewer : viewers.entrySet()) {
                        Set<String> offered = pages.actions(viewer.getValue(), item, pending, returnBy);
                        for (var step : steps().entrySet()) {
                            String refusal = refusal(step.getValue(), viewer.getValue(), item);
                            tried++;
                            if (refusal == null) {
                                taken++;
                            }
                            boolean offers = offered.contains(step.getKey());
                            if (offers != (refusal == null)) {
                                disagreements.add(state + (late ? " late" : "") + (pending ? " pending" : "") + ", "
                                        + viewer.getKey() + ", " + step.getKey() + ": offered " + offers
                                        + ", refused " + refusal);
                            }
                            if ("return".equals(step.getKey())) {
                                boolean lateNote = offered.contains("return-late");
                                boolean tooLate = "supervision.return-too-late".equals(refusal);
                                if (lateNote != tooLate) {
                                    disagreements.add(state + (late ? " late" : "") + ", " + viewer.getKey()
                                            + ": return-late shown " + lateNote + ", refused as too late " + tooLate);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(tried).isEqualTo(ItemState.values().length * 2 * 2 * viewers.size() * steps().size());
        // the table is not trivially all-refusing: every step goes through somewhere
        assertThat(taken).isGreaterThan(20);
    }

    /** The refusal's message code (or "denied"), or null when the step goes through; nothing is kept either way. */
    private String refusal(BiConsumer<Viewer, SupervisionItem> step, Viewer viewer, SupervisionItem item) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            try {
                step.accept(viewer, item);
                return null;
            } catch (Refused e) {
                return e.violations().getFirst().code();
            } catch (AccessDeniedException e) {
                return "denied";
            }
        });
    }

    private long item(ItemState state, LocalDate startOn, LocalDate deadline, boolean pending) {
        int number = jdbc.sql("select coalesce(max(serial_number), 0) + 1 from supervision_item where serial_year = 1999")
                .query(Integer.class).single();
        long id = jdbc.sql("""
                insert into supervision_item (serial_year, serial_number, source, source_note, content, lead_unit_id,
                       received_on, deadline, start_on, state, suspended_from, progress)
                values (1999, :n, 'INSTRUCTION', '区委书记批示', '转换表督办事项', :unit, :received, :deadline, :start,
                        :state, :from, 10)
                returning id""")
                .param("n", number).param("unit", lead).param("received", startOn.minusDays(1))
                .param("deadline", deadline).param("start", state == ItemState.REGISTERED ? null : startOn)
                .param("state", state.name()).param("from", state == ItemState.SUSPENDED ? "IN_PROGRESS" : null)
                .query(Long.class).single();
        jdbc.sql("insert into supervision_co_unit (item_id, unit_id) values (:i, :u)").param("i", id).param("u", co)
                .update();
        if (pending) {
            jdbc.sql("""
                    insert into extension_request (item_id, reason, old_deadline, new_deadline)
                    values (:i, '需要更多时间', :d, :n)""")
                    .param("i", id).param("d", deadline).param("n", deadline.plusDays(30)).update();
        }
        return id;
    }
}
