package org.kepu.review.internal;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

/**
 * Differences between two texts for a reviewer: by character inside a line of text (Chinese has no spaces to
 * split words on), by paragraph for a body, where a changed paragraph shows its characters too.
 */
final class TextDiff {

    enum Change { SAME, ADDED, REMOVED, CHANGED }

    /** A run of text that is in both versions, only in the new one or only in the old one. */
    record Segment(Change change, String text) {
    }

    /** One paragraph of a body (or several that changed together) with its character-level segments. */
    record Block(Change change, List<Segment> segments) {
    }

    private static final double SIMILAR = 0.3;

    private TextDiff() {
    }

    static List<Segment> characters(String before, String after) {
        List<String> source = codePoints(before);
        List<String> target = codePoints(after);
        List<Segment> segments = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(source, target, true).getDeltas()) {
            switch (delta.getType()) {
                case EQUAL -> add(segments, Change.SAME, delta.getSource().getLines());
                case DELETE -> add(segments, Change.REMOVED, delta.getSource().getLines());
                case INSERT -> add(segments, Change.ADDED, delta.getTarget().getLines());
                case CHANGE -> {
                    add(segments, Change.REMOVED, delta.getSource().getLines());
                    add(segments, Change.ADDED, delta.getTarget().getLines());
                }
            }
        }
        return segments;
    }

    static List<Block> paragraphs(List<String> before, List<String> after) {
        List<Block> blocks = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after, true).getDeltas()) {
            List<String> source = delta.getSource().getLines();
            List<String> target = delta.getTarget().getLines();
            DeltaType type = delta.getType();
            if (type == DeltaType.EQUAL) {
                source.forEach(paragraph -> blocks.add(new Block(Change.SAME, List.of(new Segment(Change.SAME, paragraph)))));
            } else if (type == DeltaType.DELETE) {
                source.forEach(paragraph -> blocks.add(new Block(Change.REMOVED, List.of(new Segment(Change.REMOVED, paragraph)))));
            } else if (type == DeltaType.INSERT) {
                target.forEach(paragraph -> blocks.add(new Block(Change.ADDED, List.of(new Segment(Change.ADDED, paragraph)))));
            } else {
                changedParagraphs(source, target, blocks);
            }
        }
        return blocks;
    }

    /**
     * Paragraphs replaced together are paired in order; a pair that shares too little is shown as removed and
     * added rather than as a character soup, and what is left over on either side as removed or added.
     */
    private static void changedParagraphs(List<String> source, List<String> target, List<Block> blocks) {
        int paired = Math.min(source.size(), target.size());
        for (int i = 0; i < paired; i++) {
            List<Segment> segments = characters(source.get(i), target.get(i));
            if (similarity(segments, source.get(i), target.get(i)) >= SIMILAR) {
                blocks.add(new Block(Change.CHANGED, segments));
            } else {
                blocks.add(new Block(Change.REMOVED, List.of(new Segment(Change.REMOVED, source.get(i)))));
                blocks.add(new Block(Change.ADDED, List.of(new Segment(Change.ADDED, target.get(i)))));
            }
        }
        source.subList(paired, source.size())
                .forEach(paragraph -> blocks.add(new Block(Change.REMOVED, List.of(new Segment(Change.REMOVED, paragraph)))));
        target.subList(paired, target.size())
                .forEach(paragraph -> blocks.add(new Block(Change.ADDED, List.of(new Segment(Change.ADDED, paragraph)))));
    }

    /** The share of characters both versions keep (Dice coefficient over the common subsequence). */
    private static double similarity(List<Segment> segments, String before, String after) {
        int kept = segments.stream().filter(segment -> segment.change() == Change.SAME)
                .mapToInt(segment -> segment.text().codePointCount(0, segment.text().length())).sum();
        int total = before.codePointCount(0, before.length()) + after.codePointCount(0, after.length());
        return total == 0 ? 1 : 2.0 * kept / total;
    }

    static boolean changed(List<Segment> segments) {
        return segments.stream().anyMatch(segment -> segment.change() != Change.SAME);
    }

    private static void add(List<Segment> segments, Change change, List<String> characters) {
        String text = String.join("", characters);
        if (text.isEmpty()) {
            return;
        }
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).change() == change) {
            segments.set(last, new Segment(change, segments.get(last).text() + text));
        } else {
            segments.add(new Segment(change, text));
        }
    }

    private static List<String> codePoints(String text) {
        return text == null ? List.of() : text.codePoints().mapToObj(Character::toString).toList();
    }
}
