package org.yishi.supervision.ledger;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.SerialFormat;
import org.yishi.supervision.Source;
import org.yishi.supervision.Supervision;
import org.yishi.supervision.WorkingCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.directory.Directory;
import org.yishi.directory.Person;
import org.yishi.directory.Unit;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.XlsxSheet;
import org.yishi.platform.Violation;

/**
 * Imports a ledger kept in Excel (台账) as supervised items: the layout {@link LedgerXlsx} writes, and the usual
 * variants of it (the header row found by its titles, in Chinese or English; dates as Excel dates or written as
 * 2024-05-31, 2024/5/31 or 2024年5月31日; units by full name, short name or English name; states, colours and sources
 * in Chinese or English words). Every row is checked before anything is saved; a file with a bad row is refused with
 * each bad row's number and reasons, and nothing is imported. Each row keeps its serial (督办编号), which must be in the
 * office's format and not yet used.
 */
@Service
class LedgerImport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** An uploaded file as it came. */
    record Upload(String fileName, String contentType, long size, InputStreamSource content) {
    }

    /** What was imported. */
    record Result(int imported, List<String> serials) {
    }

    /** The columns of a ledger, with the titles they are known by (compared without spaces and punctuation). */
    enum Column {
        NUMBER("number", "序号", "no", "number", "#"),
        SERIAL("serial", "督办编号", "编号", "督办号", "督办文号", "serial", "serialno", "serialnumber"),
        SOURCE("source", "来源", "事项来源", "督办来源", "交办来源", "source"),
        CONTENT("content", "督办事项", "督办内容", "事项内容", "工作任务", "事项名称", "督办事项内容", "item", "content", "task"),
        LEAD_UNIT("lead-unit", "主办单位", "牵头单位", "责任单位", "承办单位", "leadunit", "lead"),
        CO_UNITS("co-units", "协办单位", "配合单位", "协同单位", "cooperatingunits", "counits"),
        LEADER("leader", "责任领导", "分管领导", "牵头领导", "包案领导", "responsibleleader", "leader"),
        RECEIVED("received", "收文日期", "交办日期", "登记日期", "收文时间", "received", "receivedon", "datereceived"),
        DEADLINE("deadline", "办结时限", "完成时限", "办结期限", "时限", "截止日期", "deadline", "duedate"),
        STATE("state", "办理状态", "状态", "state", "status"),
        PROGRESS("progress", "办理进展", "进度", "完成进度", "办理进度", "progress"),
        COLOUR("colour", "预警", "预警状态", "预警等级", "亮灯", "预警灯", "warning", "colour", "color"),
        LATEST("latest", "最新进展", "进展情况", "最新进展情况", "latestprogress", "latest");

        static final List<Column> REQUIRED = List.of(SERIAL, SOURCE, CONTENT, LEAD_UNIT, RECEIVED, DEADLINE);

        private final String key;
        private final Set<String> titles;

        Column(String key, String... titles) {
            this.key = key;
            this.titles = Set.of(titles);
        }

        DefaultMessageSourceResolvable label() {
            return InvalidInput.label("ledger.column." + key);
        }
    }

    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern SERIAL_DAY = Pattern.compile("\\d{1,7}(\\.0+)?");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})(\\.0+)?\\s*[%％]?");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[、,，;；/\\n]+");

    /** Further words offices write in these columns, besides the names Yishi shows in both languages. */
    private static final Map<String, ItemState> STATE_WORDS = Map.ofEntries(Map.entry("登记", ItemState.REGISTERED),
            Map.entry("待交办", ItemState.REGISTERED), Map.entry("交办", ItemState.ASSIGNED),
            Map.entry("待签收", ItemState.ASSIGNED), Map.entry("退回", ItemState.RETURNED),
            Map.entry("在办", ItemState.IN_PROGRESS), Map.entry("正在办理", ItemState.IN_PROGRESS),
            Map.entry("推进中", ItemState.IN_PROGRESS), Map.entry("已报送", ItemState.REPORTED),
            Map.entry("报送办结", ItemState.REPORTED), Map.entry("待审核", ItemState.REPORTED),
            Map.entry("中止", ItemState.SUSPENDED), Map.entry("暂停", ItemState.SUSPENDED),
            Map.entry("已暂停", ItemState.SUSPENDED), Map.entry("销号", ItemState.CLOSED),
            Map.entry("已办结", ItemState.CLOSED), Map.entry("办结", ItemState.CLOSED),
            Map.entry("已完成", ItemState.CLOSED));
    private static final Map<String, Colour> COLOUR_WORDS = Map.ofEntries(Map.entry("绿", Colour.GREEN),
            Map.entry("绿色", Colour.GREEN), Map.entry("正常", Colour.GREEN), Map.entry("黄", Colour.YELLOW),
            Map.entry("黄色", Colour.YELLOW), Map.entry("橙", Colour.ORANGE), Map.entry("橙色", Colour.ORANGE),
            Map.entry("红", Colour.RED), Map.entry("红色", Colour.RED), Map.entry("红灯", Colour.RED),
            Map.entry("逾期", Colour.RED));
    private static final Map<String, Source> SOURCE_WORDS = Map.ofEntries(Map.entry("会议", Source.DECISION),
            Map.entry("会议议定", Source.DECISION), Map.entry("会议决定事项", Source.DECISION),
            Map.entry("常委会决定", Source.DECISION), Map.entry("批示", Source.INSTRUCTION),
            Map.entry("领导批示件", Source.INSTRUCTION), Map.entry("上级", Source.HIGHER_TASK),
            Map.entry("上级交办事项", Source.HIGHER_TASK), Map.entry("上级部署", Source.HIGHER_TASK));

    private final JdbcClient jdbc;
    private final Directory directory;
    private final SerialFormat serials;
    private final Supervision supervision;
    private final Audit audit;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final long maxBytes;
    private final long maxInflated;
    private final int maxRows;

    LedgerImport(JdbcClient jdbc, Directory directory, SerialFormat serials, Supervision supervision, Audit audit,
            MessageSource messages, PlatformTransactionManager transactions,
            @Value("${yishi.supervision.ledger.import-max-size:10MB}") DataSize maxSize,
            @Value("${yishi.supervision.ledger.import-max-rows:50000}") int maxRows,
            @Value("${yishi.supervision.ledger.import-max-inflated:256MB}") DataSize maxInflated) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.serials = serials;
        this.supervision = supervision;
        this.audit = audit;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.maxBytes = maxSize.toBytes();
        this.maxRows = maxRows;
        this.maxInflated = maxInflated.toBytes();
        // a part whose size the package misstates is still stopped by POI once it inflates past the limit
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(this.maxInflated);
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Imports the ledger, all or nothing; refused with every problem of the file or of its rows. */
    Result importLedger(Viewer viewer, Upload upload) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        Path file = null;
        try {
            file = Files.createTempFile("yishi-ledger-", ".xlsx");
            Reading reading = read(upload, file);
            return save(viewer, upload.fileName(), reading);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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

    /** The file's rows read and checked, once it is known to be an .xlsx workbook within the limits. */
    private Reading read(Upload upload, Path file) throws IOException {
        String name = XlsxSheet.receive(new XlsxSheet.Upload(upload.fileName(), upload.contentType(), upload.size(),
                upload.content()), file, new XlsxSheet.Limits(maxBytes, maxInflated), "ledger.import");
        Reading reading = new Reading(vocabulary());
        try {
            XlsxSheet.read(file, reading);
        } catch (XlsxSheet.Unreadable e) {
            throw fileProblem("ledger.import.unreadable", name);
        } catch (XlsxSheet.NoHeader e) {
            throw noHeader();
        } catch (XlsxSheet.TooManyRows e) {
            throw fileProblem("ledger.import.too-many-rows", String.valueOf(maxRows));
        }
        if (!reading.hasHeader()) {
            throw noHeader();
        }
        if (reading.rows() == 0) {
            throw fileProblem("ledger.import.no-rows");
        }
        return reading;
    }

    private static InvalidInput noHeader() {
        return fileProblem("ledger.import.no-header", new DefaultMessageSourceResolvable(
                new String[] {"ledger.import.columns"}, Column.REQUIRED.stream().map(Column::label).toArray()));
    }

    /**
     * The rows as they are read: the header row found among the first rows, then each row below it checked and kept
     * as an entry to save, or its problems noted. Only the entries are kept, not the sheet.
     */
    private final class Reading extends XlsxSheet.Table<Column> {
        private final Vocabulary words;
        final List<Entry> entries = new ArrayList<>();
        final List<Violation> problems = new ArrayList<>();
        private final Map<SerialFormat.Serial, Integer> firstRow = new HashMap<>();

        Reading(Vocabulary words) {
            super(Column.class, c -> c.titles, Column.REQUIRED, maxRows);
            this.words = words;
        }

        @Override
        protected void row(XlsxSheet.SheetRow row, Map<Column, Integer> columns) {
            entry(row, columns, words, problems).ifPresent(e -> {
                Integer first = firstRow.putIfAbsent(e.serial(), e.row());
                if (first != null) {
                    problems.add(rowProblem(e.row(), "ledger.import.serial-repeated", e.serialText(), String.valueOf(first)));
                } else {
                    entries.add(e);
                }
            });
        }
    }

    private static InvalidInput fileProblem(String code, Object... args) {
        return new InvalidInput(Violation.of("file", code, args));
    }

    // ------------------------------------------------------------------------------------------- the rows

    /** A row as it will be saved. */
    private record Entry(int row, SerialFormat.Serial serial, String serialText, Source source, String content,
            long leadUnit, List<Long> coUnits, Long leader, LocalDate received, LocalDate deadline, ItemState state,
            int progress, Colour colour, String latest) {
    }

    /** Saves the rows in one transaction, after checking their serials are free; or refuses them all. */
    private Result save(Viewer viewer, String fileName, Reading reading) {
        return transaction.execute(status -> save(viewer, fileName, reading.entries, new ArrayList<>(reading.problems)));
    }

    private Result save(Viewer viewer, String fileName, List<Entry> entries, List<Violation> problems) {
        reserveSerials(entries, problems);
        if (!problems.isEmpty()) {
            List<Violation> byRow = new ArrayList<>(problems);
            byRow.sort(java.util.Comparator.comparingInt(LedgerImport::rowOf));
            throw new InvalidInput(byRow);
        }
        List<Long> ids = insert(entries);
        insertCoUnitsAndReports(viewer, entries, ids);
        jdbc.sql("""
                insert into supervision_step (item_id, actor, action, to_state, reason)
                select i.id, :actor, 'import', i.state, :file from supervision_item i where i.id = any(cast(:ids as bigint[]))""")
                .param("actor", viewer.accountId()).param("file", fileName).param("ids", ids.toArray(Long[]::new)).update();
        List<String> imported = entries.stream().map(Entry::serialText).toList();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("file", fileName);
        record.put("items", entries.size());
        record.put("serials", entries.stream().map(e -> serials.format(e.serial().year(), e.serial().number())).toList());
        audit.record("supervision.ledger-import", null, null, null, record);
        return new Result(entries.size(), imported);
    }

    /**
     * Moves each year's serial counter past the file's serials, locked until the end, so that no item registered
     * meanwhile takes one of them; a serial an item already has is a problem of its row.
     */
    private void reserveSerials(List<Entry> entries, List<Violation> problems) {
        Map<Integer, Integer> highest = new HashMap<>();
        entries.forEach(e -> highest.merge(e.serial().year(), e.serial().number(), Math::max));
        highest.forEach((year, number) -> jdbc.sql("""
                insert into item_serial (year, last) values (:y, :n)
                on conflict (year) do update set last = greatest(item_serial.last, excluded.last)""")
                .param("y", year).param("n", number).update());
        if (entries.isEmpty()) {
            return;
        }
        record Taken(int year, int number) {
        }
        Set<Taken> taken = jdbc.sql("""
                select i.serial_year, i.serial_number from supervision_item i
                join unnest(cast(:years as int[]), cast(:numbers as int[])) as f(y, n)
                  on i.serial_year = f.y and i.serial_number = f.n""")
                .param("years", entries.stream().map(e -> e.serial().year()).toArray(Integer[]::new))
                .param("numbers", entries.stream().map(e -> e.serial().number()).toArray(Integer[]::new))
                .query((rs, n) -> new Taken(rs.getInt(1), rs.getInt(2))).set();
        entries.stream().filter(e -> taken.contains(new Taken(e.serial().year(), e.serial().number())))
                .forEach(e -> problems.add(rowProblem(e.row(), "ledger.import.serial-taken", e.serialText())));
    }

    /** The items' co-operating units, and the latest progress each row gives as its first report. */
    private void insertCoUnitsAndReports(Viewer viewer, List<Entry> entries, List<Long> ids) {
        List<Long> coItems = new ArrayList<>();
        List<Long> coUnits = new ArrayList<>();
        List<Long> reportItems = new ArrayList<>();
        List<String> reportTexts = new ArrayList<>();
        List<Integer> reportPercents = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            for (Long u : e.coUnits()) {
                coItems.add(ids.get(i));
                coUnits.add(u);
            }
            if (e.latest() != null) {
                reportItems.add(ids.get(i));
                reportTexts.add(e.latest());
                reportPercents.add(e.progress());
            }
        }
        jdbc.sql("""
                insert into supervision_co_unit (item_id, unit_id)
                select * from unnest(cast(:items as bigint[]), cast(:units as bigint[]))""")
                .param("items", coItems.toArray(Long[]::new)).param("units", coUnits.toArray(Long[]::new)).update();
        jdbc.sql("""
                insert into progress_report (item_id, actor, text, percent, completion)
                select r.i, :actor, r.t, r.p, false
                from unnest(cast(:items as bigint[]), cast(:texts as text[]), cast(:percents as int[])) as r(i, t, p)""")
                .param("actor", viewer.accountId()).param("items", reportItems.toArray(Long[]::new))
                .param("texts", reportTexts.toArray(String[]::new)).param("percents", reportPercents.toArray(Integer[]::new))
                .update();
    }

    private static int rowOf(Violation v) {
        return v.field().startsWith("row ") ? Integer.parseInt(v.field().substring(4)) : 0;
    }

    /** Inserts the items in one statement; their ids in the order of the entries. */
    private List<Long> insert(List<Entry> entries) {
        WorkingCalendar calendar = supervision.calendar();
        int n = entries.size();
        Integer[] years = new Integer[n];
        Integer[] numbers = new Integer[n];
        String[] sources = new String[n];
        String[] contents = new String[n];
        Long[] leads = new Long[n];
        Long[] leaders = new Long[n];
        String[] received = new String[n];
        String[] deadlines = new String[n];
        String[] states = new String[n];
        String[] suspendedFrom = new String[n];
        Integer[] progress = new Integer[n];
        String[] colours = new String[n];
        String[] starts = new String[n];
        Integer[] totals = new Integer[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            years[i] = e.serial().year();
            numbers[i] = e.serial().number();
            sources[i] = e.source().name();
            contents[i] = e.content();
            leads[i] = e.leadUnit();
            leaders[i] = e.leader();
            received[i] = e.received().toString();
            deadlines[i] = e.deadline().toString();
            states[i] = e.state().name();
            suspendedFrom[i] = e.state() == ItemState.SUSPENDED ? ItemState.IN_PROGRESS.name() : null;
            progress[i] = e.progress();
            colours[i] = e.colour().name();
            // an item that was assigned: its time runs from the day it was received, as the ledger does not say more
            boolean assigned = e.state() != ItemState.REGISTERED;
            starts[i] = assigned ? e.received().toString() : null;
            totals[i] = assigned ? calendar.between(e.received(), e.deadline()) : null;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("years", years);
        p.put("numbers", numbers);
        p.put("sources", sources);
        p.put("contents", contents);
        p.put("leads", leads);
        p.put("leaders", leaders);
        p.put("received", received);
        p.put("deadlines", deadlines);
        p.put("states", states);
        p.put("suspendedFrom", suspendedFrom);
        p.put("progress", progress);
        p.put("colours", colours);
        p.put("starts", starts);
        p.put("totals", totals);
        record Inserted(long id, int year, int number) {
        }
        Map<SerialFormat.Serial, Long> ids = new HashMap<>();
        jdbc.sql("""
                insert into supervision_item (serial_year, serial_number, source, content, lead_unit_id, leader_person_id,
                       received_on, deadline, state, suspended_from, progress, colour, start_on, working_days_total)
                select f.y, f.n, f.s, f.c, f.l, f.p, cast(f.r as date), cast(f.d as date), f.st, f.sf, f.pr, f.co,
                       cast(f.so as date), f.t
                from unnest(cast(:years as int[]), cast(:numbers as int[]), cast(:sources as text[]),
                            cast(:contents as text[]), cast(:leads as bigint[]), cast(:leaders as bigint[]),
                            cast(:received as text[]), cast(:deadlines as text[]), cast(:states as text[]),
                            cast(:suspendedFrom as text[]), cast(:progress as int[]), cast(:colours as text[]),
                            cast(:starts as text[]), cast(:totals as int[]))
                     as f(y, n, s, c, l, p, r, d, st, sf, pr, co, so, t)
                returning id, serial_year, serial_number""")
                .params(p).query((rs, i) -> new Inserted(rs.getLong(1), rs.getInt(2), rs.getInt(3))).list()
                .forEach(r -> ids.put(new SerialFormat.Serial(r.year(), r.number()), r.id()));
        return entries.stream().map(e -> ids.get(e.serial())).toList();
    }

    /** The row as an entry, read column by column; its problems added when it has some. */
    private Optional<Entry> entry(XlsxSheet.SheetRow row, Map<Column, Integer> columns, Vocabulary words,
            List<Violation> problems) {
        int n = row.number();
        int before = problems.size();
        String serialText = row.cell(columns.get(Column.SERIAL));
        SerialFormat.Serial serial = serial(n, serialText, problems);
        Source source = word(n, row, columns, Column.SOURCE, words.sources, true, problems);
        String content = required(n, row, columns, Column.CONTENT, problems);
        String leadText = required(n, row, columns, Column.LEAD_UNIT, problems);
        Long lead = leadText == null ? null : unit(n, leadText, words, problems);
        List<Long> coUnits = coUnits(n, row.cell(columns.get(Column.CO_UNITS)), lead, words, problems);
        Long leader = leader(n, row.cell(columns.get(Column.LEADER)), words, problems);
        LocalDate received = date(n, row, columns, Column.RECEIVED, problems);
        LocalDate deadline = date(n, row, columns, Column.DEADLINE, problems);
        if (received != null && deadline != null && deadline.isBefore(received)) {
            problems.add(rowProblem(n, "ledger.import.deadline-before-received", received.toString(), deadline.toString()));
        }
        ItemState state = word(n, row, columns, Column.STATE, words.states, false, problems);
        Colour colour = word(n, row, columns, Column.COLOUR, words.colours, false, problems);
        int progress = progress(n, row.cell(columns.get(Column.PROGRESS)), problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Entry(n, serial, serialText, source, content, lead, coUnits, leader, received, deadline,
                state == null ? ItemState.REGISTERED : state, progress, colour == null ? Colour.GREEN : colour,
                row.cell(columns.get(Column.LATEST))));
    }

    /** A column every row must fill; null with a problem when it is empty. */
    private static String required(int n, XlsxSheet.SheetRow row, Map<Column, Integer> columns, Column column,
            List<Violation> problems) {
        String text = row.cell(columns.get(column));
        if (text == null) {
            problems.add(rowProblem(n, "ledger.import.required", column.label()));
        }
        return text;
    }

    /** The serial (督字〔2024〕12号), required and in the office's format. */
    private SerialFormat.Serial serial(int n, String text, List<Violation> problems) {
        if (text == null) {
            problems.add(rowProblem(n, "ledger.import.required", Column.SERIAL.label()));
            return null;
        }
        SerialFormat.Serial serial = serials.parse(text).orElse(null);
        if (serial == null) {
            problems.add(rowProblem(n, "ledger.import.serial-format", text, serials.format(LocalDate.now().getYear(), 1)));
        }
        return serial;
    }

    /** The co-operating units, each once and none the lead unit. */
    private List<Long> coUnits(int n, String text, Long lead, Vocabulary words, List<Violation> problems) {
        List<Long> coUnits = new ArrayList<>();
        if (text == null) {
            return coUnits;
        }
        for (String name : LIST_SEPARATORS.split(text)) {
            if (name.isBlank()) {
                continue;
            }
            Long u = unit(n, name.strip(), words, problems);
            if (u != null && u.equals(lead)) {
                problems.add(rowProblem(n, "ledger.import.co-unit-is-lead", name.strip()));
            } else if (u != null && !coUnits.contains(u)) {
                coUnits.add(u);
            }
        }
        return coUnits;
    }

    /** The responsible leader (责任领导), when given: one person of the directory by that name. */
    private static Long leader(int n, String text, Vocabulary words, List<Violation> problems) {
        if (text == null) {
            return null;
        }
        List<Person> named = words.people.getOrDefault(key(text), List.of());
        if (named.isEmpty()) {
            problems.add(rowProblem(n, "ledger.import.unknown-person", text));
        } else if (named.size() > 1) {
            problems.add(rowProblem(n, "ledger.import.ambiguous-person", text));
        } else {
            return named.getFirst().id();
        }
        return null;
    }

    /** The progress in per cent, 0 when not given. */
    private static int progress(int n, String text, List<Violation> problems) {
        if (text == null) {
            return 0;
        }
        Matcher m = PERCENT.matcher(text);
        if (m.matches() && Integer.parseInt(m.group(1)) <= 100) {
            return Integer.parseInt(m.group(1));
        }
        problems.add(rowProblem(n, "ledger.import.bad-progress", text));
        return 0;
    }

    private Long unit(int n, String name, Vocabulary words, List<Violation> problems) {
        List<Unit> named = words.units.getOrDefault(key(name), List.of());
        if (named.isEmpty()) {
            problems.add(rowProblem(n, "ledger.import.unknown-unit", name));
            return null;
        }
        if (named.size() > 1) {
            problems.add(rowProblem(n, "ledger.import.ambiguous-unit", name,
                    named.stream().map(Unit::nameZh).collect(Collectors.joining("、"))));
            return null;
        }
        return named.getFirst().id();
    }

    private static <T> T word(int n, XlsxSheet.SheetRow row, Map<Column, Integer> columns, Column column,
            Words<T> words, boolean required, List<Violation> problems) {
        String text = row.cell(columns.get(column));
        if (text == null) {
            if (required) {
                problems.add(rowProblem(n, "ledger.import.required", column.label()));
            }
            return null;
        }
        T found = words.byWord().get(key(text));
        if (found == null) {
            problems.add(rowProblem(n, "ledger.import.unknown-word", column.label(), text, words.shown()));
        }
        return found;
    }

    private static LocalDate date(int n, XlsxSheet.SheetRow row, Map<Column, Integer> columns, Column column,
            List<Violation> problems) {
        String text = row.cell(columns.get(column));
        if (text == null) {
            problems.add(rowProblem(n, "ledger.import.required", column.label()));
            return null;
        }
        LocalDate day = day(text);
        if (day == null) {
            problems.add(rowProblem(n, "ledger.import.bad-date", column.label(), text));
        }
        return day;
    }

    /** A date as offices write it: 2024-05-31, 2024/5/31, 2024.5.31, 2024年5月31日, or an Excel day number. */
    static LocalDate day(String text) {
        String t = text.strip();
        try {
            Matcher m = NUMERIC_DATE.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = CHINESE_DATE.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (SERIAL_DAY.matcher(t).matches()) {
                double serial = Double.parseDouble(t);
                if (serial >= 1 && serial < 2_958_466) {
                    return org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(serial).toLocalDate();
                }
            }
            return LocalDate.parse(t);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Violation rowProblem(int row, String code, Object... args) {
        return XlsxSheet.rowProblem("ledger.import.row", row, code, args);
    }

    /** A title or word compared without spaces, punctuation and case. */
    static String key(String text) {
        return XlsxSheet.key(text);
    }

    // ------------------------------------------------------------------------------------------- words

    /** The words of one column, and the message listing them. */
    private record Words<T>(Map<String, T> byWord, DefaultMessageSourceResolvable shown) {
    }

    /** The units, people and words a row's text is looked up in, read once per import. */
    private record Vocabulary(Map<String, List<Unit>> units, Map<String, List<Person>> people, Words<Source> sources,
            Words<ItemState> states, Words<Colour> colours) {
    }

    private Vocabulary vocabulary() {
        Map<String, List<Unit>> units = new HashMap<>();
        for (Unit u : directory.units()) {
            for (String name : Arrays.asList(u.nameZh(), u.shortNameZh(), u.nameEn())) {
                if (name != null && !name.isBlank()) {
                    List<Unit> list = units.computeIfAbsent(key(name), k -> new ArrayList<>());
                    if (!list.contains(u)) {
                        list.add(u);
                    }
                }
            }
        }
        Map<String, List<Person>> people = new HashMap<>();
        for (Person p : directory.people()) {
            for (String name : Arrays.asList(p.nameZh(), p.nameRomanized())) {
                if (name != null && !name.isBlank()) {
                    List<Person> list = people.computeIfAbsent(key(name), k -> new ArrayList<>());
                    if (!list.contains(p)) {
                        list.add(p);
                    }
                }
            }
        }
        return new Vocabulary(units, people, words(Source.values(), "enum.Source.", SOURCE_WORDS, "ledger.import.sources"),
                words(ItemState.values(), "enum.ItemState.", STATE_WORDS, "ledger.import.states"),
                words(Colour.values(), "enum.Colour.", COLOUR_WORDS, "ledger.import.colours"));
    }

    private <E extends Enum<E>> Words<E> words(E[] values, String prefix, Map<String, E> more, String shown) {
        Map<String, E> byWord = new HashMap<>();
        for (E e : values) {
            byWord.put(key(e.name()), e);
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                byWord.put(key(messages.getMessage(prefix + e.name(), null, locale)), e);
            }
        }
        more.forEach((word, e) -> byWord.put(key(word), e));
        return new Words<>(byWord, InvalidInput.label(shown));
    }
}
