package org.kepu;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Calls that BlockHound sees as blocking but that never wait on I/O or another thread for long:
 * Netty 4.2's adaptive allocator takes a short StampedLock when it grows its magazines, and
 * {@code UUID.randomUUID} and Spring Security's masking of CSRF tokens read {@code /dev/urandom}
 * (through {@code SecureRandom}), which does not block on Linux. Spring Data Redis takes a short lock to hand out
 * the shared reactive connection (created at start-up: eager initialization), which parks only while another
 * thread reads the same field; Lettuce's {@code SharedLock} likewise only orders threads writing commands to the one
 * shared connection (a browser's parallel requests each look their session up in Redis). Jackson builds the
 * deserializer of a type the first time it reads one, under a short lock of its cache: a thread that needs the same
 * cache while another builds (two first reads at once, e.g. a request body and the rumor samples at start) parks for
 * that CPU-only moment. Everything else stays forbidden on non-blocking threads.
 */
public class KnownNonBlockingCalls implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
        builder.allowBlockingCallsInside("org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler",
                "createXoredCsrfToken");
        builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
                "getOrCreateSharedReactiveConnection");
        builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory$SharedConnection",
                "getConnection");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters");
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
    }
}
