package org.kepu.site.internal;

import java.util.List;

/**
 * What every page tells browsers, search engines and share cards.
 *
 * @param path      the page's canonical site-relative path (with its query, if the query makes the page)
 * @param image     an absolute or site-relative image URL for share cards, or null for the site's default
 * @param type      the Open Graph type ({@code website}, {@code article}, {@code video.other}, {@code music.song})
 * @param jsonLd    JSON-LD documents, already serialized
 * @param feed      a site-relative RSS feed path for this page, or null for the site's feed
 * @param noindex   true for pages search engines should not keep (search results, errors)
 */
record PageMeta(String title, String description, String path, String image, String type, List<Crumb> breadcrumbs,
                List<String> jsonLd, String feed, boolean noindex) {

    PageMeta {
        breadcrumbs = List.copyOf(breadcrumbs);
        jsonLd = List.copyOf(jsonLd);
    }
}
