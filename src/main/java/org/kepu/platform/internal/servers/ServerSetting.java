package org.kepu.platform.internal.servers;

/** One of the four servers and the settings an operator uses to point Kepu at it. */
public enum ServerSetting {
    POSTGRES("PostgreSQL", "kepu.postgres.url", "KEPU_POSTGRES_URL"),
    ELASTICSEARCH("Elasticsearch", "kepu.elasticsearch.url", "KEPU_ELASTICSEARCH_URL"),
    S3("S3 object storage", "kepu.s3.endpoint", "KEPU_S3_ENDPOINT"),
    REDIS("Redis", "kepu.redis.url", "KEPU_REDIS_URL");

    private final String serverName;
    private final String property;
    private final String environmentVariable;

    ServerSetting(String serverName, String property, String environmentVariable) {
        this.serverName = serverName;
        this.property = property;
        this.environmentVariable = environmentVariable;
    }

    public String serverName() {
        return serverName;
    }

    public String describeSetting() {
        return property + " (" + environmentVariable + ")";
    }
}
