package org.kepu.site.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gzip over a real HTTP connection to the running server (java.net.http, which neither asks for nor undoes
 * compression by itself): pages come from their gzip copy, with their own ETag and {@code Vary: Accept-Encoding},
 * both when rendered and when answered from memory; assets, feeds and JSON are compressed by the server.
 * <p>
 * Not WebTestClient: its default connector is Reactor Netty's client with {@code compress(true)}, which asks for gzip,
 * inflates the answer and drops {@code Content-Encoding}, so a test through it can never see compression.
 */
@KepuIntegrationTest
class SiteCompressionIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesAreSentFromTheirGzipCopyWhenTheClientAcceptsItWithAnEtagOfTheirOwn() {
        // /topics is rendered by its controller at the first request and answered by CachedPageFilter afterwards.
        HttpResponse<byte[]> renderedGzip = get("/topics", "gzip, deflate, br");
        HttpResponse<byte[]> cachedGzip = get("/topics", "gzip");
        HttpResponse<byte[]> plain = get("/topics", null);

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        String html = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>科普主题</h1>");
        String plainEtag = plain.headers().firstValue("ETag").orElseThrow();
        for (HttpResponse<byte[]> gzip : java.util.List.of(renderedGzip, cachedGzip)) {
            assertThat(gzip.statusCode()).isEqualTo(200);
            assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(String.join(",", gzip.headers().allValues("Vary"))).contains("Accept-Encoding").contains("Cookie");
            assertThat(gzip.headers().firstValue("Content-Length")).hasValue(Integer.toString(gzip.body().length));
            assertThat(gunzip(gzip.body())).isEqualTo(plain.body());
            assertThat(gzip.body().length).isLessThan(plain.body().length / 2);
            assertThat(gzip.headers().firstValue("ETag")).hasValue(plainEtag.substring(0, plainEtag.length() - 1) + "-gzip\"");
        }
        assertThat(String.join(",", plain.headers().allValues("Vary"))).contains("Accept-Encoding");

        // Revalidation matches the copy the client holds.
        String gzipEtag = cachedGzip.headers().firstValue("ETag").orElseThrow();
        assertThat(send(request("/topics", "gzip").header("If-None-Match", gzipEtag)).statusCode()).isEqualTo(304);
        assertThat(send(request("/topics", "gzip").header("If-None-Match", plainEtag)).statusCode()).isEqualTo(200);
        assertThat(send(request("/topics", null).header("If-None-Match", plainEtag)).statusCode()).isEqualTo(304);
        assertThat(send(request("/topics", null).header("If-None-Match", gzipEtag)).statusCode()).isEqualTo(200);
        // gzip;q=0 refuses it.
        assertThat(get("/topics", "gzip;q=0, identity").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void theHomePageTheRumorLibraryAndTheSitemapAreCompressedAndDecompressToTheSameBytes() {
        for (String path : new String[] {"/", "/rumors", "/sitemap-pages.xml"}) {
            byte[] plain = get(path, null).body();
            HttpResponse<byte[]> gzip = get(path, "gzip");
            assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gunzip(gzip.body())).as(path).isEqualTo(plain);
        }
    }

    @Test
    void assetsAndJsonAreCompressedByTheServer() {
        String home = new String(get("/", null).body(), StandardCharsets.UTF_8);
        for (String pattern : new String[] {"href=\"(/assets/[^\"]+\\.css)\"", "src=\"(/assets/[^\"]+\\.js)\""}) {
            Matcher asset = Pattern.compile(pattern).matcher(home);
            assertThat(asset.find()).as(pattern).isTrue();
            assertCompressedByTheServer(asset.group(1));
        }
        assertCompressedByTheServer("/v3/api-docs");
    }

    private void assertCompressedByTheServer(String path) {
        HttpResponse<byte[]> plain = get(path, null);
        HttpResponse<byte[]> gzip = get(path, "gzip");
        assertThat(plain.statusCode()).as(path).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
        assertThat(gunzip(gzip.body())).as(path).isEqualTo(plain.body());
        assertThat(String.join(",", gzip.headers().allValues("Vary"))).as(path).contains("Accept-Encoding");
        assertThat(String.join(",", plain.headers().allValues("Vary"))).as(path).contains("Accept-Encoding");
    }

    private HttpRequest.Builder request(String path, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html,*/*");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return request;
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) {
        HttpResponse<byte[]> response = send(request(path, acceptEncoding));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
