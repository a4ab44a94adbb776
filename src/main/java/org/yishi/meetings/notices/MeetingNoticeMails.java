package org.yishi.meetings.notices;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;
import org.yishi.directory.PersonStanding;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingTitles;
import org.yishi.meetings.Meetings;

/**
 * Mails a sent meeting notice, once its sending has committed, to each recipient whose account has an address: the
 * notice in Chinese and English, with the iCalendar invitation (the same UID each time, a higher SEQUENCE). Without
 * SMTP ({@code spring.mail.host}) nothing is mailed and nothing fails; the in-app notice stands either way.
 */
@Component
class MeetingNoticeMails {

    private static final Logger log = LoggerFactory.getLogger(MeetingNoticeMails.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final JdbcClient jdbc;
    private final MeetingNotices notices;
    private final Meetings meetings;
    private final MeetingTitles titles;
    private final Directory directory;
    private final Accounts accounts;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;
    private final ZoneId zone;
    private final TransactionTemplate fresh;

    MeetingNoticeMails(PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, MeetingNotices notices, Meetings meetings,
            MeetingTitles titles, Directory directory, Accounts accounts, MessageSource messages,
            @Value("${yishi.supervision.mail-from:${spring.mail.username:yishi@localhost}}") String from,
            @Value("${yishi.base-url:}") String baseUrl, @Value("${yishi.meetings.zone:Asia/Shanghai}") String zone) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.notices = notices;
        this.meetings = meetings;
        this.titles = titles;
        this.directory = directory;
        this.accounts = accounts;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.zone = ZoneId.of(zone);
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The invitation of the meeting as its notice stands, addressed to its recipients with an address. */
    String invitation(long meetingId) {
        Meeting m = meetings.meeting(meetingId);
        MeetingNotices.Sent sent = notices.sent(meetingId).orElse(null);
        java.util.Set<Long> people = notices.addressees(m);
        Map<Long, PersonStanding> standings = directory.standingsOn(m.date(), people);
        List<MeetingInvitation.Invitee> invitees = new ArrayList<>();
        for (Accounts.PersonAccount a : accounts.ofPeople(people)) {
            PersonStanding s = standings.get(a.personId());
            boolean sittingIn = m.inAttendance().contains(a.personId());
            invitees.add(new MeetingInvitation.Invitee(s == null ? "" : s.person().nameZh(), a.email(), !sittingIn));
        }
        String summary = titles.heading(m, Locale.SIMPLIFIED_CHINESE) + " / " + titles.heading(m, Locale.ENGLISH);
        String description = sent == null ? summary : sent.textZh() + "\n\n" + sent.textEn();
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "yishi";
        return MeetingInvitation.of(m, summary, description, from, invitees, sent == null ? 0 : sent.sends() - 1,
                Instant.now(), zone, domain);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(MeetingNotices.NoticeSent event) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail != null) {
            fresh.executeWithoutResult(status -> send(mail, event));
        }
    }

    private void send(JavaMailSender mail, MeetingNotices.NoticeSent event) {
        long id = event.meetingId();
        MeetingNotices.Sent sent = notices.sent(id).orElseThrow();
        Meeting m = meetings.meeting(id);
        String ics = invitation(id);
        List<Long> unread = jdbc.sql("select account_id from meeting_notice_receipt where meeting_id = :m")
                .param("m", id).query(Long.class).list();
        for (Accounts.PersonAccount a : accounts.ofPeople(notices.addressees(m))) {
            if (a.email() == null || !unread.contains(a.accountId())) {
                continue;
            }
            try {
                mail.send(message(mail, a.email(), m, sent, ics));
                jdbc.sql("update meeting_notice_receipt set mailed_at = now() where meeting_id = :m and account_id = :a")
                        .param("m", id).param("a", a.accountId()).update();
            } catch (MailException | MessagingException e) {
                log.warn("Could not mail the notice of meeting {} to {}: {}", id, a.email(), e.getMessage());
            }
        }
    }

    private MimeMessage message(JavaMailSender mail, String to, Meeting m, MeetingNotices.Sent sent, String ics)
            throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        h.setFrom(from);
        h.setTo(to);
        h.setSubject(text("meeting-notice.mail.subject", Locale.SIMPLIFIED_CHINESE, titles.heading(m, Locale.SIMPLIFIED_CHINESE))
                + " / " + text("meeting-notice.mail.subject", Locale.ENGLISH, titles.heading(m, Locale.ENGLISH)));
        String link = baseUrl.isEmpty() ? "" : "\n" + baseUrl + "/meetings/" + m.id() + "/notice\n";
        h.setText(sent.textZh() + link + "\n----\n\n" + sent.textEn() + link);
        h.addAttachment("meeting-" + m.id() + ".ics",
                new ByteArrayResource(ics.getBytes(StandardCharsets.UTF_8)), "text/calendar; method=REQUEST; charset=UTF-8");
        return message;
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
