package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;

/**
 * The meeting-in-session page over HTTP: what office staff see, refusals with their reasons (409, in the redrawn
 * room for htmx and in the whole page otherwise), bad input (400), who may use the page at all, and the poll that
 * redraws the room only when something changed.
 */
@YishiIntegrationTest("yishi.demo-data=on")
@AutoConfigureMockMvc
class MeetingRoomPagesIntegrationTests {

    private static final AtomicInteger WEEKS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    @Autowired
    Directory directory;

    @Autowired
    Procedure procedure;

    private PlannedMeeting p;
    private RequestPostProcessor office;
    private RequestPostProcessor member;
    private RequestPostProcessor supervision;

    @BeforeEach
    void planAMeeting() throws Exception {
        p = PlannedMeeting.plan(meetings, directory, LocalDate.of(2025, 10, 6).plusDays(7L * WEEKS.getAndIncrement()));
        office = as(TestAccounts.of(accounts, "office"));
        member = as(TestAccounts.member(accounts, p.chen()));
        supervision = as(TestAccounts.of(accounts, "supervision"));
    }

    /** Signs in through the login form, as a browser does, and sends the session cookie with each request. */
    private RequestPostProcessor as(TestAccounts.Login login) throws Exception {
        MockHttpServletResponse signedIn = mvc.perform(formLogin("/login").user(login.username()).password(login.password()))
                .andReturn().getResponse();
        assertThat(signedIn.getRedirectedUrl()).as("signed in as %s", login.username()).doesNotContain("error");
        Cookie session = signedIn.getCookie("SESSION");
        assertThat(session).as("the session cookie").isNotNull();
        return request -> {
            request.setCookies(session);
            return request;
        };
    }

