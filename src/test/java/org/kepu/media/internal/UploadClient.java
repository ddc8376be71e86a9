package org.kepu.media.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A multipart upload as the console performs it: parts go straight to object storage by presigned URL. */
class UploadClient {

    private static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Started(UUID upload, UUID asset, long partSize, int partCount) {
    }

    record PartUrl(int number, String method, String url) {
    }

    record Part(int number, String etag, long size) {
    }

    private final WebTestClient web;

    UploadClient(WebTestClient signedIn) {
        this.web = signedIn;
    }

    Started start(String purpose, String name, long size, String type) {
        return web.post().uri("/api/media/uploads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose", purpose, "fileName", name, "size", size, "contentType", type))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Started.class).returnResult().getResponseBody();
    }

    void putPart(Started started, int number, byte[] file) throws Exception {
        PartUrl url = web.post().uri("/api/media/uploads/{id}/parts/{n}/url", started.upload(), number).exchange()
                .expectStatus().isOk()
                .expectBody(PartUrl.class).returnResult().getResponseBody();
        assertThat(url.method()).isEqualTo("PUT");
        int from = (int) ((number - 1) * started.partSize());
        byte[] part = Arrays.copyOfRange(file, from, (int) Math.min(file.length, from + started.partSize()));
        HttpResponse<String> response = BROWSER.send(HttpRequest.newBuilder(URI.create(url.url()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(part)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    List<Part> parts(Started started) {
        return web.get().uri("/api/media/uploads/{id}/parts", started.upload()).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Part>>() {
                }).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec complete(Started started, List<Part> parts) {
        return web.post().uri("/api/media/uploads/{id}/complete", started.upload()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("parts", parts.stream().map(part -> Map.of("number", part.number(), "etag", part.etag())).toList()))
                .exchange();
    }
}
