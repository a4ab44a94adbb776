package org.yishi.sessions.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.directory.Directory;
import org.yishi.directory.Membership;
import org.yishi.directory.MembershipDraft;
import org.yishi.directory.Person;
import org.yishi.directory.PersonDraft;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Violation;
import org.yishi.platform.XlsxSheet;
import org.yishi.sessions.Chamber;

/**
 * Imports a term's roster from the first sheet of an .xlsx workbook: one row per deputy or member, with the card
 * number, the name, the delegation (congress) or sector (CPPCC), for a CPPCC member the special committee, and, for
 * a person already in the directory (one holding an office, say), the directory's person number. The header row is
 * found by its titles, in Chinese or English. Every row is checked before anything is saved; one bad row refuses the
 * file, with each bad row's number and reasons, and nothing is imported. Delegations, sectors and committees the file
 * names that the term does not have yet are added.
 */
@Service
class RosterImport {

    /** The columns of a roster, with the titles they are known by (compared without spaces and punctuation). */
    enum Column {
        CARD("card", "代表证号", "委员证号", "证号", "编号", "代表编号", "委员编号", "card", "cardnumber", "cardno"),
        NAME("name", "姓名", "代表姓名", "委员姓名", "name"),
        ROMANIZED("romanized", "拼音", "姓名拼音", "英文名", "romanized", "pinyin", "nameromanized"),
        GROUP("group", "代表团", "所属代表团", "界别", "所属界别", "delegation", "sector", "group"),
        COMMITTEE("committee", "专门委员会", "专委会", "所属专门委员会", "committee", "specialcommittee"),
        PERSON("person", "人员编号", "人员号", "personid", "personnumber", "person");

        static final List<Column> REQUIRED = List.of(CARD, NAME, GROUP);

        private final String key;
        private final Set<String> titles;

        Column(String key, String... titles) {
            this.key = key;
            this.titles = Set.of(titles);
        }

        DefaultMessageSourceResolvable label() {
            return InvalidInput.label("sessions.import.column." + key);
        }
    }

    /** What was imported. */
    record Result(int imported, int groupsAdded) {
    }

    /** A row as it will be saved. */
    private record Entry(int row, String card, String nameZh, String romanized, String group, String committee,
            Long personId) {
    }

    private final Rosters rosters;
    private final RosterStore store;
    private final Directory directory;
    private final Audit audit;
    private final TransactionTemplate transaction;
    private final XlsxSheet.Limits limits;
    private final int maxRows;

    RosterImport(Rosters rosters, RosterStore store, Directory directory, Audit audit,
            PlatformTransactionManager transactions,
            @Value("${yishi.sessions.roster.import-max-size:10MB}") DataSize maxSize,
            @Value("${yishi.sessions.roster.import-max-rows:5000}") int maxRows,
            @Value("${yishi.supervision.ledger.import-max-inflated:256MB}") DataSize maxInflated) {
        this.rosters = rosters;
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.limits = new XlsxSheet.Limits(maxSize.toBytes(), maxInflated.toBytes());
        this.maxRows = maxRows;
    }

    long maxBytes() {
        return limits.maxBytes();
    }

