package org.kepu.media.internal;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import org.kepu.media.MediaAssetId;
import org.kepu.media.internal.delivery.PublicKeys;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What processing made of an asset: its files and, for documents, the extracted text. {@code url} is the
 * public address, which answers only while a published work uses the asset; {@code previewUrl} serves
 * the same file to the signed-in readers of the asset, published or not.
 */
@RestController
@RequestMapping("/api/media/assets/{id}")
class RenditionsController {

    record RenditionView(String name, String url, String previewUrl, String contentType, long bytes, Integer width,
                         Integer height) {
    }

    private final AssetsTable assets;
    private final ProcessingTable processing;

    RenditionsController(AssetsTable assets, ProcessingTable processing) {
        this.assets = assets;
        this.processing = processing;
    }

    @GetMapping("/renditions")
    Flux<RenditionView> renditions(@PathVariable UUID id, Principal user) {
        return owned(id, user).thenMany(processing.renditions(id)).map(rendition -> new RenditionView(rendition.name(),
                PublicKeys.url(id, rendition.path()), PreviewFilesController.url(id, rendition.path()), rendition.contentType(), rendition.bytes(), rendition.width(),
                rendition.height()));
    }

    @GetMapping("/text")
    Mono<Map<String, String>> text(@PathVariable UUID id, Principal user) {
        return owned(id, user).then(processing.extractedText(id))
                .map(text -> Map.of("text", text))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "media-text-not-found", id)));
    }

    private Mono<Void> owned(UUID id, Principal user) {
        return assets.findVisible(new MediaAssetId(id), user)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "media-asset-not-found", id)))
                .then();
    }
}
