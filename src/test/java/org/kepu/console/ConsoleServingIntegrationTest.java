package org.kepu.console;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The console is one page for every screen's address, revalidated, with assets kept for good. */
@KepuIntegrationTest
class ConsoleServingIntegrationTest {

    @Autowired
    WebTestClient web;

    @Test
    void everyScreenAddressServesTheConsolePageWhichIsRevalidated() {
        web.get().uri("/console").exchange().expectStatus().isPermanentRedirect()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/console/");
        for (String screen : new String[] {"/console/", "/console/sign-in", "/console/works/5b1d0c6e-0000-4000-8000-000000000000"}) {
            String page = web.get().uri(screen).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("<div id=\"app\"></div>").containsPattern("/console/assets/index-[\\w-]+\\.js");
        }
    }

    @Test
    void hashedAssetsAreImmutableAndAMissingAssetIsNotThePage() {
        String page = web.get().uri("/console/").exchange().expectBody(String.class).returnResult().getResponseBody();
        String script = page.replaceAll("(?s).*src=\"(/console/assets/index-[\\w-]+\\.js)\".*", "$1");
        web.get().uri(script).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable");
        web.get().uri("/console/assets/index-missing.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void theConsoleIsNoSitePageAndNeedsNoSignInToLoad() {
        web.get().uri("/console/review").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ETAG);
    }
}
