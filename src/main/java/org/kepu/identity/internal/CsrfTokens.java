package org.kepu.identity.internal;

import org.kepu.platform.PlatformProperties;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * CSRF tokens by double submit: the token lives in the {@code XSRF-TOKEN} cookie, which the console's
 * JavaScript reads (not HttpOnly) and echoes in the {@code X-XSRF-TOKEN} header. Another site can make
 * the browser send the cookie but cannot read it, so it cannot produce the header.
 */
@Component
class CsrfTokens {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";

    private final CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();

    CsrfTokens(SessionProperties properties, PlatformProperties platform) {
        boolean alwaysSecure = properties.alwaysSecure(platform);
        repository.setCookieName(COOKIE);
        repository.setHeaderName(HEADER);
        repository.setCookiePath("/");
        repository.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (alwaysSecure) {
                cookie.secure(true);
            }
        });
    }

    ServerCsrfTokenRepository repository() {
        return repository;
    }

    /** A fresh token for a new sign-in, replacing any this response was about to hand out. */
    Mono<Void> renew(ServerWebExchange exchange) {
        exchange.getResponse().getCookies().remove(COOKIE);
        return repository.generateToken(exchange).flatMap(token -> repository.saveToken(exchange, token));
    }

    /** Removes the token at sign-out; the next response hands out a new one. */
    Mono<Void> clear(ServerWebExchange exchange) {
        exchange.getResponse().getCookies().remove(COOKIE);
        return repository.saveToken(exchange, null);
    }
}
