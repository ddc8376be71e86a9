package org.kepu;

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
                        "org.kepu.site", "org.kepu.identity", "org.kepu.notification", "org.kepu.platform");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
