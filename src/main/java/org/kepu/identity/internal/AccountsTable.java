package org.kepu.identity.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.kepu.identity.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of accounts and their roles. */
@Component
class AccountsTable {

    private static final String SELECT = """
            SELECT a.id, a.username, a.display_name, a.password_hash, o.slug AS organisation, a.enabled, a.demo,
                   ARRAY(SELECT r.role FROM identity_account_role r WHERE r.account_id = a.id ORDER BY r.role) AS roles
              FROM identity_account a LEFT JOIN org_organisation o ON o.id = a.organisation_id""";

    private final DatabaseClient database;

    AccountsTable(DatabaseClient database) {
        this.database = database;
    }

    Mono<Account> find(String username) {
        return database.sql(SELECT + " WHERE a.username = :username").bind("username", username)
                .map(AccountsTable::account).one();
    }

    Flux<Account> all() {
        return database.sql(SELECT + " ORDER BY a.username").map(AccountsTable::account).all();
    }

    /** The accounts of one organisation, by its slug. */
    Flux<Account> inOrganisation(String organisation) {
        return database.sql(SELECT + " WHERE o.slug = :organisation ORDER BY a.username").bind("organisation", organisation)
                .map(AccountsTable::account).all();
    }

    Mono<Boolean> anyWith(Role role) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM identity_account_role WHERE role = :role) AS present")
                .bind("role", role.name()).map(row -> row.get("present", Boolean.class)).one();
    }

    /** Empty when the username is taken. */
    Mono<UUID> insert(NewAccount account, String passwordHash, boolean demo, String createdBy) {
        var insert = database.sql("""
                        INSERT INTO identity_account (username, display_name, password_hash, organisation_id, demo, created_by)
                        SELECT :username, :displayName, :hash, (SELECT id FROM org_organisation WHERE slug = :organisation), :demo, :createdBy
                        ON CONFLICT (username) DO NOTHING
                        RETURNING id""")
                .bind("username", account.username()).bind("displayName", account.displayName())
                .bind("hash", passwordHash).bind("demo", demo).bind("createdBy", createdBy);
        insert = account.organisation() == null ? insert.bindNull("organisation", String.class)
                : insert.bind("organisation", account.organisation());
        return insert.map(row -> row.get("id", UUID.class)).one()
                .flatMap(id -> replaceRoles(id, account.roles()).thenReturn(id));
    }

    Mono<Void> replaceRoles(UUID account, Set<Role> roles) {
        return database.sql("DELETE FROM identity_account_role WHERE account_id = :account").bind("account", account).then()
                .then(database.sql("""
                                INSERT INTO identity_account_role (account_id, role)
                                SELECT :account, unnest(CAST(:roles AS varchar[]))""")
                        .bind("account", account).bind("roles", roles.stream().map(Role::name).toArray(String[]::new))
                        .then());
    }

    Mono<Long> setEnabled(String username, boolean enabled) {
        return database.sql("UPDATE identity_account SET enabled = :enabled, updated_at = now() WHERE username = :username")
                .bind("enabled", enabled).bind("username", username).fetch().rowsUpdated();
    }

    Mono<Long> setPassword(String username, String passwordHash) {
        return database.sql("UPDATE identity_account SET password_hash = :hash, updated_at = now() WHERE username = :username")
                .bind("hash", passwordHash).bind("username", username).fetch().rowsUpdated();
    }

    private static Account account(Readable row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(row.get("roles", String[].class)).map(Role::valueOf).forEach(roles::add);
        return new Account(row.get("id", UUID.class), row.get("username", String.class), row.get("display_name", String.class),
                row.get("password_hash", String.class), row.get("organisation", String.class),
                row.get("enabled", Boolean.class), row.get("demo", Boolean.class), roles);
    }
}
