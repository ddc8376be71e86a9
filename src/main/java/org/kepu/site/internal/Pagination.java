package org.kepu.site.internal;

import java.util.ArrayList;
import java.util.List;

/** Page links of a listing: numbered pages around the current one, previous and next. */
record Pagination(int page, int pages, String previous, String next, List<Link> links) {

    record Link(int number, String path, boolean current) {
    }

    static Pagination of(String basePath, int page, long total, int pageSize) {
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        List<Link> links = new ArrayList<>();
        for (int n = Math.max(1, page - 2); n <= Math.min(pages, page + 2); n++) {
            links.add(new Link(n, path(basePath, n), n == page));
        }
        return new Pagination(page, pages, page > 1 ? path(basePath, page - 1) : null,
                page < pages ? path(basePath, page + 1) : null, links);
    }

    static String path(String basePath, int page) {
        if (page <= 1) {
            return basePath;
        }
        return basePath + (basePath.contains("?") ? "&" : "?") + "page=" + page;
    }

    /** A page number from a query parameter: 1 when absent or unusable. */
    static int number(String value) {
        if (value == null) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value.strip());
            return page < 1 ? 1 : Math.min(page, 10_000);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
