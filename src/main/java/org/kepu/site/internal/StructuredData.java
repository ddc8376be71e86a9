package org.kepu.site.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kepu.content.PublishedWork;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON-LD for schema.org: the site, breadcrumbs, and each work as an {@code Article}, {@code VideoObject} or
 * {@code AudioObject}, events as {@code Event}. Serialized so that it is safe inside a script element.
 */
@Component
class StructuredData {

    private final JsonMapper json;
    private final SiteProperties properties;

    StructuredData(JsonMapper json, SiteProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    String website(SiteRequest request) {
        Map<String, Object> action = ordered("@type", "SearchAction",
                "target", request.absolute("/search?q={search_term_string}"), "query-input", "required name=search_term_string");
        return write(ordered("@context", "https://schema.org", "@type", "WebSite", "name", properties.name(),
                "url", request.absolute("/"), "inLanguage", "zh-CN", "potentialAction", action));
    }

    String breadcrumbs(SiteRequest request, List<Crumb> crumbs) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < crumbs.size(); i++) {
            items.add(ordered("@type", "ListItem", "position", i + 1, "name", crumbs.get(i).name(),
                    "item", request.absolute(crumbs.get(i).path())));
        }
        return write(ordered("@context", "https://schema.org", "@type", "BreadcrumbList", "itemListElement", items));
    }

    /** The work as the schema type of its kind; {@code media} is the playable file's URL, {@code image} its picture. */
    String work(SiteRequest request, PublishedWork work, String image, String media, String isoDuration) {
        Map<String, Object> publisher = ordered("@type", "Organization", "name", properties.name(), "url", request.absolute("/"));
        Map<String, Object> author = ordered("@type", "Organization", "name", work.organisationName(),
                "url", request.absolute("/societies/" + work.organisation()));
        Map<String, Object> document = switch (work.kind()) {
            case VIDEO, ANIMATION -> ordered("@context", "https://schema.org", "@type", "VideoObject", "name", work.title(),
                    "description", description(work), "thumbnailUrl", request.absolute(image), "uploadDate", iso(work),
                    "contentUrl", request.absolute(media), "duration", isoDuration);
            case AUDIO -> ordered("@context", "https://schema.org", "@type", "AudioObject", "name", work.title(),
                    "description", description(work), "uploadDate", iso(work), "contentUrl", request.absolute(media),
                    "duration", isoDuration, "encodingFormat", "audio/mp4");
            case ARTICLE -> ordered("@context", "https://schema.org", "@type", "Article", "headline", work.title(),
                    "description", description(work), "image", request.absolute(image), "datePublished", iso(work));
        };
        document.put("inLanguage", "zh-CN");
        document.put("author", author);
        document.put("publisher", publisher);
        document.put("url", request.absolute("/works/" + work.id().value()));
        if (!work.tags().isEmpty()) {
            document.put("keywords", String.join(",", work.tags()));
        }
        document.values().removeIf(value -> value == null);
        return write(document);
    }

    String event(SiteRequest request, EventView event, String description) {
        Map<String, Object> place = ordered("@type", "Place", "name", event.venue(),
                "address", ordered("@type", "PostalAddress", "streetAddress", event.address(), "addressLocality", event.district(),
                        "addressCountry", "CN"));
        String status = switch (event.status()) {
            case "CANCELLED" -> "https://schema.org/EventCancelled";
            case "RESCHEDULED" -> "https://schema.org/EventRescheduled";
            // A move to another venue keeps the event scheduled; the new place is in location.
            default -> "https://schema.org/EventScheduled";
        };
        Map<String, Object> document = ordered("@context", "https://schema.org", "@type", "Event", "name", event.title(),
                "startDate", event.isoStart(), "endDate", event.isoEnd(), "eventStatus", status,
                "eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode", "location", place,
                "description", description, "url", request.absolute(event.path()),
                "organizer", ordered("@type", "Organization", "name", properties.name(), "url", request.absolute("/")));
        document.values().removeIf(value -> value == null);
        return write(document);
    }

    /**
     * A rumor item as {@code ClaimReview} (schema.org; the fields Google's fact-check guidelines ask for): the claim,
     * where it appeared, the verdict as {@code reviewRating.alternateName} with a 1 to 5 rating (1 false, 5 true),
     * the association as author.
     */
    String claimReview(SiteRequest request, org.kepu.rumor.PublicRumor rumor, String verdictName) {
        List<Object> appearances = new ArrayList<>();
        rumor.appearances().forEach(appearance -> {
            Map<String, Object> work = ordered("@type", "CreativeWork", "name", appearance.where(), "url", appearance.url());
            work.values().removeIf(value -> value == null);
            appearances.add(work);
        });
        Map<String, Object> claim = ordered("@type", "Claim", "datePublished", rumor.firstSeen() == null ? null : rumor.firstSeen().toString(),
                "appearance", appearances.isEmpty() ? null : appearances);
        claim.values().removeIf(value -> value == null);
        int rating = switch (rumor.verdict()) {
            case RUMOR -> 1;
            case INACCURATE -> 2;
            case DISPUTED -> 3;
            case TRUE -> 5;
        };
        Map<String, Object> document = ordered("@context", "https://schema.org", "@type", "ClaimReview",
                "url", request.absolute("/rumors/" + rumor.slug()), "claimReviewed", rumor.claim(), "itemReviewed", claim,
                "author", ordered("@type", "Organization", "name", properties.name(), "url", request.absolute("/")),
                "reviewRating", ordered("@type", "Rating", "ratingValue", rating, "bestRating", 5, "worstRating", 1,
                        "alternateName", verdictName),
                "datePublished", rumor.publishedAt() == null ? null : rumor.publishedAt().toLocalDate().toString(),
                "reviewBody", rumor.truth(), "inLanguage", "zh-CN");
        document.values().removeIf(value -> value == null);
        return write(document);
    }

    private static String description(PublishedWork work) {
        return work.summary() == null || work.summary().isBlank() ? work.title() : work.summary();
    }

    private static String iso(PublishedWork work) {
        return work.publishedAt() == null ? null : work.publishedAt().toString();
    }

    /** {@code </} would end the script element early; JSON allows escaping the slash. */
    private String write(Map<String, Object> document) {
        return json.writeValueAsString(document).replace("</", "<\\/");
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
