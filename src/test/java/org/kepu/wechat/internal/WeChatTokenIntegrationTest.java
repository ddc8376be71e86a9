package org.kepu.wechat.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** One access token for every instance, kept in Redis; a token WeChat rejects is replaced once and the call retried. */
class WeChatTokenIntegrationTest extends WeChatIntegrationTestBase {

    @Autowired
    WeChatProperties properties;
    @Autowired
    StatefulRedisConnection<String, String> redis;
    @Autowired
    WeChatApi api;

    @AfterEach
    void noDelay() {
        WECHAT.tokenDelay(0);
    }

    @Test
    void twoInstancesRacingFetchOneToken() throws Exception {
        WeChatApi first = new WeChatApi(properties, redis);
        WeChatApi second = new WeChatApi(properties, redis);
        try {
            redis.sync().del(((RedisTokenStore) first.service().getWxMpConfigStorage()).tokenKey());
            WECHAT.tokenDelay(400);
            int before = WECHAT.tokenFetches();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<String>> tokens = List.of(first, second, first, second).stream()
                    .map(instance -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                            return instance.service().getAccessToken();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })).toList();
            start.countDown();
            List<String> got = tokens.stream().map(token -> token.orTimeout(20, TimeUnit.SECONDS).join()).toList();

            assertThat(WECHAT.tokenFetches() - before).as("token fetches").isEqualTo(1);
            assertThat(got).hasSize(4).containsOnly(got.get(0));
            assertThat(api.service().getAccessToken()).as("the application's own client shares it").isEqualTo(got.get(0));
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    @Test
    void aRevokedOrExpiredTokenIsReplacedOnceAndTheCallRetried() {
        for (int code : new int[] {40001, 42001}) {
            api.call(service -> service.getDraftService().listDraft(0, 1, 1)).block();
            int fetches = WECHAT.tokenFetches();
            long calls = draftListCalls();
            WECHAT.revokeTokens(code);

            assertThat(api.call(service -> service.getDraftService().listDraft(0, 1, 1)).block()).isNotNull();
            assertThat(WECHAT.tokenFetches() - fetches).as("refreshed once after " + code).isEqualTo(1);
            assertThat(draftListCalls() - calls).as("the call and one retry after " + code).isEqualTo(2);
        }
    }

    private long draftListCalls() {
        synchronized (WECHAT.calls) {
            return WECHAT.calls.stream().filter("POST /cgi-bin/draft/batchget"::equals).count();
        }
    }
}
