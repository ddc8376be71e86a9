package org.kepu.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Kepu finds its four servers. A server whose address is left empty is started embedded,
 * with its data under {@code dataDir}.
 */
@ConfigurationProperties("kepu")
public record PlatformProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("all") InstanceRole role,
        @DefaultValue Postgres postgres,
        @DefaultValue Elasticsearch elasticsearch,
        @DefaultValue S3 s3,
        @DefaultValue Redis redis,
        @DefaultValue Embedded embedded) {

    public record Postgres(String url, @DefaultValue("kepu") String username, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Elasticsearch(String url, String username, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record S3(String endpoint, String accessKey, String secretKey,
                     @DefaultValue("us-east-1") String region, @DefaultValue("kepu-media") String bucket) {
        public boolean external() {
            return endpoint != null && !endpoint.isBlank();
        }
    }

    public record Redis(String url) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param ephemeral data lives in a temporary folder that is deleted on shutdown, and the
     *                  servers are shared by every application context of the JVM (tests)
     */
    public record Embedded(
            @DefaultValue("false") boolean ephemeral,
            @DefaultValue("target/es-node") Path elasticsearchDistribution,
            @DefaultValue("512m") String elasticsearchHeap,
            @DefaultValue("120s") Duration startTimeout) {
    }
}
