package org.yishi.meetings.minutes;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.yishi.directory.Office;
import org.yishi.directory.PersonStanding;
import org.yishi.directory.ProtocolOrder;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.AttendingGroup;
import org.yishi.meetings.Leave;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingTitles;

/**
 * The record's and the minutes' wording in one language, from the message bundles: people named with their titles in
 * protocol order, dates, lists. Arguments are passed as text, so that numbers are never grouped ("1,234").
 */
final class DocumentPhrases {

    private final MessageSource messages;
    private final Locale locale;
    private final boolean english;
    private final Map<Long, PersonStanding> standings;
    private final String separator;
    private final String clauseSeparator;

    DocumentPhrases(MessageSource messages, Locale locale, Map<Long, PersonStanding> standings) {
        this.messages = messages;
        this.locale = locale;
        this.english = MeetingTitles.english(locale);
        this.standings = standings;
        this.separator = get("document.separator");
        this.clauseSeparator = get("document.clause-separator");
    }

    Locale locale() {
        return locale;
    }

    boolean english() {
        return english;
    }

    String language() {
        return english ? "en" : "zh";
    }

    String get(String code, Object... args) {
        return messages.getMessage(code, args.length == 0 ? null : args, locale);
    }

    /** The person's name in this language (or the other form when it has only that one). */
    String name(long personId) {
        PersonStanding s = standings.get(personId);
        return s == null ? "#" + personId : s.person().name(english);
    }

    /** The title of the office that places the person highest on the meeting's day; empty when none. */
    String title(long personId) {
        PersonStanding s = standings.get(personId);
        Office o = s == null ? null : s.office();
        if (o == null) {
            return "";
        }
        return english && o.titleEn() != null ? o.titleEn() : o.titleZh();
    }

    /** "林海峰（区委书记）" / "Lin Haifeng (Secretary of …)"; the name alone without a title. */
    String nameAndTitle(long personId) {
        String title = title(personId);
        return title.isEmpty() ? name(personId) : get("document.name-title", name(personId), title);
    }

    /** "区委书记林海峰" / "Lin Haifeng, Secretary of …": a person as the genre introduces them in a sentence. */
    String titled(long personId) {
        String title = title(personId);
        return title.isEmpty() ? name(personId) : get("document.titled", name(personId), title);
    }

    /** The same, inside a sentence: "区委书记林海峰" / "Lin Haifeng, Secretary of …," (the apposition closed). */
    String titledInSentence(long personId) {
        String title = title(personId);
        return title.isEmpty() ? name(personId) : get("document.titled-in-sentence", name(personId), title);
    }

    /** The item's wording as a heading: in English its first letter capitalised ("Deliberate the …"). */
    String heading(AgendaItem item) {
        String title = item.title(english);
        if (title == null || title.isEmpty() || !english) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, 1)).toUpperCase(Locale.ENGLISH)
                + title.substring(title.offsetByCodePoints(0, 1));
    }

    /**
     * Text entered once (a place, a reason) as this document may show it: as entered, or, in an English document, null
     * when it was written in Chinese, so that the document says it is given in Chinese only instead of mixing languages.
     */
    String entered(String text) {
        return english && org.yishi.platform.TextLanguages.chinese(text) ? null : text;
    }

    /** {@link #entered} with the words for "given in Chinese only" in its place. */
    String enteredOrSaid(String text) {
        String shown = entered(text);
        return shown == null ? get("document.chinese-only") : shown;
    }

    /** Members on leave, each with the reason, in protocol order: "黄振宇（赴省委党校学习）". */
    List<String> onLeave(Meeting m) {
        List<String> leave = new ArrayList<>();
        for (Long id : protocolOrder(m.onLeave().stream().map(Leave::personId).toList())) {
            String reason = m.onLeave().stream().filter(l -> l.personId().equals(id)).findFirst().map(Leave::reason)
                    .orElse("");
            leave.add(get("document.name-reason", name(id), enteredOrSaid(reason)));
        }
        return leave;
    }

    /** An unnamed group sitting in, in this language (or the other). */
    String group(AttendingGroup g) {
        return english ? either(g.labelEn(), g.labelZh()) : either(g.labelZh(), g.labelEn());
    }

    /** A text kept in both languages, in this one (or the other when this one is missing). */
    String pick(String zh, String en) {
        return english ? either(en, zh) : either(zh, en);
    }

    /** The people in protocol order ({@link ProtocolOrder}). */
    List<Long> protocolOrder(Collection<Long> ids) {
        return ProtocolOrder.of(ids, standings);
    }

    String join(List<String> parts) {
        return String.join(separator, parts);
    }

    String clauses(List<String> parts) {
        return String.join(clauseSeparator, parts);
    }

    String date(LocalDate date) {
        String month = english ? date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                : String.valueOf(date.getMonthValue());
        return get("document.date", String.valueOf(date.getYear()), month, String.valueOf(date.getDayOfMonth()));
    }

    /** "2024年3月12日下午" / "Afternoon of 12 March 2024", as a line of its own. */
    String time(Meeting m) {
        return get("document.time." + timeOfDay(m), date(m.date()));
    }

    /** "2024年3月12日下午" / "the afternoon of 12 March 2024", inside a sentence. */
    String when(Meeting m) {
        return get("document.when." + timeOfDay(m), date(m.date()));
    }

    private static String timeOfDay(Meeting m) {
        return m.timeOfDay() == null ? "NONE" : m.timeOfDay().name();
    }

    /** A label of a code value, e.g. {@code enum.VoteMethod.SECRET}. */
    String label(Enum<?> value) {
        return get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** The conclusions in this language (or the other when this one is missing), as paragraphs. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static String either(String preferred, String other) {
        return preferred != null && !preferred.isBlank() ? preferred : other;
    }
}
