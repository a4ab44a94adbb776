package org.yishi.supervision.ledger;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.SerialFormat;
import org.yishi.supervision.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yishi.directory.ProtocolOrder;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.directory.Directory;
import org.yishi.platform.Forms;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Messages;
import org.yishi.platform.XlsxSheet;

/**
 * The ledger page (台账): a filter bar, the table in the conventional layout with each item's warning colour, sortable
 * column heads, paging, the export of what is shown, and the import of a ledger kept in Excel. Filtering, sorting and
 * paging replace only the table (htmx) and keep the address, so a filtered ledger can be bookmarked and shared.
 */
@Controller
@RequestMapping("/supervision/ledger")
class LedgerPages {

    private final Ledger ledger;
    private final LedgerXlsx xlsx;
    private final LedgerImport imports;
    private final Directory directory;
    private final MessageSource messages;
    private final Forms forms;
    private final SerialFormat serials;

    LedgerPages(Ledger ledger, LedgerXlsx xlsx, LedgerImport imports, Directory directory, MessageSource messages,
            Forms forms, SerialFormat serials) {
        this.ledger = ledger;
        this.xlsx = xlsx;
        this.imports = imports;
        this.directory = directory;
        this.messages = messages;
        this.forms = forms;
        this.serials = serials;
    }

    /** A sortable column head: its link, and whether (and how) the ledger is sorted by it now. */
    record Head(String sort, String link, String current) {
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    String ledger(@ModelAttribute LedgerParams params, Model model, Locale locale, HttpServletResponse response,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore) {
        Viewer viewer = Viewers.current();
        LedgerQuery query;
        try {
            query = ledger.query(params);
        } catch (InvalidInput e) {
            // htmx replaces the table only with a successful answer: the problems take the table's place
            response.setStatus(htmx != null && restore == null ? 200 : 400);
            model.addAttribute("errors", e.violations().stream()
                    .map(v -> new Forms.FormError(v.field(), Messages.resolve(messages, v, locale))).toList());
            query = LedgerQuery.all();
            model.addAttribute("refused", true);
        }
        forms.noErrorsYet(model);
        model.addAttribute("query", query);
        LedgerPage page = model.containsAttribute("refused") ? new LedgerPage(List.of(), 0, query.size(), false, 0L)
                : ledger.page(viewer, query, locale);
        model.addAttribute("ledger", page);
        model.addAttribute("first", (long) query.page() * query.size());
        model.addAttribute("heads", heads(query));
        model.addAttribute("previous", query.page() > 0 ? link(query.withPage(query.page() - 1)) : null);
        model.addAttribute("next", page.more() ? link(query.withPage(query.page() + 1)) : null);
        model.addAttribute("pages", page.total() == null ? null : Math.max(1, (page.total() + query.size() - 1) / query.size()));
        model.addAttribute("countLink", page.total() == null
                ? LedgerParams.link("/supervision/ledger/count", query.withPage(0)).encode().build().toUriString() : null);
        model.addAttribute("exportLink", LedgerParams.link("/supervision/ledger/export.xlsx", query.withPage(0))
                .encode().build().toUriString());
        model.addAttribute("canImport", viewer.can(Permission.SUPERVISION_MANAGE));
        if (htmx != null && restore == null) {
            return "supervision/ledger :: results";
        }
        boolean english = "en".equals(locale.getLanguage());
        model.addAttribute("units", selectedFirst(directory.units().stream()
                .sorted(ProtocolOrder.UNITS)
                .map(u -> new LedgerRow.Named(u.id(), english && u.nameEn() != null ? u.nameEn() : u.nameZh())).toList(),
                query.units()));
        model.addAttribute("leaders", selectedFirst(directory.people().stream()
                .map(p -> new LedgerRow.Named(p.id(), p.name(english)))
                .sorted(Comparator.comparing(LedgerRow.Named::name)).toList(), query.leaders()));
        model.addAttribute("states", ItemState.values());
        model.addAttribute("colours", Colour.values());
        model.addAttribute("sources", Source.values());
        return "supervision/ledger";
    }

    @GetMapping("/count")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    String count(@ModelAttribute LedgerParams params, Model model) {
        model.addAttribute("count", ledger.count(Viewers.current(), ledger.query(params)));
        return "supervision/ledger :: count";
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    void export(@ModelAttribute LedgerParams params, Locale locale, HttpServletResponse response) throws IOException {
        xlsx.send(Viewers.current(), ledger.query(params).withPage(0), locale, response);
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String importForm(Model model) {
        importModel(model);
        return "supervision/ledger-import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
            HttpServletResponse response) {
        importModel(model);
        try {
            model.addAttribute("result", imports.importLedger(Viewers.current(), upload(file)));
        } catch (InvalidInput e) {
            response.setStatus(400);
            XlsxSheet.Report report = XlsxSheet.Report.of(e, messages, locale);
            model.addAttribute("fileProblems", report.fileProblems());
            model.addAttribute("rowProblems", report.rowProblems());
        }
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        return "supervision/ledger-import";
    }

    private void importModel(Model model) {
        model.addAttribute("maxSize", imports.maxBytes() / 1024 / 1024);
        model.addAttribute("serialExample", serials.format(java.time.LocalDate.now().getYear(), 12));
    }

    /** The upload as the import reads it; none when no file was sent. */
    static LedgerImport.Upload upload(MultipartFile file) {
        if (file == null) {
            return new LedgerImport.Upload(null, null, -1, null);
        }
        return new LedgerImport.Upload(file.getOriginalFilename(), file.getContentType(), file.getSize(), file);
    }

    /** When several are chosen (a list box), the chosen ones come first, so that they are in sight. */
    private static List<LedgerRow.Named> selectedFirst(List<LedgerRow.Named> all, List<Long> chosen) {
        if (chosen.size() < 2) {
            return all;
        }
        List<LedgerRow.Named> ordered = new ArrayList<>(all.stream().filter(n -> chosen.contains(n.id())).toList());
        all.stream().filter(n -> !chosen.contains(n.id())).forEach(ordered::add);
        return ordered;
    }

    private static String link(LedgerQuery q) {
        var b = LedgerParams.link("/supervision/ledger", q);
        if (q.page() > 0) {
            b.queryParam("page", q.page());
        }
        return b.encode().build().toUriString();
    }

    /** The column heads: sorting by a column first ascends; sorting again by it reverses. */
    private static Map<String, Head> heads(LedgerQuery q) {
        Map<String, Head> heads = new LinkedHashMap<>();
        for (LedgerQuery.Sort s : LedgerQuery.Sort.values()) {
            boolean current = q.effectiveSort() == s;
            LedgerQuery.Direction dir = current && q.effectiveDirection() == LedgerQuery.Direction.ASC
                    ? LedgerQuery.Direction.DESC : LedgerQuery.Direction.ASC;
            heads.put(s.parameter(), new Head(s.parameter(), link(q.withPage(0).sortedBy(s, dir)),
                    current ? (q.effectiveDirection() == LedgerQuery.Direction.ASC ? "ascending" : "descending") : "none"));
        }
        return heads;
    }
}
