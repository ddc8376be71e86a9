package org.kepu.platform.internal.servers;

import java.net.URI;

/** Where each of the four servers is, whether Kepu started it itself or was given its address. */
public record ServerAddresses(Postgres postgres, Elasticsearch elasticsearch, S3 s3, Redis redis) {

    public record Postgres(String host, int port, String database, String username, String password,
                           String options, boolean embedded) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database + (options.isEmpty() ? "" : "?" + options);
        }

        public String display() {
            return "postgresql://" + host + ":" + port + "/" + database;
        }
    }

    public record Elasticsearch(URI url, String username, String password, boolean embedded) {
    }

    public record S3(URI endpoint, String accessKey, String secretKey, String region, String bucket, boolean embedded) {
    }

    public record Redis(URI url, boolean embedded) {

        public String display() {
            return url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
        }
    }
}
