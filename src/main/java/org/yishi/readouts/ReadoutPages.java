package org.yishi.readouts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.Meetings;
import org.yishi.platform.Incomplete;
import org.yishi.platform.Messages;

/** The readout on the meeting page (an htmx fragment) and its downloads as plain text and HTML. */
@Controller
class ReadoutPages {

    private final Readouts readouts;
    private final Meetings meetings;
    private final MessageSource messages;

    ReadoutPages(Readouts readouts, Meetings meetings, MessageSource messages) {
        this.readouts = readouts;
        this.meetings = meetings;
        this.messages = messages;
    }

    @GetMapping("/meetings/{id}/readout")
    String preview(@PathVariable long id, @RequestParam(defaultValue = "zh") String lang, Model model, Locale locale) {
        Language language = Language.of(lang);
        model.addAttribute("meetingId", id);
        model.addAttribute("language", language);
        model.addAttribute("languages", Language.values());
        try {
            model.addAttribute("readout", readouts.readout(id, language));
        } catch (Incomplete e) {
            model.addAttribute("problem", messages.getMessage(e.titleCode(), null, locale));
            model.addAttribute("missing", e.missing().stream().map(v -> Messages.resolve(messages, v, locale)).toList());
        }
        return "readouts/preview :: preview";
    }

    @GetMapping("/meetings/{id}/readout.txt")
    ResponseEntity<String> text(@PathVariable long id, @RequestParam(defaultValue = "zh") String lang) {
        Language language = Language.of(lang);
        return download(id, language, "txt", MediaType.parseMediaType("text/plain;charset=UTF-8"),
                readouts.readout(id, language).text());
    }

    @GetMapping("/meetings/{id}/readout.html")
    String html(@PathVariable long id, @RequestParam(defaultValue = "zh") String lang, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Language language = Language.of(lang);
        Readout readout = readouts.readout(id, language);
        Meeting m = meetings.meeting(id);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(m, language, "html"));
        model.addAttribute("readout", readout);
        model.addAttribute("title", messages.getMessage("readouts.document-title", new Object[] {m.date().toString()}, language.locale()));
        return "readouts/document";
    }

    private ResponseEntity<String> download(long id, Language language, String extension, MediaType type, String body) {
        Meeting m = meetings.meeting(id);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(m, language, extension)).body(body);
    }

    private static String disposition(Meeting m, Language language, String extension) {
        String name = "readout-" + m.date() + "-" + language.name().toLowerCase(Locale.ROOT) + "." + extension;
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
