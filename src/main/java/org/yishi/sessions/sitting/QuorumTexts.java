package org.yishi.sessions.sitting;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yishi.sessions.roster.Rosters;

/**
 * The quorum as a session's readout states it: "应出席代表268名，实到251名，符合法定人数" / "Of the 268 deputies due to
 * attend, 251 were present, a quorum."
 */
@Component
class QuorumTexts {

    private final MessageSource messages;
    private final Sessions sessions;
    private final Rosters rosters;

    QuorumTexts(MessageSource messages, Sessions sessions, Rosters rosters) {
        this.messages = messages;
        this.sessions = sessions;
        this.rosters = rosters;
    }

    String sentence(Sitting sitting, Quorum q, Locale locale) {
        String chamber = rosters.term(sessions.sessionOf(sitting).termId()).chamber().name();
        String key = "sessions.quorum." + (q.met() ? "met." : "short.") + chamber;
        return messages.getMessage(key, new Object[] {String.valueOf(q.due()), String.valueOf(q.present()),
                String.valueOf(q.required())}, locale);
    }

    /** The title of a meeting of a session: 预备会议, 第一次全体会议. */
    String sittingTitle(Sitting sitting, Locale locale) {
        if (sitting.kind() == Sitting.Kind.PREPARATORY) {
            return messages.getMessage("sessions.sitting.preparatory", null, locale);
        }
        String number = locale.getLanguage().equals("en") ? String.valueOf(sitting.number())
                : org.yishi.platform.ChineseNumerals.of(sitting.number());
        return messages.getMessage("sessions.sitting.plenary", new Object[] {number}, locale);
    }
}
