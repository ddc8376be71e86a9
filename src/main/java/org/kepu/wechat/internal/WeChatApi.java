package org.kepu.wechat.internal;

import java.util.concurrent.Callable;

import io.lettuce.core.api.StatefulRedisConnection;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.kepu.platform.ProblemException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The account's WxJava client, or nothing when {@code kepu.wechat} is not configured. WxJava blocks (Apache HTTP
 * client, Redis token store), so every call runs on this module's own bounded pool ({@code kepu.wechat.api-threads}),
 * never on an event loop, and a slow WeChat cannot take the threads other modules block on.
 */
@Component
class WeChatApi implements DisposableBean {

    /** A blocking WxJava call. */
    @FunctionalInterface
    interface Call<T> {
        T call(WxMpService service) throws WxErrorException;
    }

    private final WeChatProperties properties;
    private final WxMpService service;
    private final Scheduler scheduler;

    WeChatApi(WeChatProperties properties, StatefulRedisConnection<String, String> redis) {
        this.properties = properties;
        if (properties.configured()) {
            this.service = new SharedTokenWxMpService();
            this.service.setWxMpConfigStorage(new RedisTokenStore(properties, redis.sync()));
        } else {
            this.service = null;
        }
        this.scheduler = Schedulers.newBoundedElastic(Math.max(1, properties.apiThreads()), 1000, "wechat-api");
    }

    boolean configured() {
        return service != null;
    }

    WeChatProperties properties() {
        return properties;
    }

    /** The service; 503 {@code wechat-not-configured} when off. Its API calls block: make them through {@link #call}. */
    WxMpService service() {
        if (service == null) {
            throw notConfigured();
        }
        return service;
    }

    static ProblemException notConfigured() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "wechat-not-configured");
    }

    /** Runs a WxJava call off the event loop; WeChat's errors become {@link WeChatApiException}. */
    <T> Mono<T> call(Call<T> call) {
        return Mono.fromCallable(() -> {
            try {
                return call.call(service());
            } catch (WxErrorException e) {
                int code = e.getError() == null ? WeChatApiException.UNREACHABLE : e.getError().getErrorCode();
                String message = e.getError() == null ? e.getMessage() : e.getError().getErrorMsg();
                throw new WeChatApiException(code == 0 ? WeChatApiException.UNREACHABLE : code, message, e);
            } catch (WxRuntimeException e) {
                throw new WeChatApiException(WeChatApiException.UNREACHABLE, e.getMessage(), e);
            }
        }).subscribeOn(scheduler);
    }

    /**
     * Other blocking work (XML, crypto of callbacks) on the shared bounded elastic scheduler, so replies never wait
     * behind slow API calls.
     */
    <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
