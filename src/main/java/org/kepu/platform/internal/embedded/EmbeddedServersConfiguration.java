package org.kepu.platform.internal.embedded;

import org.kepu.platform.PlatformProperties;
import org.kepu.platform.internal.servers.ServerAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EmbeddedServersConfiguration {

    @Bean(destroyMethod = "release")
    EmbeddedServers embeddedServers(PlatformProperties properties) {
        return EmbeddedServers.acquire(properties);
    }

    @Bean
    ServerAddresses serverAddresses(EmbeddedServers servers) {
        return servers.addresses();
    }
}
