package org.kepu.site.internal;

import java.util.List;

/** Which request paths belong to the site's pages; the rest (API, media, assets, tools) never do. */
final class PagePaths {

    private static final List<String> NOT_PAGES = List.of("/api/", "/media/", "/actuator", "/assets/", "/v3/", "/swagger-ui",
            "/console", "/webjars/");

    private PagePaths() {
    }

    static boolean isPage(String path) {
        for (String prefix : NOT_PAGES) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
