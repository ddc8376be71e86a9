package org.kepu.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kepu.content.RevisionText;

/**
 * What a submitted revision changes against the published one: text by character, the body by paragraph,
 * and which topics, tags and files came or went. Without a published revision ({@code base} null) every
 * field is new.
 */
record RevisionDiff(UUID work, int revision, Integer base, TextField title, TextField summary, Body body,
                    Listing topics, Listing tags, Listing media) {

    record TextField(boolean changed, List<TextDiff.Segment> segments) {
    }

    record Body(boolean changed, List<TextDiff.Block> blocks) {
    }

    record Listing(List<String> added, List<String> removed) {
    }

    static RevisionDiff between(RevisionText published, RevisionText submitted) {
        RevisionText base = published == null ? empty(submitted) : published;
        List<TextDiff.Block> blocks = TextDiff.paragraphs(BlockText.paragraphs(base.bodyHtml()), BlockText.paragraphs(submitted.bodyHtml()));
        return new RevisionDiff(submitted.id().value(), submitted.revision(), published == null ? null : published.revision(),
                text(base.title(), submitted.title()), text(base.summary(), submitted.summary()),
                new Body(blocks.stream().anyMatch(block -> block.change() != TextDiff.Change.SAME), blocks),
                listing(base.topics(), submitted.topics()), listing(base.tags(), submitted.tags()),
                listing(files(base), files(submitted)));
    }

    private static TextField text(String before, String after) {
        List<TextDiff.Segment> segments = TextDiff.characters(before, after);
        return new TextField(TextDiff.changed(segments), segments);
    }

    private static Listing listing(List<String> before, List<String> after) {
        return new Listing(after.stream().filter(item -> !before.contains(item)).toList(),
                before.stream().filter(item -> !after.contains(item)).toList());
    }

    private static List<String> files(RevisionText revision) {
        List<String> files = new ArrayList<>(revision.media().stream().map(UUID::toString).toList());
        if (revision.cover() != null) {
            files.add(revision.cover().toString());
        }
        return files;
    }

    private static RevisionText empty(RevisionText like) {
        return new RevisionText(like.id(), 0, "", "", "", List.of(), List.of(), null, List.of());
    }
}
