package org.kepu.wechat.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.junit.jupiter.api.Test;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The callback as WeChat's servers use it: URL check, plain and safe-mode messages, retries, broken requests. */
class WeChatCallbackIntegrationTest extends WeChatIntegrationTestBase {

    @Autowired
    RedisReactiveCommands<String, String> redis;
    @Autowired
    Deliveries deliveries;

    @Test
    void urlCheckAnswersEchostrOnlyWithTheRightSignature() {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        web.get().uri("/api/wechat/callback?signature={s}&timestamp={t}&nonce=n0nce&echostr=echo-4711",
                        WeChatWire.sha1(TOKEN, timestamp, "n0nce"), timestamp)
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("echo-4711");
        web.get().uri("/api/wechat/callback?signature={s}&timestamp={t}&nonce=n0nce&echostr=echo-4711",
                        WeChatWire.sha1("another-token", timestamp, "n0nce"), timestamp)
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("wechat-signature-invalid");
        web.get().uri("/api/wechat/callback?echostr=echo-4711").exchange().expectStatus().isForbidden();
    }

    @Test
    void aKeywordFindsPublishedWorksAndRepliesWithOneArticleLinkingToTheSite() {
        String word = "磁悬浮" + nonsense();
        ReviewedWorks reviewed = new ReviewedWorks(web);
        String work = reviewed.article(word + "列车为什么能浮起来");
        reviewed.publish(work);
        String unreviewed = reviewed.article(word + "未审稿件");
        await().atMost(Duration.ofSeconds(30)).until(() -> web.get().uri("/api/search?q={q}", word).exchange()
                .expectBody(String.class).returnResult().getResponseBody().contains(work));

        String reply = deliver(WeChatWire.text("o-follower", ACCOUNT, word, 7_000_000_001L + System.nanoTime() % 1000, now()));

        assertThat(WeChatWire.field(reply, "MsgType")).isEqualTo("news");
        assertThat(WeChatWire.field(reply, "ToUserName")).isEqualTo("o-follower");
        assertThat(WeChatWire.field(reply, "FromUserName")).isEqualTo(ACCOUNT);
        assertThat(WeChatWire.field(reply, "ArticleCount")).isEqualTo("1");
        assertThat(reply).contains(word + "列车为什么能浮起来").contains("<Url><![CDATA[https://kepu.example.org/works/" + work + "]]></Url>")
                .doesNotContain("未审稿件").doesNotContain(unreviewed);
    }

    @Test
    void aQuestionAboutAKnownRumorIsAnsweredWithItsRebuttal() {
        await().atMost(Duration.ofSeconds(60)).until(() -> web.get().uri("/rumors/overnight-vegetables-cancer").exchange()
                .returnResult(byte[].class).getStatus().value() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> WeChatWire.field(
                deliver(WeChatWire.text("o-follower", ACCOUNT, "隔夜菜会致癌吗", 7_200_000_000L + System.nanoTime() % 1_000_000, now())),
                "MsgType").equals("news"));

        String reply = deliver(WeChatWire.text("o-follower", ACCOUNT, "隔夜菜会致癌吗", 7_300_000_000L + System.nanoTime() % 1_000_000, now()));

        assertThat(WeChatWire.field(reply, "ArticleCount")).isEqualTo("1");
        assertThat(reply).contains("【科学辟谣·不准确】隔夜菜含有大量亚硝酸盐，吃了会致癌。")
                .contains("<Url><![CDATA[https://kepu.example.org/rumors/overnight-vegetables-cancer]]></Url>");
    }

    @Test
    void wordsThatFindNothingGetAPoliteText() {
        String reply = deliver(WeChatWire.text("o-follower", ACCOUNT, nonsense(), 7_100_000_000L + System.nanoTime() % 100000, now()));
        assertThat(WeChatWire.field(reply, "MsgType")).isEqualTo("text");
        assertThat(WeChatWire.field(reply, "Content")).startsWith("没有找到与“qzx");
    }

    @Test
    void safeModeMessagesAreDecryptedAndTheReplyIsEncryptedForTheAccount() {
        String reply = deliverEncrypted(WeChatWire.event("o-new-follower", ACCOUNT, "subscribe", now(), ""));

        assertThat(WeChatWire.field(reply, "MsgType")).isEqualTo("text");
        assertThat(WeChatWire.field(reply, "ToUserName")).isEqualTo("o-new-follower");
        assertThat(WeChatWire.field(reply, "Content")).startsWith("欢迎关注").contains("回复“活动”");
    }

    @Test
    void aRetriedDeliveryGetsTheSameReplyAndIsHandledOnce() {
        long msgId = 7_200_000_000L + System.nanoTime() % 100000;
        String message = WeChatWire.text("o-follower", ACCOUNT, nonsense(), msgId, now());
        String first = deliver(message);
        String retry = deliverEncrypted(message);
        assertThat(retry).isEqualTo(first);
        assertThat(redis.get("kepu:wechat:delivery:" + ACCOUNT + ":msg:" + msgId).block()).isEqualTo(first);
        assertThat(redis.pttl("kepu:wechat:delivery:" + ACCOUNT + ":msg:" + msgId).block()).isPositive();
    }

    @Test
    void concurrentDeliveriesComputeTheReplyOnce() {
        AtomicInteger computed = new AtomicInteger();
        String key = "test:" + UUID.randomUUID();
        List<String> replies = Flux.range(0, 4)
                .flatMap(i -> deliveries.once(key, Duration.ofMinutes(1), Duration.ofSeconds(3),
                        () -> Mono.delay(Duration.ofMillis(300)).map(tick -> "reply-" + computed.incrementAndGet())))
                .collectList().block();
        assertThat(computed).hasValue(1);
        assertThat(replies).containsOnly("reply-1");
    }

