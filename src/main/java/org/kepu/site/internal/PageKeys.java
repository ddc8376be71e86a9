package org.kepu.site.internal;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The page cache's key of a request: the visitor's language and the site's address, the path, and of the
 * query only the parameters pages use ({@code page}, {@code district}), so that arbitrary query strings
 * neither fill the cache nor miss it.
 */
final class PageKeys {

    private PageKeys() {
    }

    static String of(ServerHttpRequest request, SiteRequest site) {
        StringBuilder key = new StringBuilder(site.key()).append('|').append(request.getPath().value());
        String page = request.getQueryParams().getFirst("page");
        int number = Pagination.number(page);
        if (number > 1) {
            key.append("?page=").append(number);
        }
        String district = request.getQueryParams().getFirst("district");
        if (district != null && !district.isBlank()) {
            key.append(number > 1 ? '&' : '?').append("district=").append(district.strip());
        }
        return key.toString();
    }
}
