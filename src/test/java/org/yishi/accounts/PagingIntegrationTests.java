package org.yishi.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingDraft;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Outcome;
import org.yishi.meetings.Procedure;

/** Long lists come in pages of 20 with links to the neighbouring pages. */
@YishiIntegrationTest("yishi.demo-data=on")
@AutoConfigureMockMvc
class PagingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    @Autowired
    Procedure procedure;

    @Test
    void theMeetingListAndTheReadoutsListArePaged() throws Exception {
        Meeting template = meetings.listClosed(null, 500, 0).stream().filter(m -> m.date().toString().equals("2024-03-12"))
                .map(m -> meetings.meeting(m.id())).findFirst().orElseThrow();
        for (int i = 1; meetings.countClosed(null) < 25; i++) {
            Meeting planned = meetings.plan(new MeetingDraft(template.bodyId(), LocalDate.of(2024, 5, 1).plusDays(i), template.timeOfDay(),
                    template.place(), template.kind(), template.presidingPersonId(), template.entrustedById(),
                    template.presidingSpeech(), template.present(), template.onLeave(), template.inAttendance(),
                    template.groups(), template.leadersLabelZh(), template.leadersLabelEn(), template.items().stream()
                            .map(it -> new org.yishi.meetings.ItemDraft(null, it.kind(), it.titleZh(), it.titleEn(),
                                    it.headline(), it.visibility(), it.conclusionsZh(), it.conclusionsEn()))
                            .filter(it -> it.kind() != org.yishi.meetings.ItemKind.PERSONNEL).toList(), null));
            // held and closed, so that its readout is published
            procedure.notify(planned.id());
            procedure.open(planned.id());
            meetings.meeting(planned.id()).items().forEach(it -> procedure.decide(it.id(), Outcome.ADOPTED, null, null));
            procedure.close(planned.id());
        }
        long office = accounts.findByUsername(TestAccounts.of(accounts, "office").username()).orElseThrow().id();
        SignedIn user = accounts.signedIn(office, null).orElseThrow();
        var signedIn = authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));

        String first = mvc.perform(get("/meetings").with(signedIn)).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("第 1 / 2 页").contains("/meetings?page=1").doesNotContain("/meetings?page=-1");
        String second = mvc.perform(get("/meetings?page=1").with(signedIn)).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("第 2 / 2 页").contains("/meetings?page=0").doesNotContain("/meetings?page=2");
        String readouts = mvc.perform(get("/readouts?page=1").with(signedIn)).andReturn().getResponse().getContentAsString();
        assertThat(readouts).contains("第 2 / 2 页").contains("/readouts?page=0");
    }
}
