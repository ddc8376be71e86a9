package org.kepu.platform.internal.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.web.server.Compression;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Adds {@code Vary: Accept-Encoding} to every response of a type the server compresses ({@code server.compression}),
 * so a shared cache or CDN never hands a gzip answer to a client that did not ask for one. The server's
 * compression does not say it itself.
 */
@Component
class VaryAcceptEncodingFilter implements WebFilter, Ordered {

    private final List<MediaType> compressed;

    VaryAcceptEncodingFilter(ServerProperties server) {
        Compression compression = server.getCompression();
        this.compressed = compression.getEnabled()
                ? Arrays.stream(compression.getAllMimeTypes()).map(MediaType::parseMediaType).toList() : List.of();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!compressed.isEmpty()) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                MediaType type = headers.getContentType();
                if (type != null && compressed.stream().anyMatch(candidate -> candidate.isCompatibleWith(type))
                        && headers.getVary().stream().noneMatch(HttpHeaders.ACCEPT_ENCODING::equalsIgnoreCase)) {
                    headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
