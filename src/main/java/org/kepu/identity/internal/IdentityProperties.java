package org.kepu.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapAdmin the first administrator, created when no administrator exists; without a
 *                       password a one-time password is generated and printed at start
 * @param demoAccounts   seed one account per role (see {@link DemoAccounts}); only ever with the
 *                       embedded PostgreSQL, never against an external (production) database
 */
@ConfigurationProperties("kepu.identity")
record IdentityProperties(@DefaultValue BootstrapAdmin bootstrapAdmin, @DefaultValue("true") boolean demoAccounts) {

    record BootstrapAdmin(@DefaultValue("admin") String username, String password) {
    }
}
