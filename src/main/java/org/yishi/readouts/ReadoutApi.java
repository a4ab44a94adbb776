package org.yishi.readouts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/meetings")
@Tag(name = "readouts", description = "Press readouts of meetings")
@PreAuthorize("hasAuthority('readout:read')")
class ReadoutApi {

    private final Readouts readouts;

    ReadoutApi(Readouts readouts) {
        this.readouts = readouts;
    }

    @GetMapping(path = "/{id}/readout", produces = "text/plain;charset=UTF-8")
    @Operation(summary = "The meeting's press readout as plain text",
            description = "Paragraphs separated by a blank line. 404 for an unknown meeting; 409 when wording in the "
                    + "language asked for is missing, listing what is missing.")
    String readout(@PathVariable long id,
            @Parameter(description = "zh (default) or en") @RequestParam(defaultValue = "zh") String lang) {
        return readouts.readout(id, Language.of(lang)).text();
    }
}
