package org.kepu.site.internal;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Editors' picks for the home page: {@code GET|PUT /api/site/featured} with {@code {"works": [id, …]}} in slot
 * order. Only public works can be picked (422 names the first that is not).
 */
@RestController
class FeaturedController {

    record Picks(List<String> works) {
    }

    private final FeaturedWorks featured;
    private final PublishedWorks works;
    private final PageCache pages;
    private final AuditLog audit;

    FeaturedController(FeaturedWorks featured, PublishedWorks works, PageCache pages, AuditLog audit) {
        this.featured = featured;
        this.works = works;
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping("/api/site/featured")
    Mono<Picks> current() {
        return featured.ids().map(ids -> new Picks(ids.stream().map(UUID::toString).toList()));
    }

    @PutMapping("/api/site/featured")
    Mono<Picks> replace(@RequestBody Picks picks, Principal user) {
        List<String> given = picks.works() == null ? List.of() : picks.works();
        if (given.size() > FeaturedWorks.SLOTS) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "site-featured-too-many", FeaturedWorks.SLOTS));
        }
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        for (String id : given) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException | NullPointerException e) {
                return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "site-featured-not-public", id));
            }
        }
        List<UUID> ordered = List.copyOf(ids);
        return Flux.fromIterable(ordered)
                .concatMap(id -> works.find(new WorkId(id)).hasElement().flatMap(found -> found ? Mono.just(id)
                        : Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "site-featured-not-public", id))))
                .then(featured.replace(ordered, user.getName()))
                .then(audit.record(user.getName(), "site.featured-changed", "site:home", Map.of("works", ordered.toString())))
                .then(pages.invalidate())
                .thenReturn(new Picks(ordered.stream().map(UUID::toString).toList()));
    }
}
