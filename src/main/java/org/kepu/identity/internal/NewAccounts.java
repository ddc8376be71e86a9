package org.kepu.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates accounts for administrators and society administrators: the account, its roles and the audit entry in one
 * transaction. Without a password a one-time password is chosen and answered once.
 */
@Component
class NewAccounts {

    private final AccountsTable accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    NewAccounts(AccountsTable accounts, PasswordEncoder encoder, AuditLog audit, TransactionalOperator transaction) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** @param details facts for the audit entry besides the roles and the organisation */
    Mono<AccountView> create(NewAccount account, String by, Map<String, ?> details) {
        String oneTime = account.password() == null ? Passwords.oneTime() : null;
        NewAccount complete = oneTime == null ? account : account.withPassword(oneTime);
        Map<String, Object> facts = new LinkedHashMap<>(details);
        facts.put("roles", complete.roles().toString());
        facts.put("organisation", String.valueOf(complete.organisation()));
        return Passwords.hash(encoder, complete.password())
                .flatMap(hash -> accounts.insert(complete, hash, false, by)
                        .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.CONFLICT, "account-exists", complete.username())))
                        .flatMap(id -> audit.record(by, "account.created", "account:" + complete.username(), facts))
                        .as(transaction::transactional))
                .then(Mono.defer(() -> accounts.find(complete.username())))
                .map(created -> AccountView.of(created).withOneTimePassword(oneTime));
    }
}
