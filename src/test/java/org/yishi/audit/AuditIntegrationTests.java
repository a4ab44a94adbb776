package org.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yishi.YishiApplication;
import org.yishi.YishiIntegrationTest;
import org.yishi.directory.Body;
import org.yishi.directory.BodyDraft;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.directory.Membership;
import org.yishi.directory.MembershipDraft;
import org.yishi.directory.Office;
import org.yishi.directory.OfficeDraft;
import org.yishi.directory.Person;
import org.yishi.directory.PersonDraft;
import org.yishi.directory.Term;
import org.yishi.directory.TermDraft;
import org.yishi.directory.UnitDraft;
import org.yishi.meetings.ItemDraft;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingDraft;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;

/**
 * The audit log through the services, as the modules use it: what a change records, that refused and rolled-back
 * changes record nothing, and that verification finds every kind of tampering done directly in the database. Each
 * test starts from an empty log; the scheduled purge is off so that nothing changes the log behind a test's back.
 */
@YishiIntegrationTest({"yishi.demo-data=off", "yishi.audit.purge-cron=-", "yishi.audit.checkpoint-cron=-"})
class AuditIntegrationTests {

    @Autowired
    Audit audit;
    @Autowired
    AuditEntries entries;
    @Autowired
    AuditRetention retention;
    @Autowired
    Directory directory;
    @Autowired
    Meetings meetings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditKey key;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    AuditKeeping.AuditDirectory auditDirectory;

    @BeforeEach
    void emptyLog() throws java.io.IOException {
        emptyLog(jdbc, checkpoints);
    }

    /** An empty log, as after the migrations, with no checkpoint written yet. */
    static void emptyLog(JdbcClient jdbc, Checkpoints checkpoints) throws java.io.IOException {
        jdbc.sql("truncate audit_entry").update();
        jdbc.sql("insert into audit_chain_head (id, keyed_from) values (1, 1) on conflict (id) do nothing").update();
        jdbc.sql("""
                update audit_chain_head set last_id = null, last_hash = null, anchor_id = null, anchor_hash = null,
                       keyed_from = 1""").update();
        java.nio.file.Files.deleteIfExists(checkpoints.file());
    }

    /** The whole log, oldest first. */
    private List<AuditEntry> log() {
        return entries.search(AuditQuery.all(), 10_000, 0).reversed();
    }

    private List<Long> append(int count) {
        for (int i = 0; i < count; i++) {
            audit.recordAs("tester", "127.0.0.1", "unit.update", "unit", String.valueOf(i), Map.of("n", i), Map.of("n", i + 1));
        }
        return log().stream().map(AuditEntry::id).toList();
    }

    // ---------------------------------------------------------------- what is recorded

    @Test
    void aChangeToTheDirectoryIsRecordedWithTheBodyBeforeAndAfter() {
        Body body = directory.createBody(new BodyDraft(BodyKind.PARTY_COMMITTEE, "中共青川区委员会", null, "区委", null, 10));
        directory.updateBody(body.id(), new BodyDraft(BodyKind.PARTY_COMMITTEE, "中共青川区委员会",
                "Qingchuan District Committee", "区委", null, 10));

        List<AuditEntry> log = log();
        assertThat(log).extracting(AuditEntry::action).containsExactly("body.create", "body.update");
        AuditEntry created = log.get(0);
        assertThat(created.actor()).as("no user signed in").isEqualTo("system");
        assertThat(created.ip()).as("not from an HTTP request").isNull();
        assertThat(created.subjectType()).isEqualTo("body");
        assertThat(created.subjectId()).isEqualTo(String.valueOf(body.id()));
        assertThat(created.beforeJson()).isNull();
        assertThat(created.afterJson()).as("JSON with its keys in order").isEqualTo("{\"id\":" + body.id()
                + ",\"kind\":\"PARTY_COMMITTEE\",\"nameEn\":null,\"nameZh\":\"中共青川区委员会\",\"parentId\":null,"
                + "\"protocolRank\":10,\"shortNameZh\":\"区委\"}");
        AuditEntry updated = log.get(1);
        assertThat(updated.beforeJson()).isEqualTo(created.afterJson());
        assertThat(updated.afterJson()).contains("\"nameEn\":\"Qingchuan District Committee\"");
        assertThat(updated.at()).isAfterOrEqualTo(created.at());
    }

