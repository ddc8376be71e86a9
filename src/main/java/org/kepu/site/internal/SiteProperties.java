package org.kepu.site.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public site.
 *
 * @param name           the site's name in titles and feeds
 * @param baseUrl        the public address for canonical URLs, feeds, sitemaps and shares (no trailing slash);
 *                       empty: taken from each request
 * @param pageCache      false renders every page on every request (development, and the benchmark's uncached rate)
 * @param pageTtl        how long a rendered page is kept in Redis at most (publishing clears it earlier)
 * @param localPages     how many rendered pages each instance keeps in memory in front of Redis
 * @param redisTimeout   a page-cache or view-counter call to Redis that takes longer is given up: the page renders anyway
 * @param pageSize       works per page of topic, column and society listings
 * @param sitemapSize    URLs per sitemap file; more works split the sitemap under an index
 * @param feedSize       entries per RSS/Atom feed
 * @param viewsFlush     how often view counts move from Redis to PostgreSQL
 */
@ConfigurationProperties("kepu.site")
public record SiteProperties(@DefaultValue("科普益阳") String name,
                             @DefaultValue("") String baseUrl,
                             @DefaultValue("true") boolean pageCache,
                             @DefaultValue("10m") Duration pageTtl,
                             @DefaultValue("2000") int localPages,
                             @DefaultValue("300ms") Duration redisTimeout,
                             @DefaultValue("20") int pageSize,
                             @DefaultValue("10000") int sitemapSize,
                             @DefaultValue("20") int feedSize,
                             @DefaultValue("1m") Duration viewsFlush) {
}
