package org.kepu.identity.internal;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * The account signed in to a browser session. The session (in Redis) holds only the account's name;
 * the account itself is read from PostgreSQL at every request, as for HTTP Basic. So disabling an
 * account or changing its roles takes effect at its sessions' next request, and a session whose account
 * is disabled or gone is ended there and then. Requests with Basic credentials never touch the session.
 */
@Component
class SessionAccounts implements ServerSecurityContextRepository {

    static final String ACCOUNT = "kepu.account";
    private static final String LOADED = SessionAccounts.class.getName() + ".loaded";

    private final AccountsTable accounts;
    private final WebSessionIdResolver sessionIds;

    SessionAccounts(AccountsTable accounts, WebSessionIdResolver sessionIds) {
        this.accounts = accounts;
        this.sessionIds = sessionIds;
    }

    /** Once per request, however often the security context is asked for; nothing without a session cookie. */
    @Override
    @SuppressWarnings("unchecked")
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        if (BasicCredentials.sent(exchange.getRequest()) || sessionIds.resolveSessionIds(exchange).isEmpty()) {
            return Mono.empty();
        }
        return (Mono<SecurityContext>) exchange.getAttributes().computeIfAbsent(LOADED, key -> fromSession(exchange).cache());
    }

    /** Signs the account in: a new session id (no fixation), holding the account's name. */
    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        if (context == null || context.getAuthentication() == null) {
            return signOut(exchange).then();
        }
        String username = context.getAuthentication().getName();
        return exchange.getSession().flatMap(session -> {
            session.getAttributes().put(ACCOUNT, username);
            return session.changeSessionId();
        });
    }

    /** Ends the request's session (removing it from Redis); the name of its account, if it had one. */
    Mono<String> signOut(ServerWebExchange exchange) {
        if (sessionIds.resolveSessionIds(exchange).isEmpty()) {
            return Mono.empty();
        }
        return exchange.getSession().flatMap(session -> {
            Object username = session.getAttributes().get(ACCOUNT);
            return session.invalidate().then(Mono.justOrEmpty(username instanceof String name ? name : null));
        });
    }

    private Mono<SecurityContext> fromSession(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> session.getAttributes().get(ACCOUNT) instanceof String username
                ? accounts.find(username).filter(Account::enabled)
                        .<SecurityContext>map(account -> new SecurityContextImpl(AccountDetails.authentication(account)))
                        .switchIfEmpty(end(session))
                : Mono.empty());
    }

    private static Mono<SecurityContext> end(WebSession session) {
        return Mono.defer(() -> session.invalidate().then(Mono.empty()));
    }
}
