package org.kepu.platform.internal.servers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

import org.kepu.platform.PlatformProperties;

/** Reads the addresses an operator configured, and refuses malformed ones with the setting's name. */
public final class ExternalAddresses {

    private ExternalAddresses() {
    }

    public static ServerAddresses.Postgres postgres(PlatformProperties.Postgres settings) {
        String raw = settings.url().trim().replaceFirst("^(jdbc|r2dbc):", "");
        URI uri = parse(ServerSetting.POSTGRES, raw);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw invalid(ServerSetting.POSTGRES, raw, "expected postgresql://host:port/database");
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "kepu" : uri.getPath().substring(1);
        String username = settings.username();
        String password = settings.password();
        if (uri.getUserInfo() != null) {
            String[] userInfo = uri.getUserInfo().split(":", 2);
            username = userInfo[0];
            password = userInfo.length > 1 ? userInfo[1] : password;
        }
        return new ServerAddresses.Postgres(host(ServerSetting.POSTGRES, uri), port(uri, 5432), database,
                username, Objects.requireNonNullElse(password, ""), Objects.requireNonNullElse(uri.getQuery(), ""), false);
    }

    public static ServerAddresses.Elasticsearch elasticsearch(PlatformProperties.Elasticsearch settings) {
        URI uri = httpUri(ServerSetting.ELASTICSEARCH, settings.url());
        return new ServerAddresses.Elasticsearch(uri, settings.username(), settings.password(), false);
    }

    public static ServerAddresses.S3 s3(PlatformProperties.S3 settings) {
        URI uri = httpUri(ServerSetting.S3, settings.endpoint());
        if (isBlank(settings.accessKey()) || isBlank(settings.secretKey())) {
            throw invalid(ServerSetting.S3, uri.toString(),
                    "kepu.s3.access-key (KEPU_S3_ACCESS_KEY) and kepu.s3.secret-key (KEPU_S3_SECRET_KEY) are required with an external endpoint");
        }
        return new ServerAddresses.S3(uri, settings.accessKey(), settings.secretKey(), settings.region(), settings.bucket(), false);
    }

    public static ServerAddresses.Redis redis(PlatformProperties.Redis settings) {
        URI uri = parse(ServerSetting.REDIS, settings.url().trim());
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw invalid(ServerSetting.REDIS, settings.url(), "expected redis://host:port/db or rediss://…");
        }
        host(ServerSetting.REDIS, uri);
        return new ServerAddresses.Redis(uri, false);
    }

    private static URI httpUri(ServerSetting server, String value) {
        URI uri = parse(server, value.trim());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw invalid(server, value, "expected an http:// or https:// address");
        }
        host(server, uri);
        return uri;
    }

    private static URI parse(ServerSetting server, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(server, value, "not a valid address (" + e.getReason() + ")");
        }
    }

    private static String host(ServerSetting server, URI uri) {
        if (uri.getHost() == null) {
            throw invalid(server, uri.toString(), "the address has no host");
        }
        return uri.getHost();
    }

    private static int port(URI uri, int defaultPort) {
        return uri.getPort() > 0 ? uri.getPort() : defaultPort;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static ServerUnavailableException invalid(ServerSetting server, String value, String reason) {
        String shown = value.replaceAll("//[^/@]*@", "//***@");
        return new ServerUnavailableException(server, shown, reason, null);
    }
}
