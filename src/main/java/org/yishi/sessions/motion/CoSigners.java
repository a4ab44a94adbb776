package org.yishi.sessions.motion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yishi.sessions.roster.AssemblyTerm;

/**
 * How many deputies must sign a motion they submit jointly: ten at county level, five at township level [law: Local
 * Organic Law art. 22], configurable ({@code yishi.sessions.motion.co-signers.county}, {@code .township}) for a body
 * whose rules differ.
 */
@Component
class CoSigners {

    private final int county;
    private final int township;

    CoSigners(@Value("${yishi.sessions.motion.co-signers.county:10}") int county,
            @Value("${yishi.sessions.motion.co-signers.township:5}") int township) {
        if (county < 1 || township < 1) {
            throw new IllegalArgumentException("a motion needs at least one co-signer: " + county + ", " + township);
        }
        this.county = county;
        this.township = township;
    }

    int required(AssemblyTerm.Level level) {
        return level == AssemblyTerm.Level.TOWNSHIP ? township : county;
    }
}
