package org.kepu.wechat.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Official Account Kepu answers for ({@code kepu.wechat.*}). Without {@code app-id}, {@code secret} and
 * {@code token} the module is off: the callback answers 503 {@code wechat-not-configured} and nothing calls WeChat.
 *
 * @param appId         the account's AppID (开发者ID)
 * @param secret        the AppSecret
 * @param token         the token WeChat signs callbacks with (服务器配置 → 令牌)
 * @param aesKey        the 43-character EncodingAESKey; needed for safe (安全) and compatible mode
 * @param accountType   {@code subscription} (订阅号: one mass send a day) or {@code service} (服务号: four a month)
 * @param apiBaseUrl    where the API lives; tests point it at a local server
 * @param siteBaseUrl   the public site that links in replies and articles point to
 * @param replyDeadline how long a callback may take before it answers {@code success} (WeChat waits 5 s)
 * @param dedupeTtl     how long a delivered message is remembered, so WeChat's retries are handled once
 * @param apiThreads    threads for blocking WxJava calls
 * @param eventReplyTtl how long an answer listing upcoming events may be reused when no event changed
 * @param reminder      event reminders as subscribe messages (订阅通知)
 */
@ConfigurationProperties("kepu.wechat")
public record WeChatProperties(
        String appId,
        String secret,
        String token,
        String aesKey,
        @DefaultValue("subscription") AccountType accountType,
        @DefaultValue("https://api.weixin.qq.com") String apiBaseUrl,
        @DefaultValue("http://localhost:8080") String siteBaseUrl,
        @DefaultValue("4s") Duration replyDeadline,
        @DefaultValue("10m") Duration dedupeTtl,
        @DefaultValue("8") int apiThreads,
        @DefaultValue("30s") Duration eventReplyTtl,
        @DefaultValue("30s") Duration publishCheckInterval,
        @DefaultValue("Asia/Shanghai") String timeZone,
        @DefaultValue Reminder reminder) {

    /**
     * The subscribe-message template (订阅通知) event reminders are sent with, as chosen in the account's console, and
     * the keys of its fields: {@code thing…} values are cut to 20 characters, {@code time…} values read
     * "2026年12月5日 09:00". Without a template id no reminder goes to WeChat (the in-app reminder still does).
     */
    public record Reminder(@DefaultValue("") String templateId, @DefaultValue("thing1") String titleKey,
                           @DefaultValue("time2") String timeKey, @DefaultValue("thing3") String placeKey) {

        public boolean configured() {
            return templateId != null && !templateId.isBlank();
        }
    }

    public enum AccountType { SUBSCRIPTION, SERVICE }

    public boolean configured() {
        return present(appId) && present(secret) && present(token);
    }

    public boolean safeModeAvailable() {
        return present(aesKey);
    }

    /** The site base URL without a trailing slash. */
    public String site() {
        return siteBaseUrl.endsWith("/") ? siteBaseUrl.substring(0, siteBaseUrl.length() - 1) : siteBaseUrl;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
