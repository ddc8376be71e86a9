package org.kepu.platform.internal.servers;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    @Bean(destroyMethod = "shutdown")
    ClientResources redisClientResources() {
        return DefaultClientResources.create();
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(ServerAddresses addresses, ClientResources resources) {
        RedisClient client = RedisClient.create(resources, RedisURI.create(addresses.redis().url()));
        // All commands share one connection, whose single I/O thread would otherwise run what every caller does with
        // a result (a callback's whole reply and response, for one): results are handed to the computation threads.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .publishOnScheduler(true)
                .build());
        return client;
    }

    /**
     * The same server for Spring Data Redis, which Spring Session stores browser sessions with. Like
     * {@link #redisClient}, commands fail at once while Redis is unreachable instead of queueing, so a
     * request answers 503 rather than hanging. The shared connection is opened at start, never lazily
     * on a request thread (opening it blocks).
     */
    @Bean
    LettuceConnectionFactory redisConnectionFactory(ServerAddresses addresses, ClientResources resources) {
        RedisURI uri = RedisURI.create(addresses.redis().url());
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .apply(uri)
                .clientResources(resources)
                .clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                        .build())
                .commandTimeout(COMMAND_TIMEOUT)
                .build();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client);
        factory.setEagerInitialization(true);
        return factory;
    }

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, String> redisConnection(RedisClient client, ServerAddresses addresses) {
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            connection.sync().ping();
            return connection;
        } catch (RuntimeException e) {
            throw new ServerUnavailableException(ServerSetting.REDIS, addresses.redis().display(),
                    ServerUnavailableException.rootMessage(e), e);
        }
    }

    @Bean
    RedisReactiveCommands<String, String> redisCommands(StatefulRedisConnection<String, String> connection) {
        return connection.reactive();
    }
}
