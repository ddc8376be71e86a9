package org.kepu.identity.internal;

import org.kepu.platform.PlatformProperties;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Browser sessions: Spring Boot configures Spring Session's reactive Redis repository (keys under
 * {@code spring.session.data.redis.namespace}); this sets the cookie, the idle timeout and how values
 * are stored.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    WebSessionIdResolver webSessionIdResolver(SessionProperties properties, PlatformProperties platform) {
        boolean alwaysSecure = properties.alwaysSecure(platform);
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(properties.cookieName());
        resolver.addCookieInitializer(cookie -> {
            cookie.httpOnly(true).sameSite("Lax").path("/");
            if (alwaysSecure) {
                cookie.secure(true);
            }
        });
        return resolver;
    }

    @Bean
    SessionTimeout sessionTimeout(SessionProperties properties) {
        return properties::idleTimeout;
    }

    @Bean
    RedisSerializer<Object> springSessionDefaultRedisSerializer() {
        return new SessionValues();
    }
}
