package org.kepu.identity.internal;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.kepu.identity.Actor;
import org.kepu.identity.Role;
import org.kepu.org.Organisations;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Accounts for administrators ({@code /api/admin/**} needs ADMIN), and {@code /api/me} for everyone signed in. */
@RestController
class AccountsController {

    record Roles(@NotEmpty Set<Role> roles) {
    }

    private final AccountsTable accounts;
    private final NewAccounts newAccounts;
    private final Organisations organisations;
    private final LoginAttempts attempts;
    private final AuditLog audit;

    AccountsController(AccountsTable accounts, NewAccounts newAccounts, Organisations organisations, LoginAttempts attempts,
                       AuditLog audit) {
        this.accounts = accounts;
        this.newAccounts = newAccounts;
        this.organisations = organisations;
        this.attempts = attempts;
        this.audit = audit;
    }

    @GetMapping("/api/me")
    Actor me(Principal user) {
        return Actor.of(user);
    }

    /** Every account, or with {@code organisation} (a slug) the members of that organisation. */
    @GetMapping("/api/admin/accounts")
    Flux<AccountView> list(@RequestParam(required = false) String organisation) {
        if (organisation == null || organisation.isBlank()) {
            return accounts.all().map(AccountView::of);
        }
        return organisations.findBySlug(organisation.strip())
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-organisation", organisation)))
                .flatMapMany(found -> accounts.inOrganisation(found.slug()))
                .map(AccountView::of);
    }

    /** Without a password the answer carries a one-time password, shown this once. */
    @PostMapping("/api/admin/accounts")
    Mono<ResponseEntity<AccountView>> create(@Valid @RequestBody NewAccount account, Principal admin) {
        return checkOrganisation(account.organisation(), account.roles())
                .then(newAccounts.create(account, admin.getName(), Map.of()))
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(created));
    }

    @PutMapping("/api/admin/accounts/{username}/roles")
    Mono<AccountView> roles(@PathVariable String username, @Valid @RequestBody Roles roles, Principal admin) {
        return existing(username)
                .flatMap(account -> checkOrganisation(account.organisation(), roles.roles())
                        .then(accounts.replaceRoles(account.id(), roles.roles()))
                        .then(audit.record(admin.getName(), "account.roles-changed", "account:" + account.username(),
                                Map.of("from", account.roles().toString(), "to", roles.roles().toString()))))
                .then(Mono.defer(() -> existing(username)))
                .map(AccountView::of);
    }

    @PostMapping("/api/admin/accounts/{username}/unlock")
    Mono<AccountView> unlock(@PathVariable String username, Principal admin) {
        return existing(username).flatMap(account -> attempts.clear(account.username())
                .then(audit.record(admin.getName(), "account.unlocked", "account:" + account.username(), Map.of()))
                .thenReturn(AccountView.of(account)));
    }

    @PostMapping("/api/admin/accounts/{username}/disable")
    Mono<AccountView> disable(@PathVariable String username, Principal admin) {
        return existing(username).flatMap(account -> accounts.setEnabled(account.username(), false)
                        .then(audit.record(admin.getName(), "account.disabled", "account:" + account.username(), Map.of())))
                .then(Mono.defer(() -> existing(username))).map(AccountView::of);
    }

    @PostMapping("/api/admin/accounts/{username}/enable")
    Mono<AccountView> enable(@PathVariable String username, Principal admin) {
        return existing(username).flatMap(account -> accounts.setEnabled(account.username(), true)
                        .then(audit.record(admin.getName(), "account.enabled", "account:" + account.username(), Map.of())))
                .then(Mono.defer(() -> existing(username))).map(AccountView::of);
    }

    private Mono<Account> existing(String username) {
        return accounts.find(username.toLowerCase(Locale.ROOT))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "account-not-found", username)));
    }

    /** Society roles belong to a society; association roles to no society. */
    private Mono<Void> checkOrganisation(String organisation, Set<Role> roles) {
        boolean societyRole = roles.stream().anyMatch(Role::needsOrganisation);
        if (societyRole && organisation == null) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "account-organisation-required"));
        }
        if (organisation == null) {
            return Mono.empty();
        }
        return organisations.findBySlug(organisation)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-organisation", organisation)))
                .then();
    }
}
