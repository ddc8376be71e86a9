package org.kepu.media.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;

import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaPurpose;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/media/assets?purpose=…}: the raw file is the request body (any content type),
 * its name in {@code X-File-Name}, percent-encoded UTF-8.
 */
@RestController
@RequestMapping("/api/media/assets")
class AssetsController {

    static final String FILE_NAME = "X-File-Name";

    private final StreamedUploads streamed;
    private final AssetsTable assets;

    AssetsController(StreamedUploads streamed, AssetsTable assets) {
        this.streamed = streamed;
        this.assets = assets;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AssetView> upload(@RequestParam String purpose, @RequestHeader(name = FILE_NAME, required = false) String fileName,
                           ServerHttpRequest request, Principal user) {
        MediaType declared = request.getHeaders().getContentType();
        return streamed.upload(purpose(purpose), decode(fileName), declared == null ? null : declared.toString(),
                        request.getHeaders().getContentLength(), request.getBody(), user.getName())
                .map(AssetView::of);
    }

    @GetMapping("/{id}")
    Mono<AssetView> find(@PathVariable UUID id, Principal user) {
        return assets.findVisible(new MediaAssetId(id), user)
                .map(AssetView::of)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "media-asset-not-found", id)));
    }

    static MediaPurpose purpose(String value) {
        try {
            return MediaPurpose.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "media-purpose-unknown", value);
        }
    }

    private static String decode(String fileName) {
        if (fileName == null) {
            return null;
        }
        try {
            return UriUtils.decode(fileName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "media-file-name-invalid");
        }
    }
}
