package org.kepu.platform.internal.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.kepu.platform.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Refuses a body larger than its path allows with 413, from the declared length when there is
 * one and by counting streamed bytes when the body is chunked.
 */
@Component
class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final DataSize defaultLimit;
    private final Map<PathPattern, DataSize> overrides;

    RequestSizeLimitFilter(WebLimitsProperties properties) {
        this.defaultLimit = properties.maxRequestSize();
        this.overrides = properties.requestSizeOverrides().entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        e -> PathPatternParser.defaultInstance.parse(e.getKey()), Map.Entry::getValue));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limitFor(exchange.getRequest().getPath().pathWithinApplication()).toBytes();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(tooLarge(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private DataSize limitFor(PathContainer path) {
        return overrides.entrySet().stream()
                .filter(entry -> entry.getKey().matches(path))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(defaultLimit);
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", DataSize.ofBytes(limit).toMegabytes() > 0
                ? DataSize.ofBytes(limit).toMegabytes() + " MB" : DataSize.ofBytes(limit).toKilobytes() + " KB");
    }
}
