package org.kepu.wechat.internal;

import java.time.Duration;
import java.util.concurrent.locks.Lock;

import io.lettuce.core.api.sync.RedisCommands;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * WxJava's account configuration with the access token kept in Redis, so every instance shares one token: it lives
 * under {@code kepu:wechat:<appId>:access-token} and expires a little before WeChat's own expiry. The refresh lock is
 * a {@link RedisLeaseLock}. The token is the only shared state; the rest is this instance's configuration.
 */
class RedisTokenStore extends WxMpDefaultConfigImpl {

    /** Refresh this long before WeChat's expiry (it gives 7200 s), so no call goes out with a token about to lapse. */
    static final int EARLY_SECONDS = 300;

    private final transient RedisCommands<String, String> redis;
    private final String tokenKey;
    private final transient Lock lock;

    RedisTokenStore(WeChatProperties properties, RedisCommands<String, String> redis) {
        this.redis = redis;
        this.appId = properties.appId();
        this.secret = properties.secret();
        this.token = properties.token();
        this.aesKey = properties.aesKey();
        this.tokenKey = "kepu:wechat:" + properties.appId() + ":access-token";
        this.lock = new RedisLeaseLock(redis, "kepu:wechat:" + properties.appId() + ":token-lock", Duration.ofSeconds(15));
        this.maxRetryTimes = 1;
        this.retrySleepMillis = 500;
        String api = properties.apiBaseUrl().endsWith("/") ? properties.apiBaseUrl().substring(0, properties.apiBaseUrl().length() - 1)
                : properties.apiBaseUrl();
        setHostConfig(new WxMpHostConfig(api, null, null));
    }

    String tokenKey() {
        return tokenKey;
    }

    @Override
    public String getAccessToken() {
        return redis.get(tokenKey);
    }

    @Override
    public boolean isAccessTokenExpired() {
        return redis.get(tokenKey) == null;
    }

    @Override
    public synchronized void updateAccessToken(WxAccessToken accessToken) {
        updateAccessToken(accessToken.getAccessToken(), accessToken.getExpiresIn());
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        redis.setex(tokenKey, Math.max(60, expiresInSeconds - EARLY_SECONDS), accessToken);
    }

    @Override
    public void expireAccessToken() {
        redis.del(tokenKey);
    }

    @Override
    public Lock getAccessTokenLock() {
        return lock;
    }
}
