package org.kepu.identity.internal;

import java.util.Locale;

import org.kepu.platform.ClientAddress;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one password check, for HTTP Basic and for browser sign-in ({@code POST /api/session}) alike.
 * Failures count per account and per client address ({@link LoginAttempts}); bcrypt runs on a bounded
 * elastic thread and the rest of the request goes back to a non-blocking thread, where a blocking call
 * is a bug (and fails under BlockHound in tests). A disabled account is named only after its password
 * matched, so guessing reveals nothing about it.
 */
@Component
class PasswordSignIn implements ReactiveAuthenticationManager {

    private final AccountsTable accounts;
    private final PasswordEncoder encoder;
    private final LoginAttempts attempts;

    PasswordSignIn(AccountsTable accounts, PasswordEncoder encoder, LoginAttempts attempts) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.attempts = attempts;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        return ClientAddress.current().flatMap(address -> {
            String username = authentication.getName();
            String from = address.isEmpty() ? null : address;
            return attempts.checkAllowed(username, from)
                    .flatMap(earlierFailures -> check(username, String.valueOf(authentication.getCredentials()))
                            .flatMap(success -> earlierFailures ? attempts.clear(username).thenReturn(success) : Mono.just(success)))
                    .onErrorResume(BadCredentialsException.class, bad -> attempts.failed(username, from).then(Mono.error(bad)));
        }).publishOn(Schedulers.parallel());
    }

    /** The problem a failed sign-in answers: one message for an unknown account and a wrong password. */
    static ProblemException problem(AuthenticationException failure) {
        return failure instanceof DisabledException
                ? new ProblemException(HttpStatus.FORBIDDEN, "account-disabled")
                : new ProblemException(HttpStatus.UNAUTHORIZED, "login-failed");
    }

    private Mono<Authentication> check(String username, String password) {
        return accounts.find(username.strip().toLowerCase(Locale.ROOT))
                .publishOn(Schedulers.boundedElastic())
                .filter(account -> encoder.matches(password, account.passwordHash()))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Wrong username or password")))
                .<Authentication>handle((account, sink) -> {
                    if (account.enabled()) {
                        sink.next(AccountDetails.authentication(account));
                    } else {
                        sink.error(new DisabledException("Account disabled"));
                    }
                });
    }
}
