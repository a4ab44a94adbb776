package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Body;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.meetings.rules.RuleSets;

/**
 * The rules of procedure pages, the directives queue and the agenda rules in the meeting editor, driven in headless
 * Chromium against the demo directory. Its own application and database (the extra property), since it changes rule
 * sets and queues directives that other tests of the demo data do not expect.
 */
@YishiIntegrationTest({"yishi.demo-data=on", "yishi.test.isolated=rules-and-directives"})
class RulesAndDirectivesBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Directory directory;

    @Autowired
    Meetings meetings;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    Directives directives;

    @BeforeEach
    void signIn() {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(url(""), TestAccounts.of(accounts, "office"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Body qingchuanStandingCommittee() {
        return directory.bodies().stream().filter(b -> b.kind() == BodyKind.STANDING_COMMITTEE && b.nameZh().contains("青川"))
                .findFirst().orElseThrow();
    }

    private void setDate(WebElement input, String isoDate) {
        browser.driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input, isoDate);
    }

    private void type(String id, String text) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void aRuleSetIsAddedEditedAndAssignedThroughThePages() {
        var driver = browser.driver;
        driver.get(url("/rules"));
        WebElement party = driver.findElement(By.cssSelector(".rule-set[data-code=party-standing-committee]"));
        assertThat(party.findElement(By.className("rule-sentence")).getText())
                .isEqualTo("须有过半数的成员到会方能举行会议，三分之二以上的成员到会方能决定干部任免事项；赞成票超过应到会成员的半数为通过。");
        assertThat(party.findElement(By.className("rule-bodies")).getText()).contains("中共青川区委员会常务委员会按机构类别默认");
        browser.screenshot("rules-list");

        driver.findElement(By.id("new-rule-set")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules-form")));
        type("code", "qingchuan-two-thirds");
        type("nameZh", "青川区委常委会重大事项议事规则");
        type("nameEn", "Qingchuan major matters");
        driver.findElement(By.cssSelector("input[name=majorityStrict][value=false]")).click();
        type("majorityNum", "2");
        type("majorityDen", "3");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sentence"), "赞成票达到应到会成员的三分之二为通过。"));
        assertThat(driver.findElement(By.id("other-sentence")).getText())
                .endsWith("an item is adopted when the yes votes are at least two thirds of the members who should attend.");
        assertThat(driver.findElement(By.id("example")).getText())
                .isEqualTo("以应到会9人为例：至少5人到会方能开会，至少6人到会方能决定干部任免，无人回避时至少6票赞成方为通过。");
        browser.screenshot("rules-new-preview");

        // a share that is not a share is refused with the field named, and the input is kept
        type("quorumNum", "3");
        driver.findElement(By.id("save-rules")).click();
        WebElement errors = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(errors.getText()).contains("开会人数要求须为成员的一个比例");
        assertThat(driver.findElement(By.id("share-quorum")).getAttribute("class")).contains("invalid");
        assertThat(driver.findElement(By.id("code")).getAttribute("value")).isEqualTo("qingchuan-two-thirds");
        browser.screenshot("rules-new-refused");
        assertThat(ruleSets.all()).noneMatch(r -> r.code().equals("qingchuan-two-thirds"));

        type("quorumNum", "1");
        driver.findElement(By.id("save-rules")).click();
        WebElement added = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".rule-set[data-code=qingchuan-two-thirds]")));
        assertThat(added.findElement(By.className("rule-sentence")).getText())
                .endsWith("赞成票达到应到会成员的三分之二为通过。");
        assertThat(added.findElement(By.className("rule-bodies")).getText()).contains("暂无机构适用");

        // edit it: materials five days ahead
        added.findElement(By.linkText("编辑")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules-form")));
        type("materialsDays", "5");
        driver.findElement(By.id("save-rules")).click();
        added = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rule-set[data-code=qingchuan-two-thirds]")));
        assertThat(added.getText()).contains("议题材料应在会前5天送达成员。");
        assertThat(ruleSets.all().stream().filter(r -> r.code().equals("qingchuan-two-thirds")).findFirst().orElseThrow()
                .materialsDays()).isEqualTo(5);

        // assign it to the 青川 standing committee, then return the committee to the default for its kind
        long body = qingchuanStandingCommittee().id();
        WebElement row = driver.findElement(By.id("body-" + body));
        new Select(row.findElement(By.name("ruleSetId"))).selectByVisibleText("青川区委常委会重大事项议事规则");
        row.findElement(By.tagName("button")).click();
        browser.wait.until(ExpectedConditions.stalenessOf(row)); // the page that answers the form, not the one before
        row = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body-" + body)));
        assertThat(row.findElement(By.className("applies")).getText()).isEqualTo("青川区委常委会重大事项议事规则");
        assertThat(ruleSets.forBody(body).code()).isEqualTo("qingchuan-two-thirds");
        assertThat(driver.findElement(By.cssSelector(".rule-set[data-code=qingchuan-two-thirds] .rule-bodies")).getText())
                .contains("中共青川区委员会常务委员会");
        browser.screenshot("rules-assigned");

        new Select(row.findElement(By.name("ruleSetId"))).selectByValue("");
        row.findElement(By.tagName("button")).click();
        browser.wait.until(ExpectedConditions.stalenessOf(row)); // the page that answers the form, not the one before
        row = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body-" + body)));
        assertThat(row.findElement(By.className("applies")).getText()).isEqualTo("党委常委会议事规则 按机构类别默认");
        assertThat(ruleSets.assigned(body)).isFalse();

        // the same page in English
        driver.findElement(By.id("lang-switch")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Rules of procedure"));
        assertThat(driver.findElement(By.cssSelector(".rule-set[data-code=qingchuan-two-thirds] .rule-sentence")).getText())
                .isEqualTo("A meeting needs more than half of the members present, and at least two thirds to decide "
                        + "appointments; an item is adopted when the yes votes are at least two thirds of the members who should attend.");
        assertThat(driver.findElement(By.id("body-" + body)).findElement(By.className("applies")).getText())
                .isEqualTo("Party standing committee Default for its kind");
        browser.screenshot("rules-list-en");
    }

    @Test
    void aDirectiveIsRecordedAndAMeetingsFirstItemStudiesIt() {
        var driver = browser.driver;
        Body body = qingchuanStandingCommittee();
        int queued = directives.of(body.id()).size(); // the demo data queues one directive already
        driver.get(url("/directives?bodyId=" + body.id()));
        type("titleZh", "习近平总书记在中央政治局第十三次集体学习时的重要讲话");
        setDate(driver.findElement(By.id("issuedOn")), "2024-04-25");
        setDate(driver.findElement(By.id("receivedOn")), "2024-04-20");
        driver.findElement(By.id("save-directive")).click();
        WebElement errors = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(errors.getText()).contains("收到日期不能早于发布日期。");
        assertThat(directives.of(body.id())).hasSize(queued);

        setDate(driver.findElement(By.id("receivedOn")), "2024-04-28");
        type("source", "市委办公室");
        driver.findElement(By.id("save-directive")).click();
        // the page that answers the form lists the new directive; the demo's older one is pending too, below it
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("directives"),
                "习近平总书记在中央政治局第十三次集体学习时的重要讲话"));
        WebElement newest = driver.findElement(By.cssSelector("#directives tr.pending"));
        assertThat(newest.getText()).contains("习近平总书记在中央政治局第十三次集体学习时的重要讲话", "来源：市委办公室 · 收到：2024-04-28",
                "2024-04-25", "下次会议第一议题");
        browser.screenshot("directives-queue");
        Directive recorded = directives.of(body.id()).getFirst();

        // a meeting planned without the directive: its editor offers the directive for the first item
        Meeting m = plan(body);
        driver.get(url("/meetings/" + m.id()));
        WebElement warnings = driver.findElement(By.id("warnings"));
        assertThat(warnings.getText()).contains("第一议题应传达学习尚未传达的最新上级精神：“习近平总书记在中央政治局第十三次集体学习时的重要讲话”（2024-04-25发布）。")
                .contains("第2项议题的材料尚未送达成员；应在会前3天（2024-05-07前）送达。");
        assertThat(driver.findElement(By.id("meeting-state")).getText()).isEqualTo("草稿");

        driver.findElement(By.id("edit-meeting")).click();
        List<WebElement> rows = browser.wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#items > .row-item"));
            return found.size() == 2 ? found : null;
        });
        // the first item's "more" part is open, since its materials date is set; the second's is closed
        assertThat(rows.get(0).findElement(By.cssSelector("details.item-more")).getAttribute("open")).isNotNull();
        assertThat(rows.get(1).findElement(By.cssSelector("details.item-more")).getAttribute("open")).isNull();
        new Select(rows.get(0).findElement(By.name("items[0].directiveId"))).selectByValue(String.valueOf(recorded.id()));
        assertThat(new Select(rows.get(0).findElement(By.name("items[0].directiveId"))).getFirstSelectedOption().getText())
                .isEqualTo("〔待传达〕习近平总书记在中央政治局第十三次集体学习时的重要讲话（2024-04-25）");
        setDate(rows.get(0).findElement(By.name("items[0].materialsReceivedOn")), "2024-05-06");
        rows.get(1).findElement(By.cssSelector("details.item-more summary")).click();
        rows.get(1).findElement(By.name("items[1].collectiveDecision")).click();
        setDate(rows.get(1).findElement(By.name("items[1].materialsReceivedOn")), "2024-05-08");
        rows.get(1).findElement(By.name("items[1].adHoc")).click();
        browser.screenshot("meeting-editor-more");
        driver.findElement(By.id("save-meeting")).click();

        warnings = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("warnings")));
        assertThat(warnings.findElements(By.tagName("li"))).extracting(WebElement::getText)
                .containsExactly("第2项议题为临时动议，尚未记录主持人同意。");
        browser.screenshot("meeting-warnings");
        Meeting saved = meetings.meeting(m.id());
        assertThat(saved.items().get(0)).extracting(AgendaItem::directiveId, AgendaItem::materialsReceivedOn,
                AgendaItem::collectiveDecision, AgendaItem::adHoc).containsExactly(recorded.id(), LocalDate.of(2024, 5, 6), false, false);
        assertThat(saved.items().get(1)).extracting(AgendaItem::directiveId, AgendaItem::materialsReceivedOn,
                AgendaItem::collectiveDecision, AgendaItem::adHoc, AgendaItem::adHocConsent)
                .containsExactly(null, LocalDate.of(2024, 5, 8), true, true, false);

        // the editor shows what was saved, with the "more" part open where it holds something
        driver.findElement(By.id("edit-meeting")).click();
        WebElement second = browser.wait.until(d -> d.findElements(By.cssSelector("#items > .row-item")).size() == 2
                ? d.findElements(By.cssSelector("#items > .row-item")).get(1) : null);
        assertThat(second.findElement(By.cssSelector("details.item-more")).getAttribute("open")).isNotNull();
        assertThat(second.findElement(By.name("items[1].collectiveDecision")).isSelected()).isTrue();
        assertThat(second.findElement(By.name("items[1].adHoc")).isSelected()).isTrue();
        assertThat(second.findElement(By.name("items[1].adHocConsent")).isSelected()).isFalse();
        assertThat(second.findElement(By.name("items[1].materialsReceivedOn")).getAttribute("value")).isEqualTo("2024-05-08");
    }

    private Meeting plan(Body body) {
        LocalDate date = LocalDate.of(2024, 5, 10);
        List<Long> members = List.copyOf(directory.membersOn(body.id(), date));
        Long presiding = members.getFirst();
        return meetings.plan(new MeetingDraft(body.id(), date, TimeOfDay.MORNING, "区委第一会议室", MeetingKind.REGULAR,
                presiding, null, true, members, List.of(), List.of(), List.of(), null, null, List.of(
                        new ItemDraft(null, ItemKind.CONVEY_STUDY, "传达学习习近平总书记重要讲话精神", null, true,
                                Visibility.PUBLIC, null, null, false, false, false, LocalDate.of(2024, 5, 6), null),
                        new ItemDraft(null, ItemKind.DELIBERATE, "研究区重大项目投资计划", null, true, Visibility.PUBLIC,
                                null, null)), null));
    }
}
