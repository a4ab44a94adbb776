package org.yishi.supervision.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;

/**
 * The ledger through the API as configured, where a first page is found by walking the index of its sort column; and
 * the parameters it refuses.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class LedgerApiIntegrationTests extends LedgerQueryChecks {

    @Test
    void badParametersAreRefusedEachNamedInTheCallersLanguage() {
        Api.Answer answer = f.office.get("/api/supervision/items?sort=content&dir=sideways&state=DONE&colour=RED"
                + "&from=2024-02-30&unit=x&leader=999999999&size=0&page=-1&dateField=closing");
        assertThat(answer.refusal()).containsExactly(
                "unit: The value \"x\" of unit is not an id.",
                "state: The value \"DONE\" of state is not allowed; use one of: REGISTERED, ASSIGNED, RETURNED, "
                        + "IN_PROGRESS, REPORTED, SUSPENDED, CLOSED.",
                "leader: There is no person with id 999999999.",
                "from: The value \"2024-02-30\" of from is not a date; write it as YYYY-MM-DD.",
                "dateField: The value \"closing\" of dateField is not allowed; use one of: deadline, received, closed.",
                "sort: The value \"content\" of sort is not allowed; use one of: serial, deadline, received, unit, "
                        + "state, colour, progress.",
                "dir: The value \"sideways\" of dir is not allowed; use one of: asc, desc.",
                "page: The value \"-1\" of page must be a whole number from 0 to 4294967.",
                "size: The value \"0\" of size must be a whole number from 1 to 500.");
        assertThat(f.office.in("zh-CN").get("/api/supervision/items?sort=content").refusal())
                .containsExactly("sort: 参数 sort 的值“content”无效，可选：serial, deadline, received, unit, state, colour, progress。");
        assertThat(f.office.get("/api/supervision/items?from=2024-05-01&to=2024-04-01").refusal())
                .containsExactly("to: The end date cannot be before the start date.");
    }

    @Test
    void aSortThatIsNotAColumnNameIsRefusedAndNoSqlIsMadeOfIt() {
        String attack = "deadline;delete from supervision_item";
        assertThat(f.office.get("/api/supervision/items?sort=" + attack + "&" + units).refusal()).hasSize(1)
                .first().asString().startsWith("sort: The value \"" + attack + "\" of sort is not allowed");
        assertThat(f.office.get("/api/supervision/items?sort=i.content&" + units).refusal()).hasSize(1);
        assertThat(f.office.get("/api/supervision/items?dir=asc,id&" + units).refusal()).hasSize(1);
        assertThat(f.office.get("/api/supervision/items?" + units).expect(200).json().get("rows")).hasSize(6);
    }

    @Test
    void onlyTheOfficeAndLiaisonsReadTheLedger() {
        Api member = new Api(http).signedInAs(TestAccounts.of(accounts, "reader"));
        member.get("/api/supervision/items").problem(403);
        new Api(http).get("/api/supervision/items").expect(401);
        Api office = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
        assertThat(office.get("/api/supervision/items?" + units).expect(200).json().get("rows")).hasSize(6);
    }
}
