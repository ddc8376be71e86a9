package org.kepu.platform.internal.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import java.util.List;

import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.kepu.platform.internal.servers.ServerAddresses;

/** S3Proxy in this JVM, storing objects as files under {@code <data>/s3}. */
final class EmbeddedS3Server implements EmbeddedServer {

    private static final String ACCESS_KEY = "kepu-embedded";
    /**
     * Browsers PUT upload parts straight to presigned URLs of this server, another origin than the application's.
     * The embedded servers start before the application knows its port, and the embedded mode only ever serves on
     * loopback, so any loopback origin (regular expressions, as S3Proxy reads them) may send GET/HEAD/PUT, and the
     * {@code ETag} of a stored part is exposed so the client can name it when completing.
     */
    static final CrossOriginResourceSharing CORS = new CrossOriginResourceSharing(
            List.of("https?://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:[0-9]+)?"),
            List.of("GET", "HEAD", "PUT"), List.of("*"), List.of("ETag"), "");

    private final S3Proxy proxy;
    private final String secretKey;

    private EmbeddedS3Server(S3Proxy proxy, String secretKey) {
        this.proxy = proxy;
        this.secretKey = secretKey;
    }

    static EmbeddedS3Server start(Path folder) throws Exception {
        String secretKey = UUID.randomUUID().toString();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(folder.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey)
                .corsRules(CORS)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
        return new EmbeddedS3Server(proxy, secretKey);
    }

    ServerAddresses.S3 address(String region, String bucket) {
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        return new ServerAddresses.S3(endpoint, ACCESS_KEY, secretKey, region, bucket, true);
    }

    @Override
    public String name() {
        return "S3";
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop cleanly", e);
        }
    }
}
