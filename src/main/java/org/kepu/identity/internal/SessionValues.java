package org.kepu.identity.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * How session values are written to Redis: a type letter and the value as text ({@code s} string,
 * {@code l} long, {@code i} int). Spring Session's own fields are numbers and Kepu keeps only the
 * account's name in a session, so nothing needs Java serialization: stored sessions stay readable,
 * survive upgrades of any library, and reading one never deserializes objects written by whoever can
 * write to Redis.
 */
final class SessionValues implements RedisSerializer<Object> {

    private static final byte[] EMPTY = new byte[0];

    @Override
    public byte[] serialize(Object value) {
        if (value == null) {
            return EMPTY;
        }
        char type;
        if (value instanceof String) {
            type = 's';
        } else if (value instanceof Long) {
            type = 'l';
        } else if (value instanceof Integer) {
            type = 'i';
        } else {
            throw new SerializationException("A session keeps only strings and numbers, not " + value.getClass().getName());
        }
        return (type + value.toString()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object deserialize(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        String text = new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
        try {
            return switch (bytes[0]) {
                case 's' -> text;
                case 'l' -> Long.valueOf(text);
                case 'i' -> Integer.valueOf(text);
                default -> throw new SerializationException("Unknown session value type " + (char) bytes[0]);
            };
        } catch (NumberFormatException e) {
            throw new SerializationException("Unreadable session value", e);
        }
    }
}
