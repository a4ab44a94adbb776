package org.yishi.meetings;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.platform.ChineseNumerals;

/** A meeting's title as pages and documents show it: "十二届区委常委会第16次会议", or unnumbered for a draft. */
@Component
public class MeetingTitles {

    private final MessageSource messages;
    private final Directory directory;

    MeetingTitles(MessageSource messages, Directory directory) {
        this.messages = messages;
        this.directory = directory;
    }

    public String heading(Meeting m, Locale locale) {
        return heading(directory.body(m.bodyId()), directory.term(m.termId()).number(), m.sequence(), locale);
    }

    public String heading(Body body, int term, Integer sequence, Locale locale) {
        boolean english = english(locale);
        String termText = english ? String.valueOf(term) : ChineseNumerals.of(term);
        if (sequence == null) {
            return messages.getMessage("meetings.heading-unnumbered", new Object[] {termText, bodyName(body, english)}, locale);
        }
        return messages.getMessage("meetings.heading", new Object[] {termText, bodyName(body, english),
                String.valueOf(sequence)}, locale);
    }

    public static String bodyName(Body b, boolean english) {
        return english && b.nameEn() != null ? b.nameEn() : b.runningNameZh();
    }

    public static boolean english(Locale locale) {
        return locale.getLanguage().equals("en");
    }
}
