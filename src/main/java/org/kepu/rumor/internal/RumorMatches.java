package org.kepu.rumor.internal;

import java.util.List;

import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Matches for editors: every item, drafts included, marked as duplicates from the configured threshold on. */
@Component
class RumorMatches {

    private final RumorMatcher matcher;
    private final RumorProperties properties;

    RumorMatches(RumorMatcher matcher, RumorProperties properties) {
        this.matcher = matcher;
        this.properties = properties;
    }

    /** 503 when the search server cannot be asked: editors must know the list is not "no matches". */
    Mono<List<RumorMatch>> forEditors(String text) {
        double threshold = properties.matching().duplicate();
        return matcher.match(text, false)
                .map(scored -> scored.stream().map(found -> {
                    RumorDocument document = found.document();
                    double score = Math.round(found.score() * 1000) / 1000.0;
                    return new RumorMatch(document.id(), document.slug(), document.claim(), document.verdict(), document.truth(),
                            document.status(), document.published(), score, found.score() >= threshold);
                }).toList())
                .onErrorMap(error -> !(error instanceof ProblemException),
                        error -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "rumor-matching-unavailable")
                                .retryAfter(java.time.Duration.ofSeconds(30)));
    }
}
