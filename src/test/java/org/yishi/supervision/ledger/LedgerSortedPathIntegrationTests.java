package org.yishi.supervision.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;

/**
 * The ledger's checks again with a walk budget of two rows: almost every page is then found by sorting the matching
 * items instead of walking the sort column's index, and must be the same page. Here an import may hold three rows,
 * and an export five.
 */
@YishiIntegrationTest({"yishi.demo-data=off", "yishi.supervision.ledger.walk-budget=2",
        "yishi.supervision.ledger.import-max-rows=3", "yishi.supervision.ledger.export-max-rows=5"})
class LedgerSortedPathIntegrationTests extends LedgerQueryChecks {

    @Test
    void aFileWithMoreRowsThanAllowedIsRefusedWhole() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            rows.add(List.of(i, "督字〔2033〕" + i + "号", "领导批示", "事项" + i, "台账甲局" + f.tag, "", "", "2033-03-01",
                    "2033-06-30", "", "", ""));
        }
        assertThat(f.upload(TestAccounts.of(accounts, "supervision"), "台账.xlsx", LedgerImport.XLSX,
                LedgerFixture.workbook(rows), "en").refusal())
                .containsExactly("file: At most 3 rows can be imported at once; split the file.");
        assertThat(f.upload(TestAccounts.of(accounts, "supervision"), "台账.xlsx", LedgerImport.XLSX,
                LedgerFixture.workbook(rows.subList(0, 3)), "en").expect(200).json().get("imported").asInt()).isEqualTo(3);
    }

    @Test
    void anExportOfMoreRowsThanAllowedIsRefusedWithTheReason() {
        assertThat(f.office.get("/api/supervision/items/export.xlsx?" + units).problem(409).get("detail").asString())
                .isEqualTo("More than 5 items match: too many for one file. Narrow the filters.");
        assertThat(f.office.get("/api/supervision/items/export.xlsx?" + units + "&colour=RED").expect(200).body())
                .isNotEmpty();
    }
}