    @Test
    void peopleOfficesTermsMembershipsAndUnitsAreRecordedAndRemovalsKeepWhatWasRemoved() {
        Body body = directory.createBody(new BodyDraft(BodyKind.STANDING_COMMITTEE, "中共青川区委员会常务委员会", null, null, null, 10));
        Person lin = directory.createPerson(new PersonDraft("林海峰", "Lin Haifeng"));
        directory.updatePerson(lin.id(), new PersonDraft("林海峰", "Lin Haifeng (林)"));
        Office office = directory.createOffice(lin.id(), new OfficeDraft(body.id(), "区委书记", null, null, null, 1, null, null));
        directory.updateOffice(office.id(), new OfficeDraft(body.id(), "区委书记", "Secretary", null, null, 1, null, null));
        directory.removeOffice(office.id());
        Term term = directory.createTerm(body.id(), new TermDraft(8, LocalDate.of(2021, 10, 15), null));
        directory.updateTerm(term.id(), new TermDraft(8, LocalDate.of(2021, 10, 16), null));
        Membership member = directory.addMember(term.id(), new MembershipDraft(lin.id(), null, null));
        directory.addMember(term.id(), new MembershipDraft(lin.id(), LocalDate.of(2022, 1, 1), null));
        directory.removeMember(member.id());
        var unit = directory.createUnit(new UnitDraft("区应急管理局", null, null, 10));
        directory.updateUnit(unit.id(), new UnitDraft("区应急管理局", "Emergency Management Bureau", null, 10));

        List<AuditEntry> log = log();
        assertThat(log).extracting(AuditEntry::action).containsExactly("body.create", "person.create", "person.update",
                "office.create", "office.update", "office.remove", "term.create", "term.update", "membership.create",
                "membership.update", "membership.remove", "unit.create", "unit.update");
        AuditEntry officeRemoved = log.get(5);
        assertThat(officeRemoved.subjectId()).isEqualTo(String.valueOf(office.id()));
        assertThat(officeRemoved.beforeJson()).contains("\"titleEn\":\"Secretary\"");
        assertThat(officeRemoved.afterJson()).as("nothing after a removal").isNull();
        AuditEntry membershipChanged = log.get(9);
        assertThat(membershipChanged.beforeJson()).contains("\"startsOn\":null");
        assertThat(membershipChanged.afterJson()).contains("\"startsOn\":\"2022-01-01\"");
        AuditEntry memberRemoved = log.get(10);
        assertThat(memberRemoved.beforeJson()).isEqualTo(membershipChanged.afterJson());
        assertThat(memberRemoved.afterJson()).isNull();
        assertThat(log.get(7).beforeJson()).contains("\"startsOn\":\"2021-10-15\"");
        assertThat(log.get(7).afterJson()).contains("\"startsOn\":\"2021-10-16\"");
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void planningAndRevisingAMeetingAreRecordedWithTheMeetingBeforeAndAfter() {
        Body body = directory.createBody(new BodyDraft(BodyKind.STANDING_COMMITTEE, "中共青川区委员会常务委员会", null, null, null, 10));
        Term term = directory.createTerm(body.id(), new TermDraft(8, LocalDate.of(2021, 10, 15), null));
        Person lin = directory.createPerson(new PersonDraft("林海峰", null));
        directory.addMember(term.id(), new MembershipDraft(lin.id(), null, null));
        MeetingDraft draft = new MeetingDraft(body.id(), LocalDate.of(2024, 3, 12), TimeOfDay.AFTERNOON, null,
                MeetingKind.REGULAR, lin.id(), null, true, List.of(lin.id()), List.of(), List.of(), List.of(), null, null,
                List.of(new ItemDraft(null, ItemKind.DELIBERATE, "研究部署防汛备汛工作", null, true, Visibility.PUBLIC, null, null)),
                null);
        Meeting planned = meetings.plan(draft);
        meetings.revise(planned.id(), new MeetingDraft(body.id(), LocalDate.of(2024, 3, 12), TimeOfDay.AFTERNOON,
                "区委第一会议室", MeetingKind.REGULAR, lin.id(), null, true, List.of(lin.id()), List.of(), List.of(),
                List.of(), null, null, draft.items(), null));

        List<AuditEntry> log = log();
        assertThat(log).extracting(AuditEntry::action).endsWith("meeting.plan", "meeting.revise");
        AuditEntry plan = log.get(log.size() - 2);
        AuditEntry revise = log.getLast();
        assertThat(plan.subjectType()).isEqualTo("meeting");
        assertThat(plan.subjectId()).isEqualTo(String.valueOf(planned.id()));
        assertThat(plan.beforeJson()).isNull();
        assertThat(plan.afterJson()).contains("\"place\":null", "研究部署防汛备汛工作");
        assertThat(revise.beforeJson()).isEqualTo(plan.afterJson());
        assertThat(revise.afterJson()).contains("\"place\":\"区委第一会议室\"");
    }

    @Test
    void theSignedInUserIsTheActorAndRecordAsNamesAnyActorAndAddress() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("liu.xiaolan", null, List.of()));
        try {
            directory.createUnit(new UnitDraft("区发展和改革委员会", null, null, 10));
        } finally {
            SecurityContextHolder.clearContext();
        }
        audit.recordAs("zhao", "203.0.113.9", "login.failure", "account", "zhao", null, Map.of("reason", "bad-password"));

