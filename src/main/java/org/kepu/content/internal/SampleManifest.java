package org.kepu.content.internal;

import java.util.List;

import org.kepu.content.WorkKind;
import org.kepu.media.MediaPurpose;

/** {@code content-samples/manifest.json}: one entry per sample work and the file it is made from. */
record SampleManifest(int version, List<Sample> works) {

    record Sample(String file, WorkKind kind, String title, String summary, List<String> topics, String organisation,
                  List<String> tags, List<Credit> credits, WorkDraft.Originality originality, String licence, String body) {

        MediaPurpose purpose() {
            return switch (kind) {
                case VIDEO -> MediaPurpose.VIDEO;
                case ANIMATION -> MediaPurpose.ANIMATION;
                case AUDIO -> MediaPurpose.AUDIO;
                case ARTICLE -> MediaPurpose.DOCUMENT;
            };
        }

        String fileName() {
            return file.substring(file.lastIndexOf('/') + 1);
        }

        WorkDraft draft(java.util.UUID asset) {
            boolean hasBody = body != null && !body.isBlank();
            return new WorkDraft(title, summary, hasBody ? body : "", hasBody ? WorkDraft.BodyFormat.MARKDOWN : null, topics,
                    List.of(), tags, credits, originality, licence, null, List.of(asset));
        }
    }
}
