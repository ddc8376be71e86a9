package org.kepu.identity.internal;

import java.security.Principal;
import java.util.Map;

import jakarta.validation.Valid;
import org.kepu.identity.Actor;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A society administrator ({@code SOCIETY_ADMIN}) manages the members of their own society; which accounts they may
 * touch is decided by {@link SocietyMembers}. Every change is audited with the society.
 */
@RestController
@RequestMapping("/api/society/members")
class SocietyMembersController {

    private final AccountsTable accounts;
    private final SocietyMembers members;
    private final NewAccounts newAccounts;
    private final LoginAttempts attempts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    SocietyMembersController(AccountsTable accounts, SocietyMembers members, NewAccounts newAccounts, LoginAttempts attempts,
                             PasswordEncoder encoder, AuditLog audit, TransactionalOperator transaction) {
        this.accounts = accounts;
        this.members = members;
        this.newAccounts = newAccounts;
        this.attempts = attempts;
        this.encoder = encoder;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Every account of the society, its administrators included. */
    @GetMapping
    Flux<AccountView> list(Principal user) {
        return Mono.fromCallable(() -> SocietyMembers.societyOf(Actor.of(user)))
                .flatMapMany(accounts::inOrganisation)
                .map(AccountView::of);
    }

    /** Without a password the answer carries a one-time password, shown this once. */
    @PostMapping
    Mono<ResponseEntity<AccountView>> create(@Valid @RequestBody NewSocietyMember member, Principal user) {
        Actor admin = Actor.of(user);
        return members.newMember(admin, member)
                .flatMap(account -> newAccounts.create(account, admin.username(), Map.of("via", "society")))
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(created));
    }

    @PostMapping("/{username}/disable")
    Mono<AccountView> disable(@PathVariable String username, Principal user) {
        return setEnabled(Actor.of(user), username, false);
    }

    @PostMapping("/{username}/enable")
    Mono<AccountView> enable(@PathVariable String username, Principal user) {
        return setEnabled(Actor.of(user), username, true);
    }

    /** A new one-time password, answered once; the old password stops working at once. */
    @PostMapping("/{username}/reset-password")
    Mono<ResponseEntity<AccountView>> resetPassword(@PathVariable String username, Principal user) {
        Actor admin = Actor.of(user);
        return members.member(admin, username, "reset-password")
                .flatMap(account -> Passwords.issue(encoder, null)
                        .flatMap(issued -> accounts.setPassword(account.username(), issued.hash())
                                .then(audited(admin, "account.password-reset", account))
                                .as(transaction::transactional)
                                .thenReturn(AccountView.of(account).withOneTimePassword(issued.oneTimePassword()))))
                .map(view -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view));
    }

    /** Lifts the lock that repeated wrong passwords put on the account. */
    @PostMapping("/{username}/unlock")
    Mono<AccountView> unlock(@PathVariable String username, Principal user) {
        Actor admin = Actor.of(user);
        return members.member(admin, username, "unlock")
                .flatMap(account -> attempts.clear(account.username())
                        .then(audited(admin, "account.unlocked", account))
                        .thenReturn(AccountView.of(account)));
    }

    private Mono<AccountView> setEnabled(Actor admin, String username, boolean enabled) {
        return members.member(admin, username, enabled ? "enable" : "disable")
                .flatMap(account -> account.enabled() == enabled
                        ? Mono.error(new ProblemException(HttpStatus.CONFLICT,
                                enabled ? "account-already-enabled" : "account-already-disabled", account.username()))
                        : accounts.setEnabled(account.username(), enabled)
                                .then(audited(admin, enabled ? "account.enabled" : "account.disabled", account))
                                .as(transaction::transactional)
                                .then(Mono.defer(() -> accounts.find(account.username()))))
                .map(AccountView::of);
    }

    private Mono<Void> audited(Actor admin, String action, Account account) {
        return audit.record(admin.username(), action, "account:" + account.username(),
                Map.of("organisation", account.organisation(), "via", "society"));
    }
}
