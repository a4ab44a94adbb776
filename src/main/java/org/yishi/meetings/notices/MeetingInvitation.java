package org.yishi.meetings.notices;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.yishi.meetings.Meeting;
import org.yishi.meetings.TimeOfDay;

/**
 * The meeting as an iCalendar invitation (RFC 5545, METHOD:REQUEST), attached to the notice's mail and offered for
 * download. A meeting in the morning runs 09:00–12:00, in the afternoon 14:30–17:30, in the evening 19:00–21:00 local
 * time; one without a time of day is an all-day event. Each sending of the notice raises the SEQUENCE, so calendars
 * replace the earlier invitation (same UID) rather than add another.
 */
final class MeetingInvitation {

    /** Someone invited: a member attending (required) or a person sitting in (optional); email may be null. */
    record Invitee(String name, String email, boolean required) {
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private MeetingInvitation() {
    }

    static String of(Meeting m, String summary, String description, String organizer, List<Invitee> invitees,
            int sequence, Instant stamp, ZoneId zone, String domain) {
        StringBuilder c = new StringBuilder();
        line(c, "BEGIN:VCALENDAR");
        line(c, "VERSION:2.0");
        line(c, "PRODID:-//Yishi//Meeting notice//ZH");
        line(c, "CALSCALE:GREGORIAN");
        line(c, "METHOD:REQUEST");
        line(c, "BEGIN:VEVENT");
        line(c, "UID:meeting-" + m.id() + "@" + domain);
        line(c, "SEQUENCE:" + sequence);
        line(c, "DTSTAMP:" + UTC.format(stamp));
        LocalTime[] span = span(m.timeOfDay());
        if (span == null) {
            line(c, "DTSTART;VALUE=DATE:" + DAY.format(m.date()));
            line(c, "DTEND;VALUE=DATE:" + DAY.format(m.date().plusDays(1)));
        } else {
            line(c, "DTSTART:" + UTC.format(m.date().atTime(span[0]).atZone(zone).toInstant()));
            line(c, "DTEND:" + UTC.format(m.date().atTime(span[1]).atZone(zone).toInstant()));
        }
        line(c, "SUMMARY:" + escape(summary));
        if (m.place() != null && !m.place().isBlank()) {
            line(c, "LOCATION:" + escape(m.place().strip()));
        }
        line(c, "DESCRIPTION:" + escape(description));
        line(c, "CLASS:CONFIDENTIAL");
        line(c, "STATUS:CONFIRMED");
        line(c, "ORGANIZER:mailto:" + organizer);
        for (Invitee i : invitees) {
            if (i.email() != null) {
                line(c, "ATTENDEE;CN=" + parameter(i.name()) + ";ROLE=" + (i.required() ? "REQ-PARTICIPANT" : "OPT-PARTICIPANT")
                        + ";PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + i.email());
            }
        }
        line(c, "END:VEVENT");
        line(c, "END:VCALENDAR");
        return c.toString();
    }

    private static LocalTime[] span(TimeOfDay time) {
        if (time == null) {
            return null;
        }
        return switch (time) {
            case MORNING -> new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(12, 0)};
            case AFTERNOON -> new LocalTime[] {LocalTime.of(14, 30), LocalTime.of(17, 30)};
            case EVENING -> new LocalTime[] {LocalTime.of(19, 0), LocalTime.of(21, 0)};
        };
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** A parameter value is quoted, and may hold no double quote (RFC 5545 §3.2). */
    private static String parameter(String value) {
        return "\"" + value.replace("\"", "'") + "\"";
    }

    /** Content lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
