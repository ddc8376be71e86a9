package org.kepu.identity.internal;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The state-changing requests that need a CSRF token: those a browser could be tricked into sending
 * with its cookies. That is every unsafe request carrying the session cookie, the JSON API included,
 * and every unsafe request to a browser page (outside {@code /api/**} and the actuator).
 *
 * <p>Exempt: requests with an explicit {@code Authorization: Basic} header (scripts, API clients; a
 * browser adds one by itself only after a Basic challenge, and Kepu never sends one), and the sign-in
 * {@code POST /api/session}, which accepts only {@code application/json}: a cross-site page cannot
 * send that without a CORS preflight, which Kepu does not grant; and the view beacon of work pages.
 */
class CsrfProtectedRequests implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final ServerWebExchangeMatcher NOT_A_PAGE = ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**");
    /** Sign-in, and a work page's view beacon, which only counts a view: a forged one can do no more than a visit. */
    private static final ServerWebExchangeMatcher EXEMPT = ServerWebExchangeMatchers.matchers(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/session"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/views/*"));

    private final String sessionCookie;

    CsrfProtectedRequests(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (SAFE.contains(request.getMethod()) || BasicCredentials.sent(request)) {
            return MatchResult.notMatch();
        }
        return EXEMPT.matches(exchange).flatMap(exempt -> {
            if (exempt.isMatch()) {
                return MatchResult.notMatch();
            }
            if (request.getCookies().containsKey(sessionCookie)) {
                return MatchResult.match();
            }
            return NOT_A_PAGE.matches(exchange).flatMap(api -> api.isMatch() ? MatchResult.notMatch() : MatchResult.match());
        });
    }
}
