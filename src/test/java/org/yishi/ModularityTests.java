package org.yishi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries hold: no cycles, and modules use only each other's API (root package). */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(YishiApplication.class).verify();
    }
}
