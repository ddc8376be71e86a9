package org.kepu.platform.internal.web;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

@KepuIntegrationTest
@Import(WebBasicsIntegrationTest.Probes.class)
class WebBasicsIntegrationTest {

    static final AtomicReference<Throwable> blockingFailure = new AtomicReference<>();

    @Autowired
    WebTestClient anonymous;

    WebTestClient web;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        web = anonymous.mutate().defaultHeaders(h -> h.setBasicAuth("admin", "test-admin-password")).build();
    }

    @TestConfiguration
    static class Probes {
        /** Echoes a body, and sleeps on the request thread when asked to: a blocking call on a Netty thread. */
        @Bean
        RouterFunction<ServerResponse> probeRoutes() {
            return RouterFunctions.route()
                    .POST("/api/test/echo", request -> request.bodyToMono(String.class)
                            .flatMap(body -> ServerResponse.ok().bodyValue(body.length())))
                    .GET("/**/test/block", request -> {
                        try {
                            Thread.sleep(10);
                        } catch (Throwable error) {
                            blockingFailure.set(error);
                            return Mono.error(error);
                        }
                        return ServerResponse.ok().bodyValue("slept");
                    })
                    .build();
        }
    }

    @Test
    void unknownPathIsAProblemInChineseByDefault() {
        web.get().uri("/does-not-exist").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("未找到")
                .jsonPath("$.detail").isEqualTo("您访问的内容不存在或已被移除。")
                .jsonPath("$.instance").isEqualTo("/does-not-exist");
    }

    @Test
    void problemsSpeakEnglishWhenAsked() {
        web.get().uri("/does-not-exist").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.detail").isEqualTo("The requested content does not exist or was removed.");
    }

    @Test
    void anOversizeBodyIsRefusedFromItsDeclaredLength() {
        byte[] body = new byte[3 * 1024 * 1024];
        web.post().uri("/api/test/echo").contentType(MediaType.TEXT_PLAIN).bodyValue(body).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.code").isEqualTo("request-too-large")
                .jsonPath("$.detail").isEqualTo("请求内容过大：此地址最多接受 2 MB。");
    }

    @Test
    void anOversizeChunkedBodyIsRefusedWhileStreaming() {
        Flux<DataBuffer> chunks = Flux.range(0, 48).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
        web.post().uri("/api/test/echo").contentType(MediaType.TEXT_PLAIN)
                .body(BodyInserters.fromDataBuffers(chunks)).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("request-too-large");
    }

    @Test
    void aBodyWithinTheLimitPasses() {
        web.post().uri("/api/test/echo").contentType(MediaType.TEXT_PLAIN).bodyValue("科普".repeat(1000)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("2000");
    }

    @Test
    void aBlockingCallOnANettyThreadIsCaught() {
        blockingFailure.set(null);
        anonymous.get().uri("/test/block").exchange().expectStatus().is5xxServerError();
        assertThat(blockingFailure.get()).isNotNull();
        assertThat(blockingFailure.get().getClass().getName()).isEqualTo("reactor.blockhound.BlockingOperationError");
    }

    @Test
    void aBlockingCallAfterSignInIsCaughtToo() {
        blockingFailure.set(null);
        web.get().uri("/api/test/block").exchange().expectStatus().is5xxServerError();
        assertThat(blockingFailure.get()).isNotNull();
        assertThat(blockingFailure.get().getClass().getName()).isEqualTo("reactor.blockhound.BlockingOperationError");
    }

    @Test
    void adminCallsWithoutCredentialsAreRefused() {
        anonymous.get().uri("/api/admin/jobs").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("请先登录后再进行此操作。");
        anonymous.get().uri("/api/admin/jobs").headers(h -> h.setBasicAuth("admin", "wrong")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        // The document is built in the background at start; a request during that build waits for it.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                web.get().uri("/v3/api-docs").exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.paths['/api/admin/jobs']").exists());
    }

    @Test
    void prometheusMetricsAreExposed() {
        String metrics = web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }
}
