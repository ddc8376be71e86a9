package org.kepu.site.internal;

import java.util.List;

/**
 * A work as a listing shows it. {@code image} is a 480-pixel-wide picture (cover, or the video's poster),
 * or null; {@code date} is the publication day in the site's time zone.
 *
 * @param imageSrcset the picture's other widths for {@code srcset} (a cover's or a poster's variants), or null
 * @param highlightedTitle HTML with {@code <em>} around matched words (search results only), else null
 * @param fragments        highlighted body fragments (search results only), HTML
 */
record WorkCard(String id, String path, String title, String summary, String kind, List<String> topics,
                String organisation, String date, String isoDate, String image, Integer imageWidth, Integer imageHeight,
                String imageSrcset, String duration, String highlightedTitle, List<String> fragments) {

    WorkCard {
        topics = List.copyOf(topics);
        fragments = fragments == null ? List.of() : List.copyOf(fragments);
    }
}
