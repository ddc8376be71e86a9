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
        Map<String, Object> facts = new LinkedHashMap<>(details);
        facts.put("roles", account.roles().toString());
        facts.put("organisation", String.valueOf(account.organisation()));
        return Passwords.issue(encoder, account.password())
                .flatMap(issued -> accounts.insert(account, issued.hash(), false, by)
                        .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.CONFLICT, "account-exists", account.username())))
                        .flatMap(id -> audit.record(by, "account.created", "account:" + account.username(), facts))
                        .as(transaction::transactional)
                        .then(Mono.defer(() -> accounts.find(account.username())))
                        .map(created -> AccountView.of(created).withOneTimePassword(issued.oneTimePassword())));
    }
}
