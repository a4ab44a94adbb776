package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.yishi.directory.Directory;

/**
 * Runs a meeting of the fictional 青川区 standing committee (9 members) on the meeting-in-session page in headless
 * Chromium, as office staff do: notice, check-in, a refused opening below the quorum, opening, a recusal, a named
 * vote, a secret ballot, a deferral, an ad-hoc item, conclusions, closing. {@link PlannedMeeting#plan} and
 * {@link #runToClose} are meant to be reused by tests that carry the meeting on to its minutes.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class MeetingRoomBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    /** Each meeting on its own day, so that tests of this class never share one. */
    private static final AtomicInteger DAYS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    Meetings meetings;

    @Autowired
    Directory directory;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void signIn() {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(url(""), TestAccounts.of(accounts, "office"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    // ------------------------------------------------------------------------------------------- the meeting

    private PlannedMeeting plan() {
        return PlannedMeeting.plan(meetings, directory, LocalDate.of(2025, 3, 3).plusDays(7L * DAYS.getAndIncrement()));
    }

    // ------------------------------------------------------------------------------------------- the flow

    @Test
    void aMeetingIsRunFromItsNoticeToItsIssuedMinutes() {
        PlannedMeeting p = plan();
        runToClose(p);

        Meeting closed = meetings.meeting(p.meetingId());
        assertThat(closed.state()).isEqualTo(MeetingState.CLOSED);
        assertThat(closed.present()).hasSize(7);
        assertThat(closed.onLeave()).extracting(Leave::reason).containsExactly("赴省委党校学习");

        // the minutes: drafted by the office, checked by the office head, signed off by the presiding person, issued
        var driver = browser.driver;
        driver.findElement(By.id("to-minutes")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("minutes-state")));
        submit("draft-minutes");
        assertThat(text("minutes-state")).contains("草稿");
        assertThat(text("document")).contains("现将会议议定事项纪要如下").contains("会议决定，该事项暂缓审议。");
        browser.signOut();
        browser.signIn(url(""), MinutesStory.officeHead(accounts));
        driver.get(url("/meetings/" + p.meetingId() + "/minutes"));
        submit("check-minutes");
        assertThat(text("minutes-state")).contains("已核稿");
        browser.signOut();
        browser.signIn(url(""), TestAccounts.member(accounts, p.lin()));
        driver.get(url("/meetings/" + p.meetingId() + "/minutes"));
        submit("sign-minutes");
        assertThat(text("minutes-state")).contains("已签发");
        browser.signOut();
        browser.signIn(url(""), TestAccounts.of(accounts, "office"));
        driver.get(url("/meetings/" + p.meetingId() + "/minutes"));
        submit("issue-minutes");
        assertThat(text("minutes-state")).contains("已印发");
        browser.screenshot("room-15-minutes-issued");

        // back in the room the meeting shows its minutes issued, and is archived
        driver.get(url("/meetings/" + p.meetingId() + "/run"));
        assertThat(currentStep()).isEqualTo("纪要已印发");
        act(() -> {
            driver.findElement(By.id("next-action")).click();
            browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        });
        assertThat(currentStep()).isEqualTo("已归档");
        assertThat(meetings.meeting(p.meetingId()).state()).isEqualTo(MeetingState.ARCHIVED);
        browser.screenshot("room-16-archived");
    }

    /** Clicks a button whose form answers with a new page, and waits for it. */
    private void submit(String id) {
        WebElement button = browser.driver.findElement(By.id(id));
        button.click();
        browser.wait.until(ExpectedConditions.stalenessOf(button));
    }

    /**
     * Runs the planned meeting in the browser from the meeting page to its close, checking what the office sees at
     * every step. Leaves the browser on the run page of the closed meeting.
     */
    void runToClose(PlannedMeeting p) {
        var driver = browser.driver;
        driver.get(url("/meetings/" + p.meetingId()));
        driver.findElement(By.id("run-meeting")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("room")));
        assertThat(currentStep()).isEqualTo("草稿");
        assertThat(text("next-action")).isEqualTo("发出通知");
        assertThat(text("room-warnings")).contains("第3项议题的材料于" + p.date().minusDays(1) + "送达，距开会1天；应在会前3天送达。");
        assertThat(text("roll")).contains("会议通知发出后办理签到");
        browser.screenshot("room-1-draft");

        // the notice fixes the number
        act(() -> driver.findElement(By.id("next-action")).click());
        Meeting notified = meetings.meeting(p.meetingId());
        assertThat(text("room-notice")).isEqualTo("会议通知已发出，本次会议为本届第" + notified.sequence() + "次会议。");
        assertThat(text("room-heading")).isEqualTo("八届区委常委会第" + notified.sequence() + "次会议");
        assertThat(currentStep()).isEqualTo("已通知");
        assertThat(text("next-action")).isEqualTo("宣布开会");

        // the roll in protocol order, the presiding secretary first and marked
        List<String> roll = driver.findElements(By.cssSelector("#roll tr[data-person] .name")).stream().map(WebElement::getText).toList();
        assertThat(roll).containsExactly("林海峰", "陈志远", "刘晓岚", "赵立新", "孙明哲", "周文静", "黄振宇", "吴国栋", "郑雅琴");
        assertThat(row(p.lin()).getText()).contains("主持").contains("区委书记");
        assertThat(quorum()).isEqualTo("9/1/5 未达到法定人数");

        checkIn(p.chen());
        checkIn(p.liu());
        assertThat(quorum()).isEqualTo("9/3/5 未达到法定人数");
        browser.screenshot("room-2-checking-in");

        // below the quorum the meeting is not opened, and the numbers say why
        act(() -> driver.findElement(By.id("next-action")).click());
        assertThat(text("room-errors")).contains("不能宣布开会：应到会9人，实到3人，须有5人到会。");
        assertThat(currentStep()).isEqualTo("已通知");
        browser.screenshot("room-3-open-refused");

        // a leave needs its reason
        act(() -> {
            row(p.huang()).findElement(By.cssSelector("details.leave summary")).click();
            row(p.huang()).findElement(By.cssSelector(".leave-form button")).click();
        });
        assertThat(text("room-errors")).contains("请填写请假事由。");
        // the small form stays open for the reason
        act(() -> {
            row(p.huang()).findElement(By.cssSelector(".leave-form input[name=reason]")).sendKeys("赴省委党校学习");
            browser.screenshot("room-4-leave");
            row(p.huang()).findElement(By.cssSelector(".leave-form button")).click();
        });
        assertThat(row(p.huang()).getText()).contains("请假").contains("赴省委党校学习");
        act(() -> row(p.zheng()).findElement(By.cssSelector("button[value=ABSENT]")).click());
        assertThat(row(p.zheng()).getAttribute("data-status")).isEqualTo("ABSENT");

        checkIn(p.zhao());
        assertThat(quorum()).isEqualTo("9/4/5 未达到法定人数");
        checkIn(p.sun());
        assertThat(quorum()).isEqualTo("9/5/5 已达到法定人数");
        assertThat(text("quorum-text")).isEqualTo("应到会9人，实到5人，达到所需的5人，可以举行会议。");
        assertThat(text("personnel-quorum")).contains("不足决定干部任免所需的6人");
        checkIn(p.zhou());
        checkIn(p.wu());
        assertThat(quorum()).isEqualTo("9/7/5 已达到法定人数");
        assertThat(text("personnel-quorum")).contains("应到会9人，实到7人，达到决定干部任免所需的6人。");
        assertThat(text("roll-counts")).isEqualTo("出席7 · 请假1 · 未到1");
        browser.screenshot("room-5-quorum-met");

        // with the quorum met, opening asks first, with the numbers
        act(() -> {
            driver.findElement(By.id("next-action")).click();
            var alert = browser.wait.until(ExpectedConditions.alertIsPresent());
            assertThat(alert.getText()).startsWith("应到会9人，实到7人，请假1人。");
            alert.accept();
        });
        assertThat(text("room-notice")).isEqualTo("已宣布开会。");
        assertThat(currentStep()).isEqualTo("进行中");
        assertThat(text("next-action")).isEqualTo("宣布散会");

        // item 1: the study, adopted by consensus; what was said, and a written opinion that does not count
        selectItem(p.study());
        assertThat(text("item-title")).isEqualTo("传达学习习近平总书记近期重要讲话精神");
        assertThat(driver.findElements(By.id("must-vote"))).isEmpty();
        opinion(p.chen(), false, "完全赞同，建议结合青川实际制定具体措施。");
        opinion(p.huang(), true, "同意。");
        assertThat(text("opinions")).contains("陈志远").contains("完全赞同").contains("黄振宇").contains("书面意见，不计票");
        conclusions("会议强调，要把学习贯彻习近平总书记重要讲话精神作为首要政治任务。",
                "The meeting stressed that studying and implementing the speeches is the first political task.");
        act(() -> driver.findElement(By.cssSelector("#decide-form button.decide-adopt")).click());
        assertThat(text("outcome-label")).isEqualTo("通过");
        assertThat(text("outcome-explanation")).isEqualTo("未经表决，决定：通过。");
        browser.screenshot("room-6-item1-adopted");

        // item 2: a major matter, decided by a named vote; one member recused
        selectItem(p.investment());
        assertThat(text("must-vote")).isEqualTo("须表决");
        assertThat(driver.findElements(By.cssSelector("#decide-form button.decide-adopt"))).isEmpty();
        act(() -> {
            new Select(driver.findElement(By.cssSelector("#recusal-form select"))).selectByVisibleText("赵立新");
            driver.findElement(By.cssSelector("#recusal-form input[name=reason]")).sendKeys("其亲属在项目合作单位任职");
            driver.findElement(By.cssSelector("#recusal-form button")).click();
        });
        assertThat(text("recusals")).contains("赵立新").contains("其亲属在项目合作单位任职");
        act(() -> {
            new Select(driver.findElement(By.id("vote-method"))).selectByValue("NAMED");
            driver.findElement(By.id("open-vote")).click();
        });
        assertThat(text("vote-method-label")).isEqualTo("记名投票");
        assertThat(text("entitled")).isEqualTo("有表决权6人（到会成员7人，回避1人）");
        assertThat(driver.findElements(By.cssSelector("#voters tr[data-person]")).stream()
                .map(r -> r.findElement(By.className("name")).getText()).toList())
                .containsExactly("林海峰", "陈志远", "刘晓岚", "孙明哲", "周文静", "吴国栋");
        for (long member : List.of(p.chen(), p.liu(), p.sun(), p.zhou(), p.lin())) {
            vote(member, "YES");
        }
        vote(p.wu(), "ABSTAIN");
        assertThat(text("tally")).isEqualTo("同意5 · 不同意0 · 弃权1 · 未表决0");
        assertThat(voter(p.wu()).getText()).contains("弃权");
        browser.screenshot("room-7-named-vote");
        act(() -> driver.findElement(By.id("count-vote")).click());
        assertThat(text("outcome-label")).isEqualTo("通过");
        assertThat(text("outcome-explanation")).isEqualTo("应到会9人，回避1人，以8人计；赞成5票，超过4：通过。");
        assertThat(text("outcome-counts")).isEqualTo("同意5票，不同意0票，弃权1票");
        assertThat(text("outcome-facts")).isEqualTo("应到会9人，实到7人，回避1人");
        conclusions("会议原则同意该项目投资方案，要求严格履行国有资产投资决策程序。", null);
        browser.screenshot("room-8-item2-adopted");

        // item 3: appointments by secret ballot; the counts must add up to the ballots cast
        selectItem(p.appointments());
        act(() -> {
            new Select(driver.findElement(By.id("vote-method"))).selectByValue("SECRET");
            driver.findElement(By.id("open-vote")).click();
        });
        assertThat(text("entitled")).isEqualTo("有表决权7人（到会成员7人，回避0人）");
        for (long member : List.of(p.lin(), p.chen(), p.liu(), p.zhao(), p.sun(), p.zhou(), p.wu())) {
            act(() -> voter(member).findElement(By.cssSelector("button.mark-cast")).click());
        }
        assertThat(text("ballots-cast")).isEqualTo("已投票7人，未投票0人");
        assertThat(text("voters")).doesNotContain("同意").doesNotContain("弃权");
        counts("6", "0", "0");
        assertThat(text("room-errors")).contains("票数合计6张，但投票人数为7人。");
        // shown over the item, with the counts as the tellers entered them
        assertThat(driver.findElements(By.cssSelector("#item-panel #room-errors"))).hasSize(1);
        assertThat(driver.findElement(By.id("count-yes")).getAttribute("value")).isEqualTo("6");
        browser.screenshot("room-9-secret-mismatch");
        counts("6", "1", "0");
        assertThat(text("outcome-explanation")).isEqualTo("应到会9人；赞成6票，超过4.5：通过。");
        assertThat(text("outcome-counts")).isEqualTo("同意6票，不同意1票，弃权0票");
        browser.screenshot("room-10-secret-adopted");

        // item 4: deferred without a vote
        selectItem(p.renovation());
        act(() -> driver.findElement(By.cssSelector("#decide-form button.decide-defer")).click());
        assertThat(text("outcome-label")).isEqualTo("缓议");
        assertThat(text("outcome-explanation")).isEqualTo("未经表决，决定：缓议。");

        // an ad-hoc item, raised without the presiding person's consent: warned of, and not decided until consent
        act(() -> {
            driver.findElement(By.cssSelector("#ad-hoc summary")).click();
            driver.findElement(By.id("ad-hoc-title-zh")).sendKeys("研究防汛应急物资储备事项");
            driver.findElement(By.id("ad-hoc-submit")).click();
        });
        assertThat(text("room-notice")).isEqualTo("已添加第5项议题（临时动议），尚待记录主持人同意。");
        assertThat(text("room-warnings")).contains("第5项议题为临时动议，尚未记录主持人同意。");
        assertThat(text("item-title")).isEqualTo("研究防汛应急物资储备事项");
        assertThat(driver.findElements(By.id("decide-form"))).isEmpty();
        act(() -> driver.findElement(By.id("record-consent")).click());
        assertThat(text("room-notice")).isEqualTo("已记录主持人同意。");
        act(() -> driver.findElement(By.cssSelector("#decide-form button.decide-study")).click());
        assertThat(text("outcome-label")).isEqualTo("再研究");
        assertThat(driver.findElements(By.id("room-warnings")).stream().map(WebElement::getText).findFirst().orElse(""))
                .doesNotContain("临时动议");
        assertThat(driver.findElements(By.cssSelector("#room-items .badge.st")).stream().map(WebElement::getText).toList())
                .containsExactly("通过", "通过", "通过", "缓议", "再研究");
        browser.screenshot("room-11-all-decided");

        // closing
        act(() -> {
            driver.findElement(By.id("next-action")).click();
            browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        });
        assertThat(text("room-notice")).isEqualTo("已宣布散会。");
        assertThat(currentStep()).isEqualTo("已结束");
        assertThat(driver.findElements(By.id("next-action"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#roll button"))).isEmpty();
        assertThat(text("next-hint")).isEqualTo("会议已结束。下一步：起草、核稿、签发并印发会议纪要。");
        assertThat(driver.findElement(By.id("to-minutes")).getAttribute("href")).endsWith("/meetings/" + p.meetingId() + "/minutes");
        browser.screenshot("room-12-closed");
    }

    @Test
    void theRoomSpeaksEnglishToo() {
        PlannedMeeting p = plan();
        var driver = browser.driver;
        driver.get(url("/meetings/" + p.meetingId() + "/run?language=en"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("room")));
        act(() -> driver.findElement(By.id("next-action")).click());
        assertThat(text("next-action")).isEqualTo("Open the meeting");
        act(() -> driver.findElement(By.id("next-action")).click());
        assertThat(text("room-errors")).contains("The meeting cannot be opened: 9 members should attend, 1 are present and 5 are needed.");
        browser.screenshot("room-13-english-refused");
        for (long member : List.of(p.chen(), p.liu(), p.zhao(), p.sun())) {
            checkIn(member);
        }
        assertThat(text("quorum-verdict")).isEqualTo("Quorum met");
        assertThat(row(p.lin()).getText()).contains("Lin Haifeng").contains("Presides");
        act(() -> {
            driver.findElement(By.id("next-action")).click();
            browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        });
        assertThat(text("room-notice")).isEqualTo("The meeting is open.");
        selectItem(p.investment());
        act(() -> {
            new Select(driver.findElement(By.id("vote-method"))).selectByValue("SHOW_OF_HANDS");
            driver.findElement(By.id("open-vote")).click();
        });
        for (long member : List.of(p.lin(), p.chen(), p.liu())) {
            vote(member, "YES");
        }
        vote(p.zhao(), "NO");
        vote(p.sun(), "NO");
        act(() -> driver.findElement(By.id("count-vote")).click());
        assertThat(text("outcome-label")).isEqualTo("Rejected");
        assertThat(text("outcome-explanation")).startsWith("9 members should attend; 3 yes");
        assertThat(text("outcome-explanation")).contains("rejected");
        browser.screenshot("room-14-english-rejected");
        driver.get(url("/meetings/" + p.meetingId() + "/run?language=zh-CN"));
    }

    @Test
    void mistakesAreCorrectedWithAReason() {
        PlannedMeeting p = plan();
        var driver = browser.driver;
        procedure.notify(p.meetingId());
        for (long member : List.of(p.chen(), p.liu(), p.zhao(), p.sun(), p.zhou(), p.wu())) {
            procedure.checkIn(p.meetingId(), member, Procedure.Attendance.PRESENT, null);
        }
        procedure.open(p.meetingId());
        driver.get(url("/meetings/" + p.meetingId() + "/run?item=" + p.investment()));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("room")));
        act(() -> {
            new Select(driver.findElement(By.id("vote-method"))).selectByValue("SHOW_OF_HANDS");
            driver.findElement(By.id("open-vote")).click();
        });
        vote(p.lin(), "NO");
        // the clerk clicked the wrong button: corrected before the count, with the reason
        act(() -> {
            voter(p.lin()).findElement(By.cssSelector("details.correct summary")).click();
            new Select(voter(p.lin()).findElement(By.cssSelector(".correct-form select"))).selectByValue("YES");
            voter(p.lin()).findElement(By.cssSelector(".correct-form button")).click();
        });
        assertThat(text("room-errors")).contains("请填写更正理由。");
        act(() -> {
            voter(p.lin()).findElement(By.cssSelector(".correct-form input[name=reason]")).sendKeys("误点了不同意");
            new Select(voter(p.lin()).findElement(By.cssSelector(".correct-form select"))).selectByValue("YES");
            voter(p.lin()).findElement(By.cssSelector(".correct-form button")).click();
        });
        assertThat(text("room-notice")).isEqualTo("已更正林海峰的表决：同意。");
        assertThat(voter(p.lin()).getText()).contains("同意");
        // the rest of the show of hands in one step: all in favour, except one abstaining
        act(() -> {
            driver.findElement(By.cssSelector("#all-except summary")).click();
            new Select(driver.findElement(By.cssSelector("#all-except-form select[name='except-" + p.wu() + "']")))
                    .selectByValue("ABSTAIN");
            browser.screenshot("room-17-all-except");
            driver.findElement(By.id("all-except-submit")).click();
        });
        assertThat(text("room-notice")).isEqualTo("已记录6人的表决（其中1人不同意或弃权，其余同意）。");
        assertThat(text("tally")).isEqualTo("同意6 · 不同意0 · 弃权1 · 未表决0");
        assertThat(driver.findElements(By.id("all-except"))).as("nobody is left to vote").isEmpty();
        act(() -> driver.findElement(By.id("count-vote")).click());
        assertThat(text("outcome-label")).isEqualTo("通过");
        assertThat(driver.findElements(By.id("reopen-item"))).as("a vote's outcome is not taken back").isEmpty();

        // a deferral is taken back while the meeting sits
        selectItem(p.renovation());
        act(() -> driver.findElement(By.cssSelector("#decide-form button.decide-defer")).click());
        act(() -> {
            driver.findElement(By.cssSelector("#reopen-item summary")).click();
            driver.findElement(By.id("reopen-item-reason")).sendKeys("材料已补齐，继续审议");
            driver.findElement(By.id("reopen-item-submit")).click();
        });
        assertThat(text("room-notice")).isEqualTo("决定已撤回，本项议题重新待议。");
        assertThat(driver.findElements(By.id("outcome"))).isEmpty();
        assertThat(driver.findElement(By.id("decide-form")).isDisplayed()).isTrue();
        browser.screenshot("room-18-deferral-reopened");

        // closed by mistake: back in session with a reason, until the minutes are begun
        procedure.close(p.meetingId());
        driver.get(url("/meetings/" + p.meetingId() + "/run"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("room")));
        assertThat(currentStep()).isEqualTo("已结束");
        assertThat(driver.findElements(By.id("opinion-form"))).as("opinions no longer change once closed").isEmpty();
        act(() -> {
            driver.findElement(By.cssSelector("#reopen summary")).click();
            driver.findElement(By.id("reopen-reason")).sendKeys("尚有议题未议，误宣布散会");
            driver.findElement(By.id("reopen-submit")).click();
        });
        assertThat(text("room-notice")).isEqualTo("已重新开会。");
        assertThat(currentStep()).isEqualTo("进行中");
        browser.screenshot("room-19-reopened");
    }

    @Test
    void anotherViewerSeesTheChangesWithoutReloading() {
        PlannedMeeting p = plan();
        var driver = browser.driver;
        driver.get(url("/meetings/" + p.meetingId() + "/run"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("room")));
        assertThat(currentStep()).isEqualTo("草稿");
        // the room does not poll: the server pushes that the meeting changed (MeetingRoomEvents)
        assertThat(driver.findElement(By.id("room")).getAttribute("hx-trigger")).isEqualTo("yishi:changed");
        // someone else, on another node perhaps, sends the notice and checks a member in
        procedure.notify(p.meetingId());
        procedure.checkIn(p.meetingId(), p.chen(), Procedure.Attendance.PRESENT, null);
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("#stepper li.current"), "已通知"));
        browser.wait.until(ExpectedConditions.textToBe(By.id("q-present"), "2"));
        assertThat(row(p.chen()).getAttribute("data-status")).isEqualTo("PRESENT");
    }

    @Autowired
    Procedure procedure;

    // ------------------------------------------------------------------------------------------- helpers

    /** Does something in the room and waits until the room has been redrawn with the answer. */
    private void act(Runnable action) {
        WebElement room = browser.driver.findElement(By.id("room"));
        action.run();
        browser.wait.until(ExpectedConditions.stalenessOf(room));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("room")));
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private String currentStep() {
        return browser.driver.findElement(By.cssSelector("#stepper li.current")).getText();
    }

    /** due/present/needed and the verdict, as the quorum indicator shows them. */
    private String quorum() {
        return text("q-due") + "/" + text("q-present") + "/" + text("q-needed") + " " + text("quorum-verdict");
    }

    private WebElement row(long personId) {
        return browser.driver.findElement(By.cssSelector("#roll tr[data-person='" + personId + "']"));
    }

    private WebElement voter(long personId) {
        return browser.driver.findElement(By.cssSelector("#voters tr[data-person='" + personId + "']"));
    }

    private void checkIn(long personId) {
        act(() -> row(personId).findElement(By.cssSelector("button[value=PRESENT]")).click());
        assertThat(row(personId).getAttribute("data-status")).isEqualTo("PRESENT");
    }

    private void selectItem(long itemId) {
        act(() -> browser.driver.findElement(By.cssSelector("#room-items li[data-item='" + itemId + "'] a")).click());
        assertThat(browser.driver.findElement(By.id("item-panel")).getAttribute("data-item")).isEqualTo(String.valueOf(itemId));
        assertThat(browser.driver.getCurrentUrl()).endsWith("item=" + itemId);
    }

    private void vote(long personId, String choice) {
        act(() -> voter(personId).findElement(By.cssSelector("button[value=" + choice + "]")).click());
    }

    private void opinion(long personId, boolean written, String said) {
        var driver = browser.driver;
        act(() -> {
            new Select(driver.findElement(By.cssSelector("#opinion-form select"))).selectByValue(String.valueOf(personId));
            if (written) {
                driver.findElement(By.cssSelector("#opinion-form input[name=written]")).click();
            }
            driver.findElement(By.cssSelector("#opinion-form textarea")).sendKeys(said);
            driver.findElement(By.cssSelector("#opinion-form button")).click();
        });
    }

    private void conclusions(String zh, String en) {
        var driver = browser.driver;
        act(() -> {
            driver.findElement(By.id("conclusions-zh")).sendKeys(zh);
            if (en != null) {
                driver.findElement(By.id("conclusions-en")).sendKeys(en);
            }
            driver.findElement(By.id("save-conclusions")).click();
        });
        assertThat(text("room-notice")).isEqualTo("结论已保存。");
        assertThat(browser.driver.findElement(By.id("conclusions-zh")).getAttribute("value")).isEqualTo(zh);
    }

    private void counts(String yes, String no, String abstain) {
        var driver = browser.driver;
        act(() -> {
            for (String[] field : new String[][] {{"count-yes", yes}, {"count-no", no}, {"count-abstain", abstain}}) {
                WebElement input = driver.findElement(By.id(field[0]));
                input.clear();
                input.sendKeys(field[1]);
            }
            driver.findElement(By.id("count-vote")).click();
        });
    }
}
