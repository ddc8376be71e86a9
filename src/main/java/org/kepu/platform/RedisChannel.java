package org.kepu.platform;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import reactor.core.publisher.Flux;

/** Messages of one Redis pub/sub channel, the way instances tell each other that something changed. */
public final class RedisChannel {

    private RedisChannel() {
    }

    /**
     * The messages published on {@code channel} while subscribed, on a connection of their own that cancelling
     * closes. Subscribing opens the connection, which blocks: subscribe at start-up, not on an event loop. Redis
     * unreachable: the flux fails. Pub/sub reaches only connected listeners, so callers also re-read what they
     * follow now and then.
     */
    public static Flux<String> messages(RedisClient client, String channel) {
        return Flux.using(client::connectPubSub, connection -> connection.reactive().observeChannels()
                        .filter(message -> channel.equals(message.getChannel()))
                        .map(message -> message.getMessage())
                        .mergeWith(connection.reactive().subscribe(channel).then(reactor.core.publisher.Mono.empty())),
                StatefulRedisPubSubConnection::close);
    }
}
