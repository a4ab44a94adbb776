package org.yishi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold: no cycles, and modules use only each other's API (root package). The module diagrams
 * in {@code docs/modules} (PlantUML, C4 style) are written again from the code by each run; commit them with the change
 * that moved a boundary.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(YishiApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theModuleDiagramsAreWrittenIntoDocs() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Path all = Path.of("docs/modules/components.puml");
        assertThat(all).exists();
        assertThat(Files.readString(all)).contains("Meetings").contains("Supervision").contains("Directory");
    }
}
