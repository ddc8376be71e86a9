package org.kepu.media.internal.delivery;

import java.util.UUID;

import org.kepu.media.MediaAssetId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves the processed files of public assets (HLS playlists and segments, posters, audio renditions,
 * waveforms) to anyone. An asset is public while a published work uses it; for any other asset the
 * answer is the same 404 as for a file that does not exist, so its existence is not revealed.
 */
@RestController
class MediaFilesController {

    private final StoredFiles files;
    private final PublicAssets publicAssets;

    MediaFilesController(StoredFiles files, PublicAssets publicAssets) {
        this.files = files;
        this.publicAssets = publicAssets;
    }

    @GetMapping("/media/{asset}/**")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable UUID asset, ServerWebExchange exchange) {
        String file = StoredFiles.fileIn(exchange.getRequest().getPath().pathWithinApplication().value(), "/media/" + asset + "/");
        return publicAssets.isPublic(new MediaAssetId(asset))
                .flatMap(open -> open ? files.serve(asset, file, exchange.getRequest().getHeaders(), MediaTypes.cacheFor(file))
                        : Mono.error(StoredFiles.notFound()));
    }
}
