package org.kepu.content;

import java.util.List;

import org.kepu.media.MediaAssetId;

/**
 * A revision became public (first publication, a reviewed edit replacing the old one, or a publication
 * after an unpublish). {@code media} are all the assets the revision uses: media, cover, attachments.
 */
public record WorkPublished(WorkId id, int revision, Integer previousRevision, String by, List<MediaAssetId> media) {

    public WorkPublished {
        media = List.copyOf(media);
    }
}
