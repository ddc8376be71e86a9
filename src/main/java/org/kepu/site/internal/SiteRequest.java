package org.kepu.site.internal;

import java.util.Locale;

import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who asks for a page, as far as the page depends on it: the language (a cookie the language switch sets;
 * Chinese by default) and the site's public address.
 */
record SiteRequest(Locale locale, String baseUrl) {

    static final String LANGUAGE_COOKIE = "kepu-lang";

    static SiteRequest of(ServerHttpRequest request, SiteProperties properties) {
        HttpCookie language = request.getCookies().getFirst(LANGUAGE_COOKIE);
        Locale locale = language != null && "en".equals(language.getValue()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        return new SiteRequest(locale, baseUrl(request, properties));
    }

    private static String baseUrl(ServerHttpRequest request, SiteProperties properties) {
        if (!properties.baseUrl().isBlank()) {
            return properties.baseUrl().replaceAll("/+$", "");
        }
        var uri = request.getURI();
        String port = uri.getPort() < 0 || (uri.getPort() == 80 && "http".equals(uri.getScheme()))
                || (uri.getPort() == 443 && "https".equals(uri.getScheme())) ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port;
    }

    boolean english() {
        return Locale.ENGLISH.equals(locale);
    }

    /** The part of a cache key that depends on the visitor. */
    String key() {
        return locale.toLanguageTag() + "|" + baseUrl;
    }

    /**
     * The site's address for calendar subscriptions: {@code webcal:} makes phones and desktop calendars offer to
     * subscribe (and then fetch the feed over HTTP(S) again and again) instead of importing a copy once.
     */
    String webcalBase() {
        return baseUrl.replaceFirst("^https?://", "webcal://");
    }

    String absolute(String path) {
        return path == null ? null : path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
    }
}
