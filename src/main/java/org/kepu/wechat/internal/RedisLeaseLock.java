package org.kepu.wechat.internal;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A lock shared by every instance: {@code SET key owner NX PX lease}, released only by its owner (compare and
 * delete in one script). The lease bounds how long a crashed holder blocks the others. Blocking: WxJava takes it on
 * the WeChat scheduler's threads, never on an event loop.
 */
final class RedisLeaseLock implements Lock {

    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private static final long POLL_MILLIS = 25;

    private final RedisCommands<String, String> redis;
    private final String key;
    private final Duration lease;
    private final ThreadLocal<String> owner = new ThreadLocal<>();

    RedisLeaseLock(RedisCommands<String, String> redis, String key, Duration lease) {
        this.redis = redis;
        this.key = key;
        this.lease = lease;
    }

    @Override
    public void lock() {
        while (!tryLock()) {
            pause();
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        while (!tryLock()) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    @Override
    public boolean tryLock() {
        String token = UUID.randomUUID().toString();
        if ("OK".equals(redis.set(key, token, SetArgs.Builder.nx().px(lease.toMillis())))) {
            owner.set(token);
            return true;
        }
        return false;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(time);
        while (!tryLock()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
        }
        return true;
    }

    @Override
    public void unlock() {
        String token = owner.get();
        if (token != null) {
            owner.remove();
            redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, token);
        }
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("A Redis lease lock has no conditions");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a Redis lock", e);
        }
    }

}
