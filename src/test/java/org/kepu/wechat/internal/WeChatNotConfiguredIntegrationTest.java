package org.kepu.wechat.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without an account configured the application starts, and the WeChat endpoints say so instead of failing. */
@KepuIntegrationTest
@TestPropertySource(properties = {"kepu.wechat.app-id=", "kepu.wechat.secret=", "kepu.wechat.token="})
class WeChatNotConfiguredIntegrationTest {

    @Autowired
    WebTestClient web;

    @Test
    void theCallbackAndTheConsoleAnswer503WechatNotConfigured() {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        web.get().uri("/api/wechat/callback?signature=x&timestamp={t}&nonce=n&echostr=e", timestamp).exchange()
                .expectStatus().isEqualTo(503).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("wechat-not-configured");
        web.post().uri("/api/wechat/callback?signature=x&timestamp={t}&nonce=n", timestamp).contentType(MediaType.TEXT_XML)
                .bodyValue("<xml/>").exchange()
                .expectStatus().isEqualTo(503).expectBody().jsonPath("$.code").isEqualTo("wechat-not-configured");
        WebTestClient editor = new ReviewedWorks(web).as("demo-editor");
        editor.get().uri("/api/wechat/mass-quota").exchange().expectStatus().isEqualTo(503);
        editor.post().uri("/api/wechat/publications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"kind\":\"month\",\"subject\":\"2026-09\"}").exchange()
                .expectStatus().isEqualTo(503).expectBody().jsonPath("$.code").isEqualTo("wechat-not-configured");
    }
}