        List<AuditEntry> log = log();
        assertThat(log).extracting(AuditEntry::actor).containsExactly("liu.xiaolan", "zhao");
        assertThat(log.get(1).ip()).isEqualTo("203.0.113.9");
        assertThat(log.get(1).afterJson()).isEqualTo("{\"reason\":\"bad-password\"}");
    }

    // ---------------------------------------------------------------- in the caller's transaction

    @Test
    void aRefusedChangeLeavesNoEntry() {
        assertThatThrownBy(() -> directory.createBody(new BodyDraft(BodyKind.PARTY_COMMITTEE, " ", null, null, null, 10)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> directory.updateUnit(987654321L, new UnitDraft("区档案馆", null, null, 10)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> meetings.plan(new MeetingDraft(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null))).isInstanceOf(InvalidInput.class);

        assertThat(log()).isEmpty();
    }

    @Test
    void aChangeRolledBackLaterInItsTransactionLeavesNoEntry() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            directory.createUnit(new UnitDraft("区档案馆", null, null, 10));
            throw new IllegalStateException("something later in the same transaction failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(log()).isEmpty();
        assertThat(directory.units()).extracting(u -> u.nameZh()).doesNotContain("区档案馆");
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void anEntryRecordedWhileReadingIsKeptThoughTheReadingTransactionIsReadOnly() {
        TransactionTemplate reading = new TransactionTemplate(transactions);
        reading.setReadOnly(true);
        reading.executeWithoutResult(status -> audit.record("item.read-confidential", "item", "42", null, null));

        assertThat(log()).extracting(AuditEntry::action).containsExactly("item.read-confidential");
    }

    // ---------------------------------------------------------------- verification

    @Test
    void anIntactChainVerifies() {
        assertThat(audit.verify()).isEqualTo(new Verification(true, 0, null, "audit.verify.intact"));
        append(5);

        assertThat(audit.verify()).isEqualTo(new Verification(true, 5, null, "audit.verify.intact"));
    }

    @Test
    void aFieldChangedInTheDatabaseIsFoundAtItsEntry() {
        List<Long> ids = append(5);
        jdbc.sql("update audit_entry set actor = 'someone else' where id = :id").param("id", ids.get(2)).update();

        assertThat(audit.verify()).isEqualTo(new Verification(false, 3, ids.get(2), "audit.verify.altered"));
    }

    @Test
    void anEntryRewrittenWithAFreshHashIsFoundAtTheNextEntry() {
        List<Long> ids = append(5);
        AuditEntry original = log().get(2);
        // even by someone holding the audit key
        AuditEntry forged = new AuditEntry(original.id(), original.at(), original.actor(), original.ip(), original.action(),
                original.subjectType(), original.subjectId(), original.beforeJson(), "{\"n\":100}", original.prevHash(),
                null).withHash(key);
        jdbc.sql("update audit_entry set after_json = :after, hash = :hash where id = :id").param("after", forged.afterJson())
                .param("hash", forged.hash()).param("id", forged.id()).update();

        assertThat(audit.verify()).isEqualTo(new Verification(false, 4, ids.get(3), "audit.verify.broken-link"));
    }

    @Test
    void aDeletedEntryInTheMiddleIsFoundAtTheEntryAfterIt() {
        List<Long> ids = append(5);
        jdbc.sql("delete from audit_entry where id = :id").param("id", ids.get(2)).update();

        assertThat(audit.verify()).isEqualTo(new Verification(false, 3, ids.get(3), "audit.verify.broken-link"));
    }

    @Test
    void aDeletedNewestEntryIsFoundThroughTheChainHead() {
        List<Long> ids = append(5);
        jdbc.sql("delete from audit_entry where id = :id").param("id", ids.get(4)).update();

        assertThat(audit.verify()).isEqualTo(new Verification(false, 4, ids.get(4), "audit.verify.head-mismatch"));
    }

    @Test
    void appendsFromEightThreadsAtOnceMakeOneIntactChain() throws Exception {
        int threads = 8;
        int each = 25;
        CountDownLatch start = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                String actor = "user" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        int n = i;
                        if (n % 5 == 4) {
                            // every fifth transaction fails to commit after its entry was appended: the entry goes, and
                            // its id stays used up, so ids have gaps that the chain must not mind
                            try {
                                tx.executeWithoutResult(status -> {
                                    audit.recordAs(actor, null, "unit.update", "unit", String.valueOf(n), null, null);
                                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                                        @Override
                                        public void beforeCommit(boolean readOnly) {
                                            throw new IllegalStateException("the commit fails after the append");
                                        }
                                    });
                                });
                            } catch (IllegalStateException expected) {
                                // rolled back
                            }
                        } else {
                            audit.recordAs(actor, null, "unit.update", "unit", String.valueOf(n), null, null);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        List<AuditEntry> log = log();
        assertThat(log).hasSize(threads * each * 4 / 5);
        assertThat(log.getLast().id() - log.getFirst().id() + 1).as("ids with gaps").isGreaterThan(log.size());
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).prevHash()).isEqualTo(log.get(i - 1).hash());
            assertThat(log.get(i).at()).isAfterOrEqualTo(log.get(i - 1).at());
        }
        assertThat(audit.verify()).isEqualTo(new Verification(true, log.size(), null, "audit.verify.intact"));
    }

    // ---------------------------------------------------------------- retention

    @Test
    void aPurgeDeletesTheOldestEntriesAndWhatRemainsStillVerifies() {
        append(3);
        Instant cutoff = jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
        List<Long> kept = append(2).subList(3, 5);

        assertThat(retention.purgeBefore(cutoff)).isEqualTo(3);

        List<AuditEntry> log = log();
        assertThat(log).extracting(AuditEntry::id).startsWith(kept.toArray(Long[]::new));
        assertThat(log.getLast().action()).isEqualTo("audit.purge");
        assertThat(log.getLast().afterJson()).contains("\"deleted\":3");
        assertThat(audit.verify()).isEqualTo(new Verification(true, 3, null, "audit.verify.intact"));
        assertThat(retention.purgeBefore(cutoff)).as("nothing older is left").isZero();

        jdbc.sql("delete from audit_entry where id = :id").param("id", kept.getFirst()).update();
        assertThat(audit.verify()).as("the oldest remaining entry must still follow the anchor")
                .isEqualTo(new Verification(false, 1, kept.get(1), "audit.verify.broken-link"));
    }

    @Test
    void aChainThatFailsVerificationIsNotPurged() {
        List<Long> ids = append(3);
        jdbc.sql("update audit_entry set action = 'unit.create' where id = :id").param("id", ids.get(1)).update();

        assertThat(retention.purgeBefore(Instant.now().plusSeconds(60))).isZero();
        assertThat(log()).extracting(AuditEntry::id).containsExactlyElementsOf(ids);
    }

    @Test
    void theDailyPurgeKeepsEntriesYoungerThanTheRetention() {
        append(2);
        retention.purgeExpired();

        assertThat(log()).hasSize(2);
    }

    // ---------------------------------------------------------------- the command

    @Test
    void theVerifyCommandExitsWithZeroOnAnIntactLogAndOneOnATamperedOneAndLoadsNoDemoData() {
        List<Long> ids = append(3);
        long bodies = jdbc.sql("select count(*) from body").query(Long.class).single();

        Command intact = command();
        assertThat(intact.status()).as(intact.output()).isZero();
        assertThat(intact.output().lines()).hasSize(1).first().asString().contains("3");

        jdbc.sql("update audit_entry set ip = '10.0.0.1' where id = :id").param("id", ids.get(1)).update();
        Command tampered = command();
        assertThat(tampered.status()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output().lines()).hasSize(1).first().asString().contains(String.valueOf(ids.get(1)));

        assertThat(jdbc.sql("select count(*) from body").query(Long.class).single())
                .as("demo data is not loaded by the command, even when asked for").isEqualTo(bodies);
        assertThat(log()).as("the command writes nothing to the log").hasSize(3);
    }

    record Command(int status, String output) {
    }

    /** Runs the command in this JVM against this test's database, as {@code java -jar yishi.jar --verify-audit} would. */
    private Command command() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyAuditCommand.run(YishiApplication.class, new String[] {"--verify-audit",
                "--yishi.db.url=" + pool.getJdbcUrl(), "--yishi.db.user=" + pool.getUsername(),
                "--yishi.db.password=" + (pool.getPassword() == null ? "" : pool.getPassword()),
                "--yishi.audit.dir=" + auditDirectory.path(), "--yishi.demo-data=on"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Command(status, out.toString(StandardCharsets.UTF_8));
    }
}
