package org.yishi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
        try (Stream<Path> files = Files.list(Path.of("docs/modules"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(f, relationsInOrder(Files.readAllLines(f)));
            }
        }
        Path all = Path.of("docs/modules/components.puml");
        assertThat(all).exists();
        assertThat(Files.readString(all)).contains("Meetings").contains("Supervision").contains("Directory");
    }

    /**
     * The diagram with each run of relations ({@code Rel(…)} lines) sorted: the Documenter writes them in no fixed
     * order, and a diagram that changes on every run buries the change that moved a boundary.
     */
    private static List<String> relationsInOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                run.add(line);
                continue;
            }
            run.sort(null);
            out.addAll(run);
            run.clear();
            out.add(line);
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }
}