    @Test
    void aRetryAtAnotherInstanceWaitsForTheReplyBeingComputedAndAnEmptyReplyIsKept() {
        Deliveries otherInstance = new Deliveries(redis);
        AtomicInteger computed = new AtomicInteger();
        String key = "test:" + UUID.randomUUID();
        Mono<String> first = deliveries.once(key, Duration.ofMinutes(1), Duration.ofSeconds(3),
                () -> Mono.delay(Duration.ofMillis(400)).map(tick -> "reply-" + computed.incrementAndGet()));
        Mono<String> retry = Mono.delay(Duration.ofMillis(100)).then(otherInstance.once(key, Duration.ofMinutes(1), Duration.ofSeconds(3),
                () -> Mono.just("again-" + computed.incrementAndGet())));
        assertThat(Flux.merge(first, retry).collectList().block()).containsExactly("reply-1", "reply-1");
        assertThat(computed).hasValue(1);

        String silent = "test:" + UUID.randomUUID();
        assertThat(deliveries.once(silent, Duration.ofMinutes(1), Duration.ofSeconds(3), Mono::empty).block()).isEqualTo(Deliveries.NO_REPLY);
        assertThat(otherInstance.once(silent, Duration.ofMinutes(1), Duration.ofSeconds(3), () -> Mono.just("acted again")).block())
                .isEqualTo(Deliveries.NO_REPLY);
    }

    @Test
    void aLateReplyIsAnsweredWithSuccessAndDeliveredToWeChatsRetry() {
        AtomicInteger computed = new AtomicInteger();
        String key = "test:" + UUID.randomUUID();
        String first = deliveries.once(key, Duration.ofMinutes(1), Duration.ofMillis(200),
                () -> Mono.delay(Duration.ofMillis(800)).map(tick -> "late-" + computed.incrementAndGet())).block();
        assertThat(first).isEqualTo(Deliveries.NO_REPLY);
        await().atMost(Duration.ofSeconds(5)).until(() -> "late-1".equals(redis.get("kepu:wechat:delivery:" + key).block()));
        String retry = deliveries.once(key, Duration.ofMinutes(1), Duration.ofMillis(200), () -> Mono.just("again-" + computed.incrementAndGet())).block();
        assertThat(retry).isEqualTo("late-1");
        assertThat(computed).hasValue(1);
    }

    @Test
    void anEventThatNeedsNoReplyIsAnsweredSuccess() {
        // A VIEW (menu link) event has no reply. A reply that misses the deadline is answered the same way: Deliveries
        // turns it into NO_REPLY (aLateReplyIsAnsweredWithSuccessAndDeliveredToWeChatsRetry), which the controller sends as "success".
        String reply = deliver(WeChatWire.event("o-follower", ACCOUNT, "VIEW", now(), "<EventKey><![CDATA[https://kepu.example.org]]></EventKey>"));
        assertThat(reply).isEqualTo("success");
    }

    @Test
    void brokenXmlIs400AndStoresNothing() {
        long before = deliveryKeys();
        for (String body : List.of("<xml><ToUserName>gh</ToUserName><FromUserName>o", "not xml at all",
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Content>&x;</Content></xml>",
                "<xml><ToUserName><![CDATA[gh]]></ToUserName><MsgType><![CDATA[text]]></MsgType></xml>")) {
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            web.post().uri("/api/wechat/callback?signature={s}&timestamp={t}&nonce=abc", WeChatWire.sha1(TOKEN, timestamp, "abc"), timestamp)
                    .contentType(MediaType.TEXT_XML).bodyValue(body)
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("wechat-message-invalid");
        }
        assertThat(deliveryKeys()).isEqualTo(before);
    }

    @Test
    void wrongSignaturesAre403() {
        String message = WeChatWire.text("o-follower", ACCOUNT, "活动", 7_300_000_000L, now());
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        web.post().uri("/api/wechat/callback?signature={s}&timestamp={t}&nonce=abc", WeChatWire.sha1("wrong", timestamp, "abc"), timestamp)
                .contentType(MediaType.TEXT_XML).bodyValue(message)
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("wechat-signature-invalid");
        String encrypted = WeChatWire.encrypt(AES_KEY, FakeWeChat.APP_ID, message);
        web.post().uri("/api/wechat/callback?signature={s}&timestamp={t}&nonce=abc&encrypt_type=aes&msg_signature={m}",
                        WeChatWire.sha1(TOKEN, timestamp, "abc"), timestamp, WeChatWire.sha1(TOKEN, timestamp, "abc", encrypted + "x"))
                .contentType(MediaType.TEXT_XML).bodyValue(WeChatWire.envelope(ACCOUNT, encrypted))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("wechat-signature-invalid");
        assertThat(redis.exists("kepu:wechat:delivery:" + ACCOUNT + ":msg:7300000000").block()).isZero();
    }

    private long deliveryKeys() {
        List<String> keys = new ArrayList<>();
        redis.keys("kepu:wechat:delivery:*").doOnNext(keys::add).blockLast();
        return keys.size();
    }

    /** Letters only: the analyzer splits a mix of letters and digits into single characters that other works contain. */
    private static String nonsense() {
        return "qzx" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    private static long now() {
        return Instant.now().getEpochSecond() + System.nanoTime() % 1000;
    }
}
