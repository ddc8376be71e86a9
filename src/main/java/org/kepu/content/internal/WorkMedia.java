package org.kepu.content.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.kepu.content.WorkKind;
import org.kepu.media.MediaAsset;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssetStatus;
import org.kepu.media.MediaAssets;
import org.kepu.media.MediaPurpose;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checks that the media a draft names exist, were not refused, and suit the work: a video work plays
 * video, an article carries documents and images, a cover is an image. An asset still uploading or
 * processing is fine; publishing waits for a playable rendition.
 */
@Component
class WorkMedia {

    private static final Set<MediaAssetStatus> UNUSABLE = EnumSet.of(MediaAssetStatus.REJECTED, MediaAssetStatus.ABORTED);

    private final MediaAssets media;

    WorkMedia(MediaAssets media) {
        this.media = media;
    }

    static Set<MediaPurpose> accepted(WorkKind kind) {
        return switch (kind) {
            case VIDEO -> EnumSet.of(MediaPurpose.VIDEO);
            case ANIMATION -> EnumSet.of(MediaPurpose.ANIMATION, MediaPurpose.VIDEO);
            case AUDIO -> EnumSet.of(MediaPurpose.AUDIO);
            case ARTICLE -> EnumSet.of(MediaPurpose.DOCUMENT, MediaPurpose.IMAGE);
        };
    }

    Mono<Void> check(WorkKind kind, WorkDraft draft) {
        Mono<Void> cover = draft.coverAsset() == null ? Mono.empty()
                : check(draft.coverAsset(), EnumSet.of(MediaPurpose.IMAGE), "cover");
        return Flux.fromIterable(draft.mediaAssets())
                .concatMap(id -> check(id, accepted(kind), kind.name()))
                .then(cover);
    }

    private Mono<Void> check(UUID id, Set<MediaPurpose> purposes, String usedAs) {
        return media.find(new MediaAssetId(id))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "work-media-unknown", id)))
                .flatMap(asset -> problem(asset, purposes, usedAs).map(Mono::<Void>error).orElse(Mono.empty()));
    }

    private static Optional<ProblemException> problem(MediaAsset asset, Set<MediaPurpose> purposes, String usedAs) {
        if (UNUSABLE.contains(asset.status())) {
            return Optional.of(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "work-media-unusable",
                    asset.id().id(), asset.status().name()));
        }
        if (!purposes.contains(asset.purpose())) {
            return Optional.of(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "work-media-wrong-purpose",
                    asset.id().id(), asset.purpose().name(), usedAs));
        }
        return Optional.empty();
    }
}
