package org.yishi.readouts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
@PreAuthorize("hasAuthority('readout:read')")
class ReadoutPages {

    private final Readouts readouts;
    private final Meetings meetings;
    private final MessageSource messages;

    ReadoutPages(Readouts readouts, Meetings meetings, MessageSource messages) {
        this.readouts = readouts;
        this.meetings = meetings;
        this.messages = messages;
    }

    /** A line of the readouts list: the meeting and its readout's first paragraph, in the user's language. */
    record Line(long meetingId, java.time.LocalDate date, String opening) {
    }

    /** Every meeting's readout, newest first: the press texts, which name only public items. */
    @GetMapping("/readouts")
    String list(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Language language = locale.getLanguage().equals("en") ? Language.EN : Language.ZH;
        int size = 20;
        int p = Math.max(0, page);
        List<Line> lines = meetings.listClosed(null, size, p * size).stream().map(s -> {
            try {
                return new Line(s.id(), s.date(), readouts.readout(s.id(), language).paragraphs().getFirst());
            } catch (Incomplete e) {
                return new Line(s.id(), s.date(), null);
            }
        }).toList();
        long total = meetings.countClosed(null);
        model.addAttribute("lines", lines);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + size - 1) / size));
        return "readouts/list";
    }

    @GetMapping("/readouts/{id}")
    String readoutPage(@PathVariable long id, @RequestParam(required = false) String lang, Model model, Locale locale) {
        Meeting m = readouts.meetingOf(id);
        model.addAttribute("meetingId", id);
        model.addAttribute("date", m.date());
        model.addAttribute("initialLanguage", lang != null ? Language.of(lang).name().toLowerCase(Locale.ROOT)
                : locale.getLanguage().equals("en") ? "en" : "zh");
        return "readouts/page";
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
        Meeting m = readouts.meetingOf(id);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(m, language, "html"));
        model.addAttribute("readout", readout);
        model.addAttribute("title", messages.getMessage("readouts.document-title", new Object[] {m.date().toString()}, language.locale()));
        return "readouts/document";
    }

    private ResponseEntity<String> download(long id, Language language, String extension, MediaType type, String body) {
        Meeting m = readouts.meetingOf(id);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(m, language, extension)).body(body);
    }

    private static String disposition(Meeting m, Language language, String extension) {
        String name = "readout-" + m.date() + "-" + language.name().toLowerCase(Locale.ROOT) + "." + extension;
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
