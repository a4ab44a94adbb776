package org.yishi.meetings.notices;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yishi.accounts.Account;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.directory.Directory;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingState;
import org.yishi.meetings.MeetingTitles;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Visibility;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Messages;

/**
 * The meeting notice's page (the notice in the page's language, the invitation to download; for the office, sending
 * it and who has read it), each item's materials with their versions and read receipts, and the signed-in user's
 * inbox of meeting notices with its badge in the navigation.
 */
@Controller
class MeetingNoticePages {

    private final MeetingNotices notices;
    private final MeetingMaterials materials;
    private final MeetingNoticeMails mails;
    private final Meetings meetings;
    private final MeetingTitles titles;
    private final MeetingNoticeText texts;
    private final Directory directory;
    private final Accounts accounts;
    private final MessageSource messages;

    MeetingNoticePages(MeetingNotices notices, MeetingMaterials materials, MeetingNoticeMails mails, Meetings meetings,
            MeetingTitles titles, MeetingNoticeText texts, Directory directory, Accounts accounts,
            MessageSource messages) {
        this.notices = notices;
        this.materials = materials;
        this.mails = mails;
        this.meetings = meetings;
        this.titles = titles;
        this.texts = texts;
        this.directory = directory;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** A receipt as the office reads it. */
    record ReceiptLine(String name, MeetingNotices.Receipt receipt) {
    }

    /** An item with its materials' versions, newest first, and who read each. */
    record ItemMaterials(AgendaItem item, String title, List<MeetingMaterials.Material> versions,
            Map<Long, List<String>> readers) {
    }

    @GetMapping("/meetings/{id}/notice")
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    String notice(@PathVariable long id, Model model, Locale locale) {
        page(Viewers.current(), id, model, locale, List.of());
        return "meetings/notice";
    }

    private void page(Viewer viewer, long id, Model model, Locale locale, List<String> errors) {
        boolean english = MeetingTitles.english(locale);
        boolean office = viewer.can(Permission.MEETING_RUN);
        MeetingNotices.Sent sent = notices.readBy(viewer, id).orElse(null);
        Meeting m = meetings.visibleTo(viewer, id) ? meetings.meetingFor(viewer, id) : meetings.meeting(id);
        if (!meetings.visibleTo(viewer, id)) {
            m = m.withItems(m.items().stream().filter(i -> i.visibility() != Visibility.CONFIDENTIAL).toList());
        }
        model.addAttribute("meeting", m);
        model.addAttribute("heading", titles.heading(m, locale));
        model.addAttribute("sent", sent);
        model.addAttribute("text", sent == null ? null : sent.text(english));
        model.addAttribute("office", office);
        model.addAttribute("canSend", office && (m.state() == MeetingState.DRAFT || m.state() == MeetingState.NOTIFIED));
        model.addAttribute("canUpload", viewer.can(Permission.MEETING_EDIT) && (m.state() == MeetingState.DRAFT
                || m.state() == MeetingState.NOTIFIED || m.state() == MeetingState.OPEN));
        model.addAttribute("materialsDue", MeetingNoticeText.date(texts.materialsDue(m), locale));
        model.addAttribute("errors", errors);
        Map<Long, String> names = new HashMap<>();
        if (office) {
            model.addAttribute("receipts", notices.receipts(viewer, id).stream()
                    .map(r -> new ReceiptLine(directory.person(r.personId()).name(english), r)).toList());
        }
        Map<Long, List<String>> readersByMaterial = office ? materials.readings(viewer, id).stream()
                .collect(Collectors.groupingBy(MeetingMaterials.Reading::materialId, LinkedHashMap::new,
                        Collectors.mapping(r -> names.computeIfAbsent(r.accountId(), a -> accountName(a, english)),
                                Collectors.toList())))
                : Map.of();
        Map<Long, List<MeetingMaterials.Material>> byItem = materials.of(id).stream()
                .collect(Collectors.groupingBy(MeetingMaterials.Material::itemId));
        model.addAttribute("items", m.items().stream().map(i -> new ItemMaterials(i, i.title(english),
                byItem.getOrDefault(i.id(), List.of()).reversed(), readersByMaterial)).toList());
        model.addAttribute("accepted", MeetingMaterials.ACCEPTED);
        model.addAttribute("maxMb", materials.maxBytes() / (1024 * 1024));
    }

    private String accountName(long accountId, boolean english) {
        Account a = accounts.account(accountId);
        if (a.personId() != null) {
            return directory.person(a.personId()).name(english);
        }
        return a.displayName() != null && !a.displayName().isBlank() ? a.displayName() : a.username();
    }

    @PostMapping("/meetings/{id}/notice")
    @PreAuthorize("hasAuthority('meeting:run')")
    String send(@PathVariable long id, Model model, Locale locale) {
        try {
            notices.send(Viewers.current(), id);
        } catch (InvalidInput e) {
            page(Viewers.current(), id, model, locale, resolve(e, locale));
            return "meetings/notice";
        }
        return "redirect:/meetings/" + id + "/notice?saved";
    }

    @PostMapping("/meetings/{id}/items/{itemId}/materials")
    @PreAuthorize("hasAuthority('meeting:edit')")
    String upload(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) MultipartFile file,
            Model model, Locale locale) throws IOException {
        try {
            materials.upload(Viewers.current(), id, itemId, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
        } catch (InvalidInput e) {
            page(Viewers.current(), id, model, locale, resolve(e, locale));
            return "meetings/notice";
        }
        return "redirect:/meetings/" + id + "/notice?saved#item-" + itemId;
    }

    @GetMapping("/meetings/materials/{materialId}")
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    ResponseEntity<byte[]> download(@PathVariable long materialId) {
        MeetingMaterials.Content c = materials.read(Viewers.current(), materialId, notices);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.material().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.material().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(c.bytes());
    }

    @GetMapping("/meetings/{id}/notice.ics")
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    ResponseEntity<String> invitation(@PathVariable long id) {
        if (!notices.readableBy(Viewers.current(), id) || notices.sent(id).isEmpty()) {
            throw new org.yishi.platform.NotFound("kind.meeting", id);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meeting-" + id + ".ics\"")
                .body(mails.invitation(id));
    }

    /** A notice in the inbox, with its meeting's heading. */
    record InboxEntry(MeetingNotices.InboxLine line, String heading, Meeting meeting) {
    }

    @GetMapping("/meetings/inbox")
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    String inbox(Model model, Locale locale) {
        model.addAttribute("entries", notices.inbox(Viewers.current()).stream().map(l -> {
            Meeting m = meetings.meeting(l.meetingId());
            return new InboxEntry(l, titles.heading(m, locale), m);
        }).toList());
        return "meetings/inbox";
    }

    /** The badge in the navigation: unread meeting notices. */
    @GetMapping("/meetings/inbox/bell")
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    String bell(Model model) {
        model.addAttribute("unread", notices.unread(Viewers.current()));
        return "meetings/inbox :: bell";
    }

    private List<String> resolve(InvalidInput e, Locale locale) {
        return e.violations().stream().map(v -> Messages.resolve(messages, v, locale)).toList();
    }
}
