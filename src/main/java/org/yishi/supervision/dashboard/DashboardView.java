package org.yishi.supervision.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;
import org.yishi.directory.Unit;
import org.yishi.platform.Bilingual;
import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.ledger.LedgerQuery;

/**
 * The dashboard as the page and the API show it: each figure named in the reader's language, with the link to the
 * ledger filtered to exactly what the figure counts (the ledger's query parameters, as agreed for issue 5).
 *
 * @param byState        every state with its count
 * @param byColour       the open items by colour
 * @param onTime         the units with closed items, lowest on-time rate first
 * @param closedPerMonth the last 12 months, oldest first
 * @param overdue        how many items are overdue; {@code overdueLink} lists them all, oldest deadline first
 */
record DashboardView(LocalDate today, long total, long open, List<Bar> byState, List<Bar> byColour, long closed,
        long closedOnTime, String onTimePercent, List<Rate> onTime, List<Bar> closedPerMonth, long overdue,
        String overdueLink, List<OverdueRow> oldestOverdue) {

    static final String LEDGER = "/supervision/ledger";

    /** A count with its name, its code (state, colour or month yyyy-MM) and the ledger of what it counts. */
    record Bar(String key, String label, long count, String link) {
    }

    record Rate(long unitId, String unit, long closed, long onTime, double rate, String percent, String link) {
    }

    record OverdueRow(long id, String serial, String content, long leadUnitId, String leadUnit, LocalDate deadline,
            long daysOverdue, ItemState state, String stateLabel, String link) {
    }

    static DashboardView of(SupervisionDashboard.Figures f, List<Unit> units, MessageSource messages, Locale locale) {
        Map<Long, String> unitNames = units.stream().collect(Collectors.toMap(Unit::id,
                u -> new Bilingual(u.nameZh(), u.nameEn()).in(locale), (a, b) -> a));
        Function<Long, String> unit = id -> unitNames.getOrDefault(id, "#" + id);
        List<Bar> byState = f.byState().entrySet().stream().map(e -> new Bar(e.getKey().name(),
                label(messages, "enum.ItemState." + e.getKey().name(), locale), e.getValue(), stateLink(e.getKey())))
                .toList();
        List<Bar> byColour = f.byColour().entrySet().stream().map(e -> new Bar(e.getKey().name(),
                label(messages, "enum.Colour." + e.getKey().name(), locale), e.getValue(), colourLink(e.getKey())))
                .toList();
        List<Rate> rates = f.onTime().stream().map(r -> new Rate(r.unitId(), unit.apply(r.unitId()), r.closed(),
                r.onTime(), r.rate(), percent(r.rate()), unitClosedLink(r.unitId()))).toList();
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern(label(messages, "dashboard.month-pattern", locale), locale);
        List<Bar> months = f.closedPerMonth().stream().map(m -> new Bar(m.month().toString(),
                monthName.format(m.month()), m.closed(), closedInLink(m.month()))).toList();
        List<OverdueRow> oldest = new ArrayList<>();
        for (SupervisionDashboard.Overdue o : f.oldestOverdue()) {
            oldest.add(new OverdueRow(o.id(), o.serial(), o.content(), o.leadUnitId(), unit.apply(o.leadUnitId()),
                    o.deadline(), o.daysOverdue(), o.state(), label(messages, "enum.ItemState." + o.state().name(), locale),
                    "/supervision/items/" + o.id()));
        }
        long total = f.byState().values().stream().mapToLong(Long::longValue).sum();
        long open = f.byColour().values().stream().mapToLong(Long::longValue).sum();
        long closed = rates.stream().mapToLong(Rate::closed).sum();
        long onTime = rates.stream().mapToLong(Rate::onTime).sum();
        return new DashboardView(f.today(), total, open, byState, byColour, closed, onTime,
                percent(closed == 0 ? 0 : (double) onTime / closed), rates, months, f.overdue(), overdueLink(f.today()),
                oldest);
    }

    private static String label(MessageSource messages, String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    /** A rate as a percentage with one decimal, e.g. {@code 87.5%}. */
    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static UriComponentsBuilder ledger() {
        return UriComponentsBuilder.fromPath(LEDGER);
    }

    private static UriComponentsBuilder states(UriComponentsBuilder link, List<ItemState> states) {
        states.forEach(s -> link.queryParam("state", s.name()));
        return link;
    }

    static String stateLink(ItemState state) {
        return ledger().queryParam("state", state.name()).build().toUriString();
    }

    /** The open items of the colour: every state but closed, as the chart counts them. */
    static String colourLink(Colour colour) {
        List<ItemState> open = java.util.Arrays.stream(ItemState.values()).filter(ItemState::open).toList();
        return states(ledger().queryParam("colour", colour.name()), open).build().toUriString();
    }

    /** The unit's closed items as the rate counts them: those it leads, not those it only co-operates on. */
    static String unitClosedLink(long unitId) {
        return ledger().queryParam("unit", unitId).queryParam("unitRole", LedgerQuery.UnitRole.LEAD.parameter())
                .queryParam("state", ItemState.CLOSED.name()).build().toUriString();
    }

    /** Items closed within the month: the ledger's date range on the day of closing, in the same time zone. */
    static String closedInLink(YearMonth month) {
        return ledger().queryParam("state", ItemState.CLOSED.name()).queryParam("dateField", LedgerQuery.DateField.CLOSED.parameter())
                .queryParam("from", month.atDay(1)).queryParam("to", month.atEndOfMonth()).build().toUriString();
    }

    /** The overdue items: still pending, deadline before today, oldest deadline first. */
    static String overdueLink(LocalDate today) {
        return states(ledger(), SupervisionDashboard.PENDING).queryParam("dateField", "deadline")
                .queryParam("to", today.minusDays(1)).queryParam("sort", "deadline").queryParam("dir", "asc")
                .build().toUriString();
    }
}
