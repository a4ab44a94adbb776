package org.yishi.meetings.notices;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.directory.PersonStanding;
import org.yishi.directory.ProtocolOrder;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.Leave;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingTitles;
import org.yishi.meetings.Visibility;
import org.yishi.meetings.rules.RuleSets;

/**
 * The meeting notice (会议通知) written from the meeting's plan: when and where, the items, who attends, who sits in,
 * who is on leave, and by when the materials must reach the members (the body's rule, e.g. three days before). Each
 * language is written on its own; a text missing in a language is named as missing, never taken from the other.
 * Confidential items are counted, not named.
 */
@Component
public class MeetingNoticeText {

    /** The notice in both languages. */
    record Texts(String zh, String en) {
    }

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Directory directory;
    private final MeetingTitles titles;
    private final RuleSets ruleSets;
    private final MessageSource messages;

    MeetingNoticeText(Directory directory, MeetingTitles titles, RuleSets ruleSets, MessageSource messages) {
        this.directory = directory;
        this.titles = titles;
        this.ruleSets = ruleSets;
        this.messages = messages;
    }

    /** The day by which the materials must reach the members. */
    LocalDate materialsDue(Meeting m) {
        return m.date().minusDays(ruleSets.forBody(m.bodyId()).materialsDays());
    }

    Texts of(Meeting m, LocalDate issuedOn) {
        return new Texts(write(m, ZH, issuedOn), write(m, Locale.ENGLISH, issuedOn));
    }

    private String write(Meeting m, Locale locale, LocalDate issuedOn) {
        boolean english = MeetingTitles.english(locale);
        Body body = directory.body(m.bodyId());
        Set<Long> onLeave = m.onLeave().stream().map(Leave::personId).collect(java.util.stream.Collectors.toSet());
        List<Long> attending = new ArrayList<>(List.of(m.presidingPersonId()));
        m.present().stream().filter(p -> !attending.contains(p)).forEach(attending::add);
        directory.membersOn(m.bodyId(), m.date()).stream()
                .filter(p -> !attending.contains(p) && !onLeave.contains(p) && !p.equals(m.entrustedById()))
                .forEach(attending::add);
        Set<Long> everyone = new java.util.HashSet<>(m.people());
        everyone.addAll(attending);
        Map<Long, PersonStanding> standings = directory.standingsOn(m.date(), everyone);
        StringBuilder t = new StringBuilder();
        t.append(text("meeting-notice.title", locale)).append("\n\n");
        String when = date(m.date(), locale) + (m.timeOfDay() == null ? ""
                : text("meeting-notice.time-sep", locale) + text("enum.TimeOfDay." + m.timeOfDay().name(), locale));
        String place = m.place() == null || m.place().isBlank() ? text("meeting-notice.no-place", locale) : m.place();
        t.append(text("meeting-notice.opening", locale, titles.heading(m, locale), when, place)).append("\n\n");

        t.append(text("meeting-notice.items", locale)).append('\n');
        int confidential = 0;
        int n = 0;
        for (AgendaItem item : m.items()) {
            if (item.visibility() == Visibility.CONFIDENTIAL) {
                confidential++;
                continue;
            }
            String title = english ? item.titleEn() : item.titleZh();
            t.append(++n).append(". ").append(title == null || title.isBlank()
                    ? text("meeting-notice.title-missing", locale, item.position()) : title.strip()).append('\n');
        }
        if (confidential > 0) {
            t.append(++n).append(". ").append(text("meeting-notice.confidential", locale, confidential)).append('\n');
        }
        t.append('\n');
        t.append(text("meeting-notice.presiding", locale, name(standings, m.presidingPersonId(), english))).append('\n');
        t.append(text("meeting-notice.attending", locale, names(standings, attending, english, locale))).append('\n');
        if (!m.inAttendance().isEmpty() || !m.groups().isEmpty()) {
            List<String> sitting = new ArrayList<>(m.inAttendance().stream().map(p -> name(standings, p, english)).toList());
            m.groups().forEach(g -> sitting.add(english ? (g.labelEn() == null || g.labelEn().isBlank()
                    ? text("meeting-notice.group-missing", locale) : g.labelEn()) : g.labelZh()));
            t.append(text("meeting-notice.sitting-in", locale, String.join(text("meeting-notice.list-sep", locale), sitting)))
                    .append('\n');
        }
        if (!m.onLeave().isEmpty()) {
            t.append(text("meeting-notice.on-leave", locale,
                    names(standings, m.onLeave().stream().map(Leave::personId).toList(), english, locale))).append('\n');
        }
        int days = ruleSets.forBody(m.bodyId()).materialsDays();
        t.append('\n').append(text("meeting-notice.materials", locale, date(materialsDue(m), locale), days)).append("\n\n");
        t.append(MeetingTitles.bodyName(body, english)).append(text("meeting-notice.office", locale)).append('\n');
        t.append(date(issuedOn, locale)).append('\n');
        return t.toString();
    }

    private String names(Map<Long, PersonStanding> standings, Collection<Long> people, boolean english, Locale locale) {
        List<PersonStanding> ordered = ProtocolOrder.peopleById(people, standings);
        return String.join(text("meeting-notice.list-sep", locale),
                ordered.stream().map(s -> s.person().name(english)).toList());
    }

    private static String name(Map<Long, PersonStanding> standings, long personId, boolean english) {
        PersonStanding s = standings.get(personId);
        return s == null ? String.valueOf(personId) : s.person().name(english);
    }

    public static String date(LocalDate d, Locale locale) {
        return MeetingTitles.english(locale) ? d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))
                : d.format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