    /** Imports the roster into the term, all or nothing; refused with every problem of the file or of its rows. */
    Result importRoster(Viewer viewer, long termId, XlsxSheet.Upload upload) {
        viewer.require(Permission.CONGRESS_EDIT);
        AssemblyTerm term = rosters.term(termId);
        Path file = null;
        try {
            file = Files.createTempFile("yishi-roster-", ".xlsx");
            String name = XlsxSheet.receive(upload, file, limits, "sessions.import");
            Reading reading = new Reading(term);
            try {
                XlsxSheet.read(file, reading);
            } catch (XlsxSheet.Unreadable e) {
                throw fileProblem("sessions.import.unreadable", name);
            } catch (XlsxSheet.NoHeader e) {
                // refused just below
            } catch (XlsxSheet.TooManyRows e) {
                throw fileProblem("sessions.import.too-many-rows", String.valueOf(maxRows));
            }
            if (!reading.hasHeader()) {
                throw fileProblem("sessions.import.no-header", new DefaultMessageSourceResolvable(
                        new String[] {"sessions.import.columns"}, Column.REQUIRED.stream().map(Column::label).toArray()));
            }
            if (reading.entries.isEmpty() && reading.problems.isEmpty()) {
                throw fileProblem("sessions.import.no-rows");
            }
            return transaction.execute(status -> save(viewer, term, name, reading));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the system removes it in time
                }
            }
        }
    }

    /** The rows as they are read: the header found among the first rows, then each row checked on its own. */
    private final class Reading extends XlsxSheet.Table<Column> {
        private final AssemblyTerm term;
        private Map<Column, Integer> columns;
        final List<Entry> entries = new ArrayList<>();
        final List<Violation> problems = new ArrayList<>();
        private final Map<String, Integer> cards = new HashMap<>();
        private final Map<Long, Integer> people = new HashMap<>();

        Reading(AssemblyTerm term) {
            super(Column.class, c -> c.titles, Column.REQUIRED, maxRows);
            this.term = term;
        }

        @Override
        protected void row(XlsxSheet.SheetRow row, Map<Column, Integer> columns) {
            this.columns = columns;
            check(row);
        }

        private void check(XlsxSheet.SheetRow row) {
            int n = row.number();
            int problemsBefore = problems.size();
            String card = row.cell(columns.get(Column.CARD));
            if (card == null) {
                problems.add(rowProblem(n, "sessions.import.required", Column.CARD.label()));
            } else if (!Rosters.CARD_NUMBER.matcher(card).matches()) {
                problems.add(rowProblem(n, "sessions.entry.card-format", card));
            } else {
                Integer first = cards.putIfAbsent(card.toUpperCase(Locale.ROOT), n);
                if (first != null) {
                    problems.add(rowProblem(n, "sessions.import.card-repeated", card, String.valueOf(first)));
                } else if (store.cardTaken(term.termId(), card, null)) {
                    problems.add(rowProblem(n, "sessions.entry.card-taken", card));
                }
            }
            String name = row.cell(columns.get(Column.NAME));
            if (name == null) {
                problems.add(rowProblem(n, "sessions.import.required", Column.NAME.label()));
            }
            String group = row.cell(columns.get(Column.GROUP));
            if (group == null) {
                problems.add(rowProblem(n, "sessions.import.required", Column.GROUP.label()));
            }
            String committee = row.cell(columns.get(Column.COMMITTEE));
            if (committee != null && term.chamber() == Chamber.CONGRESS) {
                problems.add(rowProblem(n, "sessions.entry.committee-congress"));
            }
            Long personId = person(n, row.cell(columns.get(Column.PERSON)), name);
            if (problems.size() == problemsBefore) {
                entries.add(new Entry(n, card, name, row.cell(columns.get(Column.ROMANIZED)), group, committee, personId));
            }
        }

        /** The directory person the row names by number: it must exist, bear the row's name, and not be on the roster. */
        private Long person(int n, String text, String name) {
            if (text == null) {
                return null;
            }
            long id;
            try {
                id = Long.parseLong(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
            } catch (NumberFormatException e) {
                problems.add(rowProblem(n, "sessions.import.person-number", text));
                return null;
            }
            Person person = directory.findPerson(id).orElse(null);
            if (person == null) {
                problems.add(rowProblem(n, "sessions.import.unknown-person", text));
                return null;
            }
            if (name != null && !name.equals(person.nameZh())) {
                problems.add(rowProblem(n, "sessions.import.person-name", text, person.name(false), name));
                return null;
            }
            Integer first = people.putIfAbsent(id, n);
            if (first != null) {
                problems.add(rowProblem(n, "sessions.import.person-repeated", text, String.valueOf(first)));
            } else if (store.onRoster(term.termId(), id)) {
                problems.add(rowProblem(n, "sessions.entry.person-on-roster", person.name(false)));
            }
            return id;
        }
    }

    private Result save(Viewer viewer, AssemblyTerm term, String fileName, Reading reading) {
        if (!reading.problems.isEmpty()) {
            throw new InvalidInput(reading.problems);
        }
        store.lockTerm(term.termId());
        Map<String, Group> groups = new HashMap<>();
        store.groups(term.termId()).forEach(g -> groups.put(g.kind() + " " + g.nameZh(), g));
        int added = 0;
        Set<Long> members = new HashSet<>(directory.members(term.termId()).stream().map(Membership::personId).toList());
        for (Entry e : reading.entries) {
            Group group = groups.get(term.groupKind() + " " + e.group());
            if (group == null) {
                group = rosters.createGroup(term.termId(), term.groupKind(), e.group(), null);
                groups.put(term.groupKind() + " " + e.group(), group);
                added++;
            }
            Group committee = null;
            if (e.committee() != null) {
                committee = groups.get(GroupKind.COMMITTEE + " " + e.committee());
                if (committee == null) {
                    committee = rosters.createGroup(term.termId(), GroupKind.COMMITTEE, e.committee(), null);
                    groups.put(GroupKind.COMMITTEE + " " + e.committee(), committee);
                    added++;
                }
            }
            long personId = e.personId() != null ? e.personId()
                    : directory.createPerson(new PersonDraft(e.nameZh(), e.romanized())).id();
            long id = store.insertEntry(term.termId(), personId, e.card(), group.id(),
                    committee == null ? null : committee.id(), viewer.username());
            if (members.add(personId)) {
                directory.addMember(term.termId(), new MembershipDraft(personId, null, null));
            }
            audit.record("roster.entry-create", "assembly_seat", String.valueOf(id), null, rosters.entry(id));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("file", fileName);
        record.put("entries", reading.entries.size());
        record.put("groupsAdded", added);
        audit.record("roster.import", "assembly_term", String.valueOf(term.termId()), null, record);
        return new Result(reading.entries.size(), added);
    }

    private static InvalidInput fileProblem(String code, Object... args) {
        return new InvalidInput(Violation.of("file", code, args));
    }

    static Violation rowProblem(int row, String code, Object... args) {
        return XlsxSheet.rowProblem("sessions.import.row", row, code, args);
    }
}
