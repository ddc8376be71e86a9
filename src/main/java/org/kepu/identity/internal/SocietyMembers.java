package org.kepu.identity.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kepu.identity.Actor;
import org.kepu.identity.Role;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a society administrator may touch: accounts of their own society that are plain members
 * ({@code SOCIETY_MEMBER} and nothing else), never their own account. Each refusal is written to the audit log
 * ({@code account.refused}), since a society administrator reaching for another society's account is worth seeing.
 */
@Component
class SocietyMembers {

    static final Set<Role> MEMBER = Set.of(Role.SOCIETY_MEMBER);

    private final AccountsTable accounts;
    private final AuditLog audit;

    SocietyMembers(AccountsTable accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The slug of the administrator's society. */
    static String societyOf(Actor admin) {
        if (!admin.has(Role.SOCIETY_ADMIN) || admin.organisation() == null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        return admin.organisation();
    }

    /** The account {@code username} when {@code admin} may {@code action} it. */
    Mono<Account> member(Actor admin, String username, String action) {
        return Mono.defer(() -> member(admin, societyOf(admin), username.strip().toLowerCase(Locale.ROOT), action));
    }

    private Mono<Account> member(Actor admin, String society, String target, String action) {
        if (target.equals(admin.username())) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "account-self"));
        }
        return accounts.find(target)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "account-not-found", target)))
                .flatMap(account -> {
                    if (!society.equals(account.organisation())) {
                        return refuse(admin, society, target, action, "account-other-organisation", target, society);
                    }
                    if (!MEMBER.equals(account.roles())) {
                        return refuse(admin, society, target, action, "account-not-society-member", target, account.roles());
                    }
                    return Mono.just(account);
                });
    }

    /** The account to create for {@code member}: always a {@code SOCIETY_MEMBER} of the administrator's society. */
    Mono<NewAccount> newMember(Actor admin, NewSocietyMember member) {
        return Mono.defer(() -> newMember(admin, societyOf(admin), member));
    }

    private Mono<NewAccount> newMember(Actor admin, String society, NewSocietyMember member) {
        if (member.organisation() != null && !member.organisation().equals(society)) {
            return refuse(admin, society, member.username(), "create", "account-other-organisation", member.username(), society);
        }
        if (!member.roles().isEmpty() && !MEMBER.equals(member.roles())) {
            return refuse(admin, society, member.username(), "create", "account-role-not-grantable", member.roles());
        }
        return Mono.just(new NewAccount(member.username(), member.displayName(), member.password(), society, MEMBER));
    }

    private <T> Mono<T> refuse(Actor admin, String society, String target, String action, String code, Object... arguments) {
        return audit.record(admin.username(), "account.refused", "account:" + target,
                        Map.of("action", action, "code", code, "organisation", society))
                .then(Mono.error(new ProblemException(HttpStatus.FORBIDDEN, code, arguments)));
    }
}
