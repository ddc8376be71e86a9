package org.kepu.identity.internal;

import java.util.Set;

import org.kepu.identity.Role;
import org.kepu.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Before the application serves anyone: the first administrator when there is none, and the demo
 * accounts of an embedded installation. Runs once per start on the main thread.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    private static final String SYSTEM = "system";

    private final AccountsTable accounts;
    private final PasswordEncoder encoder;
    private final IdentityProperties properties;
    private final PlatformProperties platform;

    AccountBootstrap(AccountsTable accounts, PasswordEncoder encoder, IdentityProperties properties, PlatformProperties platform) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
        this.platform = platform;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        firstAdministrator().then(demoAccounts()).block();
    }

    private Mono<Void> firstAdministrator() {
        return accounts.anyWith(Role.ADMIN).filter(present -> !present).flatMap(absent -> {
            IdentityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
            String password = admin.password();
            if (password == null || password.isBlank()) {
                password = Passwords.oneTime();
                log.warn("初始管理员 / first administrator: {} 一次性密码 / one-time password: {} "
                        + "(set kepu.identity.bootstrap-admin.password to choose one)", admin.username(), password);
            }
            NewAccount account = new NewAccount(admin.username(), "管理员", password, null, Set.of(Role.ADMIN));
            return create(account, false);
        });
    }

    private Mono<Void> demoAccounts() {
        if (!properties.demoAccounts() || platform.postgres().external()) {
            return Mono.empty();
        }
        return Flux.fromIterable(DemoAccounts.all()).concatMap(account -> create(account, true)).then();
    }

    private Mono<Void> create(NewAccount account, boolean demo) {
        return Passwords.hash(encoder, account.password())
                .flatMap(hash -> accounts.insert(account, hash, demo, SYSTEM))
                .doOnNext(id -> log.info("Created account {} {}", account.username(), account.roles()))
                .then();
    }
}
