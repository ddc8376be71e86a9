package org.kepu.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapAdmin the first administrator; without a password a one-time password is
 *                       generated and printed at start
 */
@ConfigurationProperties("kepu.identity")
record IdentityProperties(@DefaultValue BootstrapAdmin bootstrapAdmin) {

    record BootstrapAdmin(@DefaultValue("admin") String username, String password) {
    }
}