    private String run(String path) {
        return "/meetings/" + p.meetingId() + "/run" + path;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who).with(csrf())).andReturn().getResponse();
    }

    private MockHttpServletResponse htmx(MockHttpServletRequestBuilder request) throws Exception {
        return send(request.header("HX-Request", "true"), office);
    }

    private static String version(String html) {
        Matcher m = Pattern.compile("data-version=\"([0-9a-f]+)\"").matcher(html);
        assertThat(m.find()).as("the room carries its version").isTrue();
        return m.group(1);
    }

    @Test
    void officeStaffSeeTheRoomOfADraftMeeting() throws Exception {
        MockHttpServletResponse page = send(get(run("")), office);
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString();
        assertThat(html).contains("八届区委常委会会议（未编号）").contains(">发出通知</button>")
                .contains("应到会9人，实到1人，不足所需的5人，不能举行会议。")
                .contains("第3项议题的材料于" + p.date().minusDays(1) + "送达，距开会1天；应在会前3天送达。")
                .contains("会议通知发出后办理签到。")
                // the next step only: no check-in and no vote before the notice and the opening
                .doesNotContain("name=\"status\" value=\"PRESENT\"").doesNotContain(">开始表决</button>");
        assertThat(send(get("/meetings/" + p.meetingId()), office).getContentAsString())
                .contains("href=\"/meetings/" + p.meetingId() + "/run\"");
    }

    @Test
    void onlyThoseWhoRunMeetingsMayUseTheRoom() throws Exception {
        for (RequestPostProcessor who : new RequestPostProcessor[] {member, supervision}) {
            assertThat(send(get(run("")), who).getStatus()).isEqualTo(403);
            assertThat(send(get(run("/live")), who).getStatus()).isEqualTo(403);
            assertThat(send(post(run("/notify")), who).getStatus()).isEqualTo(403);
            assertThat(send(post(run("/attendance")).param("personId", String.valueOf(p.chen())).param("status", "PRESENT"), who)
                    .getStatus()).isEqualTo(403);
            assertThat(send(post(run("/items/" + p.investment() + "/vote")).param("method", "NAMED"), who).getStatus())
                    .isEqualTo(403);
        }
        assertThat(meetings.meeting(p.meetingId()).state()).isEqualTo(MeetingState.DRAFT);
        // a member may still read the meeting itself, without the way into the room
        String show = send(get("/meetings/" + p.meetingId()), member).getContentAsString();
        assertThat(show).contains("研究干部任免事项").doesNotContain("/run\"");
    }

    @Test
    void openingBelowTheQuorumIsRefusedWithTheNumbersInTheRedrawnRoom() throws Exception {
        procedure.notify(p.meetingId());
        MockHttpServletResponse refused = htmx(post(run("/open")));
        assertThat(refused.getStatus()).isEqualTo(409);
        String room = refused.getContentAsString();
        assertThat(room).startsWith("<div id=\"room\"").doesNotContain("<html")
                .contains("不能宣布开会：应到会9人，实到1人，须有5人到会。");
        assertThat(meetings.meeting(p.meetingId()).state()).isEqualTo(MeetingState.NOTIFIED);
    }

    @Test
    void withoutHtmxASuccessRedirectsBackAndARefusalShowsTheWholePage() throws Exception {
        MockHttpServletResponse notified = send(post(run("/notify")), office);
        assertThat(notified.getStatus()).isEqualTo(302);
        assertThat(notified.getRedirectedUrl()).isEqualTo(run(""));
        assertThat(meetings.meeting(p.meetingId()).state()).isEqualTo(MeetingState.NOTIFIED);

        MockHttpServletResponse refused = send(post(run("/notify")), office);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("<html").contains("未能办理：")
                .contains("不能发出会议通知：须在会议“草稿”时进行，当前会议为“已通知”。");
    }

    @Test
    void aLeaveWithoutReasonIsBadInputAndTheFormStaysOpen() throws Exception {
        procedure.notify(p.meetingId());
        MockHttpServletResponse bad = htmx(post(run("/attendance")).param("personId", String.valueOf(p.huang()))
                .param("status", "ON_LEAVE").param("reason", " "));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("请填写请假事由。").contains("<details class=\"leave\" open=\"open\"");
        assertThat(meetings.meeting(p.meetingId()).onLeave()).isEmpty();

        MockHttpServletResponse unknown = htmx(post(run("/items/" + p.investment() + "/vote")).param("method", "BY_ACCLAMATION"));
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getContentAsString()).contains("“表决方式”的值格式不正确。");
    }

    @Test
    void theVotingPanelCountsThoseEntitledAsProcedureDoes() throws Exception {
        procedure.notify(p.meetingId());
        for (long m : new long[] {p.chen(), p.liu(), p.zhao(), p.sun(), p.zhou(), p.wu()}) {
            procedure.checkIn(p.meetingId(), m, Procedure.Attendance.PRESENT, null);
        }
        procedure.open(p.meetingId());
        assertThat(htmx(post(run("/items/" + p.investment() + "/recusals")).param("personId", String.valueOf(p.zhao()))
                .param("reason", "其亲属在项目合作单位任职")).getStatus()).isEqualTo(200);
        String room = htmx(post(run("/items/" + p.investment() + "/vote")).param("method", "NAMED")).getContentAsString();
        assertThat(room).contains("有表决权6人（到会成员7人，回避1人）").contains("表决开始：记名投票。");

        // the recused member has no ballot to cast, and a try is refused as Procedure refuses it
        MockHttpServletResponse recused = htmx(post(run("/items/" + p.investment() + "/ballots"))
                .param("personId", String.valueOf(p.zhao())).param("choice", "YES"));
        assertThat(recused.getStatus()).isEqualTo(409);
        assertThat(recused.getContentAsString()).contains("赵立新对第2项议题回避，不参加表决。");

        for (long m : new long[] {p.lin(), p.chen(), p.liu(), p.sun(), p.zhou()}) {
            htmx(post(run("/items/" + p.investment() + "/ballots")).param("personId", String.valueOf(m)).param("choice", "YES"));
        }
        String voting = htmx(get(run("/live")).param("item", String.valueOf(p.investment()))).getContentAsString();
        assertThat(voting).contains("同意5 · 不同意0 · 弃权0 · 未表决1");
        String counted = htmx(post(run("/items/" + p.investment() + "/count")).param("inPrinciple", "true")).getContentAsString();
        Decision decision = procedure.proceedings(p.meetingId()).get(p.investment()).decision();
        assertThat(decision.outcome()).isEqualTo(Outcome.ADOPTED_IN_PRINCIPLE);
        assertThat(decision.recused()).isEqualTo(1);
        assertThat(counted).contains("计票完毕：原则通过。").contains("应到会9人，回避1人，以8人计；赞成5票，超过4：通过。会议原则通过。")
                .contains("应到会9人，实到7人，回避1人");
    }

    @Test
    void aMemberWhoHasNotVotedMayBeRecusedDuringTheVoteAndOneWhoHasMayNot() throws Exception {
        procedure.notify(p.meetingId());
        for (long m : new long[] {p.chen(), p.liu(), p.zhao(), p.sun(), p.zhou(), p.wu()}) {
            procedure.checkIn(p.meetingId(), m, Procedure.Attendance.PRESENT, null);
        }
        procedure.open(p.meetingId());
        procedure.openVote(p.investment(), VoteMethod.NAMED);
        procedure.cast(p.investment(), p.chen(), Choice.YES);

        // the form is still offered during the vote, to those who have not voted
        String room = htmx(get(run("/live")).param("item", String.valueOf(p.investment()))).getContentAsString();
        assertThat(room).contains("id=\"recusal-form\"").contains("已开始表决：尚未投票的成员仍可登记回避");
        String form = room.substring(room.indexOf("id=\"recusal-form\""));
        form = form.substring(0, form.indexOf("</form>"));
        assertThat(form).contains("value=\"" + p.zhao() + "\"").doesNotContain("value=\"" + p.chen() + "\"");

        MockHttpServletResponse recused = htmx(post(run("/items/" + p.investment() + "/recusals"))
                .param("personId", String.valueOf(p.zhao())).param("reason", "其亲属在项目合作单位任职"));
        assertThat(recused.getStatus()).isEqualTo(200);
        assertThat(recused.getContentAsString()).contains("有表决权6人（到会成员7人，回避1人）")
                .doesNotContain("/recusals/" + p.zhao() + "/withdraw");
        assertThat(procedure.proceedings(p.meetingId()).get(p.investment()).recusals())
                .extracting(Recusal::personId).containsExactly(p.zhao());

        MockHttpServletResponse late = htmx(post(run("/items/" + p.investment() + "/recusals"))
                .param("personId", String.valueOf(p.chen())).param("reason", "迟到的回避"));
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString()).contains("已对该议题表决，不能再登记回避。");
        assertThat(procedure.proceedings(p.meetingId()).get(p.investment()).recusals()).hasSize(1);
        MockHttpServletResponse withdraw = htmx(post(run("/items/" + p.investment() + "/recusals/" + p.zhao() + "/withdraw")));
        assertThat(withdraw.getStatus()).isEqualTo(409);
        assertThat(procedure.proceedings(p.meetingId()).get(p.investment()).recusals()).hasSize(1);
    }

    @Test
    void closingWaitsForOpenVotesAndArchivingForTheMinutes() throws Exception {
        procedure.notify(p.meetingId());
        for (long m : new long[] {p.chen(), p.liu(), p.zhao(), p.sun()}) {
            procedure.checkIn(p.meetingId(), m, Procedure.Attendance.PRESENT, null);
        }
        procedure.open(p.meetingId());
        procedure.openVote(p.investment(), VoteMethod.SHOW_OF_HANDS);

        MockHttpServletResponse refused = htmx(post(run("/close")));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("第2项议题的表决尚未计票：请先计票或另作决定，再宣布散会。");

        String deferred = htmx(post(run("/items/" + p.investment() + "/decision")).param("outcome", "DEFERRED")
                .param("noteZh", "意见分歧较大，待进一步调研后再议")).getContentAsString();
        assertThat(deferred).contains("已作出决定：缓议。").contains("未经表决，决定：缓议。").contains("意见分歧较大，待进一步调研后再议");
        String closed = htmx(post(run("/close"))).getContentAsString();
        assertThat(closed).contains("已宣布散会。").contains("href=\"/meetings/" + p.meetingId() + "/minutes\"");
        assertThat(meetings.meeting(p.meetingId()).state()).isEqualTo(MeetingState.CLOSED);

        MockHttpServletResponse early = htmx(post(run("/archive")));
        assertThat(early.getStatus()).isEqualTo(409);
        assertThat(early.getContentAsString()).contains("不能归档：须在会议“纪要已印发”时进行，当前会议为“已结束”。");
    }

    @Test
    void anItemOfAnotherMeetingIsNotFoundHere() throws Exception {
        PlannedMeeting other = PlannedMeeting.plan(meetings, directory, p.date().plusDays(1));
        MockHttpServletResponse answer = htmx(post(run("/items/" + other.investment() + "/consent")));
        assertThat(answer.getStatus()).isEqualTo(404);
    }

    @Test
    void thePollRedrawsTheRoomOnlyWhenSomethingChanged() throws Exception {
        String room = send(get(run("/live")), office).getContentAsString();
        String version = version(room);
        assertThat(send(get(run("/live")).param("v", version), office).getStatus()).isEqualTo(204);

        procedure.notify(p.meetingId());
        MockHttpServletResponse changed = send(get(run("/live")).param("v", version), office);
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(version(changed.getContentAsString())).isNotEqualTo(version);
        assertThat(changed.getContentAsString()).contains(">宣布开会</button>");
    }
}
