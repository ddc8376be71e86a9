package org.kepu.event.internal;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kepu.content.TopicName;
import org.kepu.content.Topics;
import org.kepu.identity.Actor;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssetStatus;
import org.kepu.media.MediaAssets;
import org.kepu.media.MediaPurpose;
import org.kepu.org.Organisation;
import org.kepu.org.OrganisationKind;
import org.kepu.org.Organisations;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Checks a series form: 422 with a code per mistake, 403 for another society's organiser. */
@Component
class SeriesChecks {

    static final Set<String> AUDIENCES = Set.of("youth", "elderly", "all");
    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 500;
    static final int MAX_DESCRIPTION = 20_000;
    static final int MAX_TOPICS = 10;

    private final Organisations organisations;
    private final Topics topics;
    private final MediaAssets media;

    SeriesChecks(Organisations organisations, Topics topics, MediaAssets media) {
        this.organisations = organisations;
        this.topics = topics;
        this.media = media;
    }

    Mono<SeriesDetails> check(SeriesForm form, Actor actor) {
        return Mono.fromCallable(() -> new Text(required(form.title(), "title", MAX_TITLE), optional(form.summary(), "summary", MAX_SUMMARY),
                        optional(form.description(), "description", MAX_DESCRIPTION), audience(form.audience(), "all"),
                        coverUrl(form), topicList(form.topics())))
                .flatMap(text -> organiser(form.organisation(), actor)
                        .doOnNext(organiser -> EventPermissions.checkAuthor(actor, organiser))
                        .flatMap(organiser -> knownTopics(text.topics())
                                .then(cover(form))
                                .thenReturn(new SeriesDetails(text.title(), text.summary(), text.description(), organiser, text.topics(),
                                        text.audience(), form.coverAsset(), text.coverUrl()))));
    }

    private record Text(String title, String summary, String description, String audience, String coverUrl, List<String> topics) {
    }

    static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-required", field);
        }
        return optional(value, field, max);
    }

    static String optional(String value, String field, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > max) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-too-long", field, max);
        }
        return stripped;
    }

    /** {@code youth}, {@code elderly} or {@code all}; blank gives {@code otherwise}. */
    static String audience(String value, String otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        if (!AUDIENCES.contains(value.strip())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-audience-unknown", value);
        }
        return value.strip();
    }

    private static List<String> topicList(List<String> topics) {
        List<String> distinct = topics == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(topics.stream().filter(topic -> topic != null && !topic.isBlank()).map(String::strip).toList()));
        if (distinct.size() > MAX_TOPICS) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-topics-too-many", MAX_TOPICS);
        }
        return distinct;
    }

    private static String coverUrl(SeriesForm form) {
        if (form.coverUrl() == null || form.coverUrl().isBlank()) {
            return null;
        }
        if (form.coverAsset() != null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-cover-twice");
        }
        String url = optional(form.coverUrl(), "coverUrl", 500);
        try {
            URI uri = URI.create(url);
            boolean web = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
            boolean sitePath = uri.getScheme() == null && url.startsWith("/") && !url.startsWith("//");
            if (web || sitePath) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-cover-url-invalid", url);
    }

    /** The named organisation, or the author's society, or the association for its staff. */
    private Mono<Organisation> organiser(String slug, Actor actor) {
        if (slug != null && !slug.isBlank()) {
            return organisations.findBySlug(slug.strip())
                    .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-organisation-unknown", slug)));
        }
        if (actor.organisation() != null) {
            return organisations.findBySlug(actor.organisation());
        }
        return organisations.all().filter(organisation -> organisation.kind() == OrganisationKind.ASSOCIATION).next();
    }

    private Mono<Void> knownTopics(List<String> wanted) {
        if (wanted.isEmpty()) {
            return Mono.empty();
        }
        return topics.all().map(TopicName::slug).collectList().flatMap(known -> {
            List<String> unknown = wanted.stream().filter(topic -> !known.contains(topic)).toList();
            return unknown.isEmpty() ? Mono.empty()
                    : Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-topic-unknown", String.join(", ", unknown)));
        });
    }

    private Mono<Void> cover(SeriesForm form) {
        if (form.coverAsset() == null) {
            return Mono.empty();
        }
        return media.find(new MediaAssetId(form.coverAsset()))
                .filter(asset -> asset.purpose() == MediaPurpose.IMAGE && usable(asset.status()))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-cover-invalid",
                        form.coverAsset())))
                .then();
    }

    private static boolean usable(MediaAssetStatus status) {
        return status != MediaAssetStatus.REJECTED && status != MediaAssetStatus.ABORTED;
    }
}
