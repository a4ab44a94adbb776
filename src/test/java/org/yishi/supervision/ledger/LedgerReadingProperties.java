package org.yishi.supervision.ledger;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.SerialFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Violation;

/**
 * Reading what offices write: dates in every usual form, serials in the office's format with the brackets people
 * type, titles compared without spaces and punctuation, and the ledger's request parameters.
 */
class LedgerReadingProperties {

    private final SerialFormat serials = new SerialFormat("督字〔{year}〕{number}号");

    @Test
    void everyDateReadsTheSameInEveryUsualForm() {
        qt().forAll(integers().between(0, 60_000)).checkAssert(n -> {
            LocalDate day = LocalDate.of(1990, 1, 1).plusDays(n);
            int y = day.getYear();
            int m = day.getMonthValue();
            int d = day.getDayOfMonth();
            for (String written : List.of(day.toString(), y + "/" + m + "/" + d, y + "." + m + "." + d,
                    y + "年" + m + "月" + d + "日", y + " 年 " + m + " 月 " + d + " 日", y + "-" + m + "-" + d,
                    String.valueOf((long) DateUtil.getExcelDate(day)))) {
                assertThat(LedgerImport.day(written)).as(written).isEqualTo(day);
            }
        });
    }

    @Test
    void whatIsNotADateIsNoDate() {
        for (String text : List.of("2024-02-30", "2024年13月1日", "明年五月", "", "31/05/2024", "2024-05", "0")) {
            assertThat(LedgerImport.day(text)).as(text).isNull();
        }
    }

    @Test
    void aSerialInTheOfficesFormatIsReadWithTheBracketsPeopleType() {
        qt().forAll(integers().between(1990, 2099), integers().between(1, 99_999)).checkAssert((year, number) -> {
            String serial = serials.format(year, number);
            assertThat(serials.parse(serial)).contains(new SerialFormat.Serial(year, number));
            for (String[] brackets : List.of(new String[] {"[", "]"}, new String[] {"【", "】"}, new String[] {"（", "）"},
                    new String[] {"(", ")"}, new String[] {"［", "］"})) {
                assertThat(serials.parse(serial.replace("〔", brackets[0]).replace("〕", brackets[1])))
                        .contains(new SerialFormat.Serial(year, number));
            }
            assertThat(serials.parse(" 督字 〔" + year + "〕 0" + number + " 号")).contains(new SerialFormat.Serial(year, number));
        });
        for (String wrong : List.of("督办〔2024〕1号", "督字〔24〕1号", "督字〔2024〕号", "督字〔2024〕0号", "督字2024-1",
                "督字〔2024〕1", "")) {
            assertThat(serials.parse(wrong)).as(wrong).isEmpty();
        }
        assertThat(new SerialFormat("{year}-DB-{number}").parse("2024-DB-17")).contains(new SerialFormat.Serial(2024, 17));
    }

    @Test
    void titlesAreComparedWithoutSpacesPunctuationAndCase() {
        assertThat(LedgerImport.key("办理进展(%)")).isEqualTo("办理进展");
        assertThat(LedgerImport.key(" 办理进展（%） ")).isEqualTo("办理进展");
        assertThat(LedgerImport.key("Progress (%)")).isEqualTo("progress");
        assertThat(LedgerImport.key("Co-operating units")).isEqualTo("cooperatingunits");
        assertThat(LedgerImport.key("红灯（逾期）")).isEqualTo("红灯逾期");
    }

    @Test
    void theLedgersParametersAreReadOrRefusedOneByOne() {
        LedgerParams params = new LedgerParams(List.of("3", " ", "4"), "Lead", List.of("CLOSED"), List.of("RED", "GREEN"),
                List.of(), List.of("7"), "2024-01-01", "2024-12-31", "received", "unit", "desc", "2", "20");
        LedgerQuery q = params.query(Set.of(3L, 4L)::contains, id -> id == 7);
        assertThat(q.units()).containsExactly(3L, 4L);
        assertThat(q.unitRole()).isEqualTo(LedgerQuery.UnitRole.LEAD);
        assertThat(q.states()).containsExactly(ItemState.CLOSED);
        assertThat(q.colours()).containsExactly(Colour.RED, Colour.GREEN);
        assertThat(q.dateField()).isEqualTo(LedgerQuery.DateField.RECEIVED);
        assertThat(q.effectiveSort()).isEqualTo(LedgerQuery.Sort.UNIT);
        assertThat(q.effectiveDirection()).isEqualTo(LedgerQuery.Direction.DESC);
        assertThat(List.of(q.page(), q.size())).containsExactly(2, 20);
        assertThat(LedgerParams.link("/supervision/ledger", q).build().toUriString()).isEqualTo("/supervision/ledger?unit=3"
                + "&unit=4&unitRole=lead&state=CLOSED&colour=RED&colour=GREEN&leader=7&from=2024-01-01&to=2024-12-31&dateField=received"
                + "&sort=unit&dir=desc&size=20");

        assertThat(new LedgerParams(null, null, List.of("closed"), List.of("Red"), null, null, null, null, "Received", "Deadline",
                "DESC", null, null).query(id -> true, id -> true)).isEqualTo(new LedgerQuery(null, null, List.of(ItemState.CLOSED),
                List.of(Colour.RED), null, null, null, null, LedgerQuery.DateField.RECEIVED, LedgerQuery.Sort.DEADLINE,
                LedgerQuery.Direction.DESC, 0, 50));
        LedgerParams bad = new LedgerParams(List.of("5"), "leader", List.of("finished"), null, List.of("MEETING"), List.of("8"), null,
                null, null, "id", "down", "x", "501");
        assertThatThrownBy(() -> bad.query(Set.of(3L)::contains, id -> false)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("unit", "unitRole", "state", "source", "leader", "sort", "dir", "page", "size"));
    }

    @Test
    void withoutASortTheLedgerShowsTheNewestSerialsOrTheFilteredDatesInOrder() {
        LedgerQuery all = LedgerQuery.all();
        assertThat(List.of(all.effectiveSort(), all.effectiveDirection()))
                .containsExactly(LedgerQuery.Sort.SERIAL, LedgerQuery.Direction.DESC);
        LedgerQuery dated = new LedgerQuery(null, null, null, null, null, null, LocalDate.of(2024, 1, 1), null, null, null,
                null, 0, 50);
        assertThat(List.of(dated.effectiveSort(), dated.effectiveDirection()))
                .containsExactly(LedgerQuery.Sort.DEADLINE, LedgerQuery.Direction.ASC);
        LedgerQuery sorted = all.sortedBy(LedgerQuery.Sort.PROGRESS, null);
        assertThat(sorted.effectiveDirection()).isEqualTo(LedgerQuery.Direction.ASC);
    }
}
