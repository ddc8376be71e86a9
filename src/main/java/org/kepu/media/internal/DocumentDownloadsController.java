package org.kepu.media.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssetStatus;
import org.kepu.media.MediaPurpose;
import org.kepu.media.PublicMedia;
import org.kepu.media.internal.delivery.MediaTypes;
import org.kepu.media.internal.delivery.StoredFiles;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A published work's document (PDF, DOCX, ODT) as the author uploaded it, saved under its own name. Only
 * documents are offered: the originals of videos, audio and images may carry what processing strips
 * (location, camera, editing history). Like every public file, only while a published work uses the asset;
 * otherwise the same 404 as for an unknown id.
 */
@RestController
class DocumentDownloadsController {

    private static final Set<MediaAssetStatus> STORED = EnumSet.of(MediaAssetStatus.STORED, MediaAssetStatus.PROCESSING,
            MediaAssetStatus.PLAYABLE, MediaAssetStatus.PROCESSED);

    private final AssetsTable assets;
    private final PublicMedia publicMedia;
    private final StoredFiles files;

    DocumentDownloadsController(AssetsTable assets, PublicMedia publicMedia, StoredFiles files) {
        this.assets = assets;
        this.publicMedia = publicMedia;
        this.files = files;
    }

    /** The address {@link org.kepu.media.MediaDetails#downloadUrl()} gives. */
    @GetMapping("/media/{asset}/download")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable UUID asset, ServerWebExchange exchange) {
        MediaAssetId id = new MediaAssetId(asset);
        return publicMedia.isPublic(id)
                .filter(Boolean::booleanValue)
                .flatMap(open -> assets.find(id))
                .filter(found -> found.purpose() == MediaPurpose.DOCUMENT && STORED.contains(found.status())
                        && found.detectedType() != null)
                .switchIfEmpty(Mono.error(StoredFiles::notFound))
                .flatMap(document -> files.serveOriginal(document.objectKey(), MediaType.parseMediaType(document.detectedType()),
                        AttachmentDisposition.of(document.originalName()), exchange.getRequest().getHeaders(),
                        MediaTypes.publicFiles()));
    }
}
