package org.kepu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(KepuApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void everyDesignedModuleExists() {
        assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
                .containsExactlyInAnyOrder("org.kepu.content", "org.kepu.media", "org.kepu.review", "org.kepu.search",
                        "org.kepu.rumor", "org.kepu.event", "org.kepu.wechat", "org.kepu.org", "org.kepu.assessment",
                        "org.kepu.site", "org.kepu.identity", "org.kepu.notification", "org.kepu.platform", "org.kepu.console");
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> diagrams = Files.list(Path.of("docs/modules"))) {
            for (Path diagram : diagrams.filter(file -> file.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, inStableOrder(Files.readAllLines(diagram)));
            }
        }
    }

    /**
     * The documenter lists components and relations in hash order, which changes from run to run; runs of
     * {@code Component(…)} and {@code Rel(…)} lines are sorted so an unchanged module map leaves no diff.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> ordered = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = line.strip().startsWith("Component(") ? "component" : line.startsWith("Rel(") ? "relation" : null;
            if (runKind != null && !runKind.equals(kind)) {
                run.sort(null);
                ordered.addAll(run);
                run.clear();
            }
            runKind = kind;
            if (kind == null) {
                ordered.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        ordered.addAll(run);
        return ordered;
    }
}
