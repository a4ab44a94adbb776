package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;

/**
 * The meeting calendar: a month in whole weeks from Monday and a week, each meeting on its day, filtered by body,
 * and only the meetings the viewer may see (a member those of their own bodies).
 */
@YishiIntegrationTest({"yishi.demo-data=on", "yishi.supervision.sweep-cron=-"})
@AutoConfigureMockMvc
class MeetingCalendarIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Meetings meetings;

    @Autowired
    Directory directory;

    @Autowired
    Accounts accounts;

    private String page(TestAccounts.Login login, String path) throws Exception {
        Cookie session = mvc.perform(formLogin("/login").user(login.username()).password(login.password())).andReturn()
                .getResponse().getCookie("SESSION");
        return mvc.perform(get(path).cookie(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aMonthAndAWeekShowEachMeetingOnItsDayForThoseWhoMaySeeIt() throws Exception {
        // a Wednesday in a month beginning on a Saturday: the grid starts on the Monday before
        LocalDate day = LocalDate.of(2027, 5, 12);
        PlannedMeeting p = PlannedMeeting.plan(meetings, directory, day);
        long qingchuan = meetings.meeting(p.meetingId()).bodyId();
        long heshan = directory.bodies().stream().filter(b -> b.nameZh().contains("鹤山")
                        && b.kind() == org.yishi.directory.BodyKind.STANDING_COMMITTEE)
                .map(Body::id).findFirst().orElseThrow();
        TestAccounts.Login office = TestAccounts.of(accounts, "office");

        String month = page(office, "/meetings/calendar?date=2027-05-20");
        assertThat(month).contains("2027年5月").contains("id=\"day-2027-04-26\"").contains("id=\"day-2027-06-06\"")
                .doesNotContain("id=\"day-2027-04-25\"").doesNotContain("id=\"day-2027-06-07\"");
        String cell = month.substring(month.indexOf("id=\"day-2027-05-12\""), month.indexOf("id=\"day-2027-05-13\""));
        assertThat(cell).contains("data-meeting=\"" + p.meetingId() + "\"").contains("上午").contains("草稿");

        String week = page(office, "/meetings/calendar?view=week&date=2027-05-12&bodyId=" + qingchuan);
        assertThat(week).contains("id=\"day-2027-05-10\"").contains("id=\"day-2027-05-16\"")
                .doesNotContain("id=\"day-2027-05-17\"").contains("data-meeting=\"" + p.meetingId() + "\"");
        assertThat(page(office, "/meetings/calendar?view=week&date=2027-05-12&bodyId=" + heshan))
                .as("another body's calendar").doesNotContain("data-meeting=\"" + p.meetingId() + "\"")
                .contains("这段时间没有会议。");

        // a member of the body sees it; a member of another body only does not
        assertThat(page(TestAccounts.member(accounts, p.chen()), "/meetings/calendar?date=2027-05-01"))
                .contains("data-meeting=\"" + p.meetingId() + "\"");
        long heshanMember = directory.membersOn(heshan, LocalDate.of(2023, 2, 27)).stream()
                .filter(id -> !directory.membersOn(qingchuan, day).contains(id)).findFirst().orElseThrow();
        assertThat(page(TestAccounts.member(accounts, heshanMember), "/meetings/calendar?date=2027-05-01"))
                .doesNotContain("data-meeting=\"" + p.meetingId() + "\"");
    }
}
