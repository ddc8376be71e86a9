package org.kepu.content;

import java.util.List;

import org.kepu.media.MediaAssetId;

/**
 * A work stopped being public; its revisions stay, and a later approved revision can publish it again.
 * {@code revision} is the one that was public, {@code media} the assets it used.
 */
public record WorkUnpublished(WorkId id, int revision, String by, String reason, List<MediaAssetId> media) {

    public WorkUnpublished {
        media = List.copyOf(media);
    }
}
