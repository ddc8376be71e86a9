package org.kepu.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's TypeScript types are generated from {@code frontend/console/openapi.json} and its code is
 * type-checked against them at build time; this test keeps that file equal to what the server describes, so
 * the console and the API cannot drift apart unnoticed. After a deliberate API change, run this test with
 * {@code -Dkepu.openapi.write=true} to rewrite the file, then rebuild the console.
 */
@KepuIntegrationTest
class ConsoleApiContractIntegrationTest {

    private static final Path CONTRACT = Path.of("frontend", "console", "openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Autowired
    WebTestClient web;

    @Test
    void theConsolesApiDescriptionMatchesTheServer() throws IOException {
        // Until the document built at start is ready, a request waits on springdoc's lock, which BlockHound refuses (500).
        String served = canonical(await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var result = web.get().uri("/v3/api-docs").exchange().expectBody(String.class).returnResult();
            return result.getStatus().is2xxSuccessful() ? result.getResponseBody() : null;
        }, body -> body != null));
        Files.writeString(Path.of("target", "openapi.json"), served, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("kepu.openapi.write")) {
            Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(CONTRACT) ? Files.readString(CONTRACT, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("%s differs from the served API (the current one is in target/openapi.json); "
                        + "rerun this test with -Dkepu.openapi.write=true and rebuild the console", CONTRACT)
                .isEqualTo(served);
    }

    /** Sorted keys and no server address (the port differs per run). */
    private static String canonical(String document) {
        JsonNode tree = JSON.readTree(document);
        ((ObjectNode) tree).remove("servers");
        Object sorted = JSON.treeToValue(tree, Object.class);
        return JSON.writeValueAsString(sorted) + "\n";
    }
}
