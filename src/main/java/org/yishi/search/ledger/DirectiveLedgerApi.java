package org.yishi.search.ledger;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.accounts.Viewers;

/**
 * The directive ledger (传达学习台账) through the API, as JSON and as an .xlsx workbook. Reading needs
 * {@code meeting:read-all}, as the directives queue does; what the reader may not see (a meeting, an internal or
 * confidential item, another unit's supervised item) is not in it.
 */
@RestController
@RequestMapping("/api/directives/{id}")
@Tag(name = "directives", description = "Central directives queued for study as a meeting's first item")
@PreAuthorize("hasAuthority('meeting:read-all')")
class DirectiveLedgerApi {

    private final DirectiveLedger ledger;
    private final DirectiveLedgerXlsx xlsx;

    DirectiveLedgerApi(DirectiveLedger ledger, DirectiveLedgerXlsx xlsx) {
        this.ledger = ledger;
        this.xlsx = xlsx;
    }

    @GetMapping("/ledger")
    @Operation(summary = "The directive's ledger: every body's meetings that conveyed and studied it",
            description = "The directive as received by every body (same Chinese title, same date of issue). One "
                    + "conveying per meeting item that conveyed it, by date: body, meeting, the item's conclusions as "
                    + "measures, and the supervised items registered from the item with their state. notYetConveyed "
                    + "lists the bodies that received it and have held no meeting conveying it, with the days since it "
                    + "was received. Filters: bodyId, from and to (the meeting's date, yyyy-MM-dd, inclusive); an "
                    + "unknown body or a reversed range answers 400 naming each bad parameter; an unknown directive 404.")
    DirectiveLedgerView ledger(@PathVariable long id, @Parameter(description = "only this body") @RequestParam(required = false) Long bodyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
        return ledger.of(Viewers.current(), id, new DirectiveLedgerView.Filter(bodyId, from, to), locale);
    }

    @GetMapping("/ledger.xlsx")
    @Operation(summary = "The directive's ledger as an Excel workbook",
            description = "The same filters; one row per conveying (directive, body, date, meeting, measures, "
                    + "supervised items, state), then one row per body that has not conveyed it yet. Headers in the "
                    + "caller's language. The export is recorded in the audit log.")
    void export(@PathVariable long id, @RequestParam(required = false) Long bodyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale,
            HttpServletResponse response) throws IOException {
        xlsx.send(ledger.of(Viewers.current(), id, new DirectiveLedgerView.Filter(bodyId, from, to), locale), locale,
                response);
    }
}
