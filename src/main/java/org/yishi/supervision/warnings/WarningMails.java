package org.yishi.supervision.warnings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.supervision.SerialFormat;
import org.yishi.supervision.WarningThresholds;
import org.yishi.supervision.reports.Cycle;

/**
 * Warning notices by e-mail, when the server has SMTP ({@code spring.mail.host}; without it nothing is mailed and
 * nothing fails). After each sweep has committed, the notices not yet mailed (of the last day: turning SMTP on does not
 * mail old news) go out as one mail per recipient group: a unit's notices to the addresses of its liaisons'
 * accounts, the office's to the accounts holding supervision:manage. Each account's user enters the address on their
 * account page. A notice is marked mailed when its mail was handed to the server; one whose group has no address, or
 * whose sending failed, is tried again after the next sweep. Rows are claimed with {@code skip locked}, so two nodes
 * never mail the same notice.
 */
@Component
class WarningMails {

    /** At most this many notices are listed in one mail; the rest are counted. */
    static final int LISTED = 100;

    private static final Logger log = LoggerFactory.getLogger(WarningMails.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final MessageSource messages;
    private final SerialFormat serials;
    private final TransactionTemplate transaction;
    private final String from;
    private final String baseUrl;
    private final WarningThresholds thresholds;

    WarningMails(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, Accounts accounts, MessageSource messages,
            SerialFormat serials, WarningThresholds thresholds, PlatformTransactionManager transactions,
            @Value("${yishi.supervision.mail-from:${spring.mail.username:yishi@localhost}}") String from,
            @Value("${yishi.base-url:}") String baseUrl) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.messages = messages;
        this.serials = serials;
        this.thresholds = thresholds;
        this.transaction = new TransactionTemplate(transactions);
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    record Pending(long id, Long unitId, Long itemId, String colour, LocalDate dueOn, Integer cycle, Integer serialYear,
            Integer serialNumber, String content, String kind, String note, Long proposalId) {

        boolean warning() {
            return "WARNING".equals(kind);
        }
    }

    /** Mails the notices not yet mailed; returns how many were mailed (0 without SMTP). */
    int sendPending() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        Integer sent = transaction.execute(status -> {
            List<Pending> pending = jdbc.sql("""
                    select n.id, n.unit_id, n.item_id, n.colour, n.due_on, o.cycle, i.serial_year, i.serial_number,
                           coalesce(i.content, pr.title_zh, pr.title_en, '') as content, n.kind, n.note, n.proposal_id
                    from supervision_notice n left join supervision_item i on i.id = n.item_id
                    left join supervision_proposal pr on pr.id = n.proposal_id
                    left join report_obligation o on o.id = n.obligation_id
                    where n.mailed_at is null and n.created_at > now() - interval '1 day'
                      and (n.colour is not null or n.kind <> 'WARNING')
                    order by n.id limit 10000
                    for update of n skip locked""").query(Pending.class).list();
            Map<Long, List<Pending>> byUnit = new LinkedHashMap<>();
            pending.forEach(p -> byUnit.computeIfAbsent(p.unitId() == null ? 0L : p.unitId(), k -> new ArrayList<>()).add(p));
            int mailed = 0;
            for (Map.Entry<Long, List<Pending>> group : byUnit.entrySet()) {
                Long unit = group.getKey() == 0L ? null : group.getKey();
                List<String> to = unit == null ? accounts.emailAddresses(Permission.SUPERVISION_MANAGE, null)
                        : accounts.emailAddresses(Permission.SUPERVISION_REPORT, unit);
                if (to.isEmpty()) {
                    continue;
                }
                try {
                    mail.send(message(to, group.getValue()));
                } catch (MailException e) {
                    log.warn("Could not mail {} warning notices to {}: {}", group.getValue().size(), to, e.getMessage());
                    continue;
                }
                jdbc.sql("update supervision_notice set mailed_at = now() where id in (:ids)")
                        .param("ids", group.getValue().stream().map(Pending::id).toList()).update();
                mailed += group.getValue().size();
            }
            return mailed;
        });
        return Objects.requireNonNullElse(sent, 0);
    }

    /** One mail, in Chinese and then in English: the new work first, then the warnings. */
    private SimpleMailMessage message(List<String> to, List<Pending> all) {
        List<Pending> notices = all.stream().filter(Pending::warning).toList();
        List<Pending> work = all.stream().filter(p -> !p.warning()).toList();
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to.toArray(String[]::new));
        String subject = work.isEmpty() ? "supervision.mail.subject" : "supervision.mail.subject-work";
        m.setSubject(text(subject, Locale.SIMPLIFIED_CHINESE, all.size()) + " / "
                + text(subject, Locale.ENGLISH, all.size()));
        StringBuilder body = new StringBuilder();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            if (!work.isEmpty()) {
                workLines(body, work, locale);
            }
            if (notices.isEmpty()) {
                body.append(text("supervision.mail.footer-work", locale)).append("\n\n");
                continue;
            }
            body.append(text("supervision.mail.intro", locale, notices.size())).append("\n\n");
            for (Pending p : notices.subList(0, Math.min(LISTED, notices.size()))) {
                String colour = text("enum.Colour." + p.colour(), locale);
                String serial = serials.format(p.serialYear(), p.serialNumber());
                body.append("- ").append(p.cycle() == null
                        ? text("supervision.mail.item", locale, serial, colour, p.dueOn(), abbreviate(p.content()))
                        : text("supervision.mail.obligation", locale, serial, colour, p.dueOn(), abbreviate(p.content()),
                                Cycle.period(p.cycle())));
                if (!baseUrl.isEmpty()) {
                    body.append("\n  ").append(baseUrl).append("/supervision/items/").append(p.itemId());
                }
                body.append('\n');
            }
            if (notices.size() > LISTED) {
                body.append(text("supervision.mail.more", locale, notices.size() - LISTED)).append('\n');
            }
            body.append('\n').append(text("supervision.mail.footer", locale, thresholds.yellowPercent(), thresholds.orangePercent())).append("\n\n");
        }
        m.setText(body.toString().strip() + "\n");
        return m;
    }

    /** The notices of new work, one line each with what is to be done and a link. */
    private void workLines(StringBuilder body, List<Pending> work, Locale locale) {
        body.append(text("supervision.mail.intro-work", locale, work.size())).append("\n\n");
        for (Pending p : work.subList(0, Math.min(LISTED, work.size()))) {
            String serial = p.itemId() == null ? "" : serials.format(p.serialYear(), p.serialNumber());
            body.append("- ").append(text("supervision.mail.work." + p.kind(), locale, serial, p.dueOn(),
                    abbreviate(p.content())));
            if (p.note() != null) {
                body.append("\n  ").append(text("supervision.mail.work.note", locale, abbreviate(p.note())));
            }
            if (!baseUrl.isEmpty()) {
                body.append("\n  ").append(baseUrl).append(p.itemId() != null ? "/supervision/items/" + p.itemId()
                        : "/supervision/proposals#proposal-" + p.proposalId());
            }
            body.append('\n');
        }
        if (work.size() > LISTED) {
            body.append(text("supervision.mail.more", locale, work.size() - LISTED)).append('\n');
        }
        body.append('\n');
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    private static String abbreviate(String content) {
        String line = content.strip().replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }
}
