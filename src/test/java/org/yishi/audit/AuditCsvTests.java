package org.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells of the CSV export as Excel reads them. */
class AuditCsvTests {

    @Test
    void cellsAreQuotedAsRfc4180Wants() {
        assertThat(AuditCsv.cell("张超")).isEqualTo("张超");
        assertThat(AuditCsv.cell("{\"a\":1,\"b\":\"x\"}")).isEqualTo("\"{\"\"a\"\":1,\"\"b\"\":\"\"x\"\"}\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell("")).isEmpty();
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsShownInstead() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("@sum")).isEqualTo("'@sum");
    }
}
