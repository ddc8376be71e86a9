package org.kepu.platform;

/** The object storage bucket that holds every media object; its client is the {@code MinioAsyncClient} bean. */
public record StorageBucket(String name) {
}
