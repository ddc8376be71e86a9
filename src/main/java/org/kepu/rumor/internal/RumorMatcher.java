package org.kepu.rumor.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds rumor items whose claims say what a text says. The search server proposes candidates (more-like-this over
 * smartcn words and CJK bigrams of the claims); each is then scored by {@link ClaimTerms#similarity}, a bounded
 * score computed from the same server-side analysis, so that one threshold means the same for every text.
 */
@Component
class RumorMatcher {

    private final RumorIndex index;

    RumorMatcher(RumorIndex index) {
        this.index = index;
    }

    /** Candidates with their scores, best first; {@code publishedOnly} for public callers. */
    Mono<List<Scored>> match(String text, boolean publishedOnly) {
        if (text == null || text.isBlank()) {
            return Mono.just(List.of());
        }
        String trimmed = text.strip().length() > 1000 ? text.strip().substring(0, 1000) : text.strip();
        return index.candidates(trimmed, publishedOnly).flatMap(candidates -> candidates.isEmpty() ? Mono.just(List.<Scored>of())
                : index.terms(trimmed).zipWith(index.termsOf(candidates.stream().map(RumorDocument::id).toList()))
                        .map(terms -> scored(candidates, terms.getT1(), terms.getT2())));
    }

    private static List<Scored> scored(List<RumorDocument> candidates, ClaimTerms text, Map<String, ClaimTerms> claims) {
        List<Scored> scored = new ArrayList<>();
        for (RumorDocument candidate : candidates) {
            ClaimTerms claim = claims.get(candidate.id());
            if (claim != null) {
                scored.add(new Scored(candidate, text.similarity(claim)));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return scored;
    }

    record Scored(RumorDocument document, double score) {
    }
}
