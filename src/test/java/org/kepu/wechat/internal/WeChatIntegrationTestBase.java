package org.kepu.wechat.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The application with its WeChat API pointed at one {@link FakeWeChat} per test JVM; every subclass shares this
 * context. Requests to the callback are built as WeChat builds them ({@link WeChatWire}).
 */
@KepuIntegrationTest
abstract class WeChatIntegrationTestBase {

    static final String TOKEN = "kepu-test-token";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String ACCOUNT = "gh_kepu0000001";
    static final FakeWeChat WECHAT = start();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void wechat(DynamicPropertyRegistry registry) {
        registry.add("kepu.wechat.api-base-url", WECHAT::url);
    }

    private static FakeWeChat start() {
        try {
            FakeWeChat wechat = new FakeWeChat();
            Runtime.getRuntime().addShutdownHook(new Thread(wechat::close));
            return wechat;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers a plain message as WeChat does; the reply body. */
    String deliver(String xml) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().substring(0, 10);
        return web.post().uri(uri -> uri.path("/api/wechat/callback").queryParam("signature", WeChatWire.sha1(TOKEN, timestamp, nonce))
                        .queryParam("timestamp", timestamp).queryParam("nonce", nonce).queryParam("openid", "o-follower").build())
                .contentType(MediaType.TEXT_XML).bodyValue(xml.getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** Delivers a message in safe mode as WeChat does; the decrypted reply, or {@code success}. */
    String deliverEncrypted(String xml) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().substring(0, 10);
        String encrypted = WeChatWire.encrypt(AES_KEY, FakeWeChat.APP_ID, xml);
        String reply = web.post().uri(uri -> uri.path("/api/wechat/callback").queryParam("signature", WeChatWire.sha1(TOKEN, timestamp, nonce))
                        .queryParam("timestamp", timestamp).queryParam("nonce", nonce).queryParam("openid", "o-follower")
                        .queryParam("encrypt_type", "aes").queryParam("msg_signature", WeChatWire.sha1(TOKEN, timestamp, nonce, encrypted)).build())
                .contentType(MediaType.TEXT_XML).bodyValue(WeChatWire.envelope(ACCOUNT, encrypted).getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        if ("success".equals(reply)) {
            return reply;
        }
        String cipher = WeChatWire.field(reply, "Encrypt");
        if (!WeChatWire.sha1(TOKEN, WeChatWire.field(reply, "TimeStamp"), WeChatWire.field(reply, "Nonce"), cipher)
                .equals(WeChatWire.field(reply, "MsgSignature"))) {
            throw new AssertionError("The reply's MsgSignature does not match: " + reply);
        }
        return WeChatWire.decrypt(AES_KEY, FakeWeChat.APP_ID, cipher);
    }
}
