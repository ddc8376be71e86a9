package org.kepu.identity.internal;

import org.kepu.identity.AccountDirectory;
import org.kepu.identity.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

@Component
class AccountHolders implements AccountDirectory {

    private final DatabaseClient database;

    AccountHolders(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<String> holdersOf(Role role) {
        return database.sql("""
                        SELECT a.username FROM identity_account a JOIN identity_account_role r ON r.account_id = a.id
                         WHERE r.role = :role AND a.enabled""")
                .bind("role", role.name()).map(row -> row.get("username", String.class)).all();
    }
}
