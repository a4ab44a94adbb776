package org.yishi.sessions.motion;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yishi.platform.InputBounds;

/**
 * A motion as submitted: by the presidium, by a delegation (its name), or by deputies jointly (their card numbers,
 * the lead proposer first).
 */
public record MotionDraft(Motion.Proposer proposer, @Schema(maxLength = InputBounds.MAX_NAME) String delegation,
        List<String> signers, @Schema(maxLength = InputBounds.MAX_NAME) String subject,
        @Schema(maxLength = InputBounds.MAX_TEXT) String grounds, @Schema(maxLength = InputBounds.MAX_TEXT) String solution) {
}
