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
 * send that without a CORS preflight, which Kepu does not grant.
 */
class CsrfProtectedRequests implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final ServerWebExchangeMatcher NOT_A_PAGE = ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**");
    private static final ServerWebExchangeMatcher SIGN_IN = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/session");

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
        return SIGN_IN.matches(exchange).flatMap(signIn -> {
            if (signIn.isMatch()) {
                return MatchResult.notMatch();
            }
            if (request.getCookies().containsKey(sessionCookie)) {
                return MatchResult.match();
            }
            return NOT_A_PAGE.matches(exchange).flatMap(api -> api.isMatch() ? MatchResult.notMatch() : MatchResult.match());
        });
    }
}
