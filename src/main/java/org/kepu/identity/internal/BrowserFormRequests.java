package org.kepu.identity.internal;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** State-changing requests outside the JSON API and actuator: the ones that need a CSRF token. */
class BrowserFormRequests implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final ServerWebExchangeMatcher API = ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**");

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        if (SAFE.contains(exchange.getRequest().getMethod())) {
            return MatchResult.notMatch();
        }
        return API.matches(exchange).flatMap(api -> api.isMatch() ? MatchResult.notMatch() : MatchResult.match());
    }
}
