package org.kepu.identity.internal;

import java.security.Principal;
import java.util.Map;

import org.kepu.identity.Actor;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Browser sign-in and sign-out. Signing in checks the password exactly as HTTP Basic does (same limits,
 * lockout and audit), then starts a session under a new id and hands out a new CSRF token.
 */
@RestController
class SessionController {

    record Credentials(String username, String password) {
    }

    private final ReactiveAuthenticationManager passwords;
    private final SessionAccounts sessions;
    private final CsrfTokens csrf;
    private final AuditLog audit;

    SessionController(ReactiveAuthenticationManager passwords, SessionAccounts sessions, CsrfTokens csrf, AuditLog audit) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.csrf = csrf;
        this.audit = audit;
    }

    /** JSON only: a cross-site form cannot send it, so signing in needs no CSRF token. */
    @PostMapping(path = "/api/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Actor> signIn(@RequestBody Credentials credentials, ServerWebExchange exchange) {
        if (blank(credentials.username()) || blank(credentials.password())) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "login-credentials-missing"));
        }
        return passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()))
                .onErrorMap(AuthenticationException.class, PasswordSignIn::problem)
                .flatMap(authentication -> {
                    Actor actor = Actor.of(authentication);
                    return sessions.save(exchange, new SecurityContextImpl(authentication))
                            .then(csrf.renew(exchange))
                            .then(audit.record(actor.username(), "identity.signed-in", "account:" + actor.username(), Map.of()))
                            .thenReturn(actor);
                });
    }

    @GetMapping("/api/session")
    Actor current(Principal user) {
        return Actor.of(user);
    }

    @DeleteMapping("/api/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> signOut(ServerWebExchange exchange) {
        return sessions.signOut(exchange)
                .flatMap(username -> audit.record(username, "identity.signed-out", "account:" + username, Map.of()))
                .then(csrf.clear(exchange));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
