package org.kepu.identity.internal;

import java.time.Duration;

import org.kepu.platform.PlatformProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser sessions, kept in Redis.
 *
 * @param cookieName   the session cookie (HttpOnly, SameSite=Lax, path /)
 * @param idleTimeout  a session unused this long ends
 * @param secureCookie whether the session and CSRF cookies carry {@code Secure}; unset means yes
 *                     whenever PostgreSQL is external (production), and for every HTTPS request
 */
@ConfigurationProperties("kepu.identity.session")
record SessionProperties(@DefaultValue("KEPU_SESSION") String cookieName, @DefaultValue("30m") Duration idleTimeout,
                         Boolean secureCookie) {

    /** Whether cookies are {@code Secure} even on plain HTTP (behind a TLS-terminating proxy, say). */
    boolean alwaysSecure(PlatformProperties platform) {
        return secureCookie != null ? secureCookie : platform.postgres().external();
    }
}
