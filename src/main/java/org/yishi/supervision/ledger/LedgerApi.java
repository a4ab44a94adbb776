package org.yishi.supervision.ledger;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yishi.accounts.Viewers;

/**
 * The ledger (台账) through the API: the supervised items filtered, sorted and paged, their count, the .xlsx export and
 * import. A unit's liaison gets only the items of their unit. Parameters as on the ledger page: {@code unit, state,
 * colour, source, leader} (each may repeat), {@code unitRole} (any | lead: a unit's items it leads or co-operates on,
 * or only those it leads), {@code from, to} (yyyy-MM-dd), {@code dateField} (deadline | received | closed),
 * {@code sort} (serial | deadline | received | unit | state | colour | progress), {@code dir} (asc | desc),
 * {@code page} (from 0), {@code size} (at most 500). A bad value answers 400 naming each bad parameter.
 */
@RestController
@RequestMapping("/api/supervision/items")
@Tag(name = "supervision", description = "Supervised items (督办件) and their workflow")
class LedgerApi {

    private final Ledger ledger;
    private final LedgerXlsx xlsx;
    private final LedgerImport imports;

    LedgerApi(Ledger ledger, LedgerXlsx xlsx, LedgerImport imports) {
        this.ledger = ledger;
        this.xlsx = xlsx;
        this.imports = imports;
    }

    record Imported(int imported, List<String> serials) {
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    @Operation(summary = "The ledger: items filtered, sorted and paged", description = "Without a sort, by serial "
            + "number, newest first (by the filtered date when a date range is given). 'more' tells whether another page "
            + "follows; 'total' is given when known without counting every item, otherwise null (see /count).")
    LedgerPage items(@ModelAttribute LedgerParams params, Locale locale) {
        return ledger.page(Viewers.current(), ledger.query(params), locale);
    }

    @GetMapping("/count")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    @Operation(summary = "How many items match the filters", description = "Counted up to 10,000; 'exact' is false "
            + "when more match.")
    LedgerCount count(@ModelAttribute LedgerParams params) {
        return ledger.count(Viewers.current(), ledger.query(params));
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    @Operation(summary = "The filtered ledger as an Excel workbook", description = "In the conventional layout, "
            + "headers in the caller's language, the warning colours as cell fills; 409 when more than 200,000 items "
            + "match.")
    void export(@ModelAttribute LedgerParams params, Locale locale, HttpServletResponse response) throws IOException {
        xlsx.send(Viewers.current(), ledger.query(params).withPage(0), locale, response);
    }

    @PostMapping(path = "/import", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Import a ledger kept in Excel", description = "A multipart upload, part 'file' (.xlsx, at "
            + "most 10 MB). Every row is checked first; a bad row refuses the whole file (400, each problem naming its "
            + "row) and nothing is imported.")
    Imported importLedger(@RequestParam(name = "file", required = false) MultipartFile file) {
        LedgerImport.Result result = imports.importLedger(Viewers.current(), LedgerPages.upload(file));
        return new Imported(result.imported(), result.serials());
    }
}
