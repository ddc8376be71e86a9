package org.kepu.media.internal;

import java.security.Principal;
import java.util.UUID;

import org.kepu.media.MediaAssetId;
import org.kepu.media.internal.delivery.MediaTypes;
import org.kepu.media.internal.delivery.StoredFiles;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The processed files of any asset the signed-in account may read (staff, reviewers, the uploader),
 * published or not: reviewers play a work's video before it is public. Playlists name their segments
 * relatively, so an HLS player stays under this path. No cache may store these answers.
 */
@RestController
class PreviewFilesController {

    private final AssetsTable assets;
    private final StoredFiles files;

    PreviewFilesController(AssetsTable assets, StoredFiles files) {
        this.assets = assets;
        this.files = files;
    }

    @GetMapping("/api/media/assets/{id}/files/**")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable UUID id, ServerWebExchange exchange, Principal user) {
        String file = StoredFiles.fileIn(exchange.getRequest().getPath().pathWithinApplication().value(),
                "/api/media/assets/" + id + "/files/");
        return assets.findVisible(new MediaAssetId(id), user)
                .switchIfEmpty(Mono.error(StoredFiles::notFound))
                .flatMap(visible -> files.serve(id, file, exchange.getRequest().getHeaders(), MediaTypes.privateFiles()));
    }

    static String url(UUID asset, String file) {
        return "/api/media/assets/" + asset + "/files/" + file;
    }
}
