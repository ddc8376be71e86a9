package org.kepu.rumor.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.kepu.platform.ProblemException;
import org.kepu.rumor.PublicRumor;
import org.springframework.http.HttpStatus;

/** Validates and normalises what editors send; every refusal is a 422 naming the field. */
final class RumorChecks {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final int MAX_LIST = 20;
    /** Site paths under /rumors/ that are not items. */
    private static final Set<String> RESERVED = Set.of("report", "columns", "lists");

    private RumorChecks() {
    }

    /** The form with trimmed texts and without empty entries; {@code topics} are the slugs that exist. */
    static RumorForm checked(RumorForm form, Set<String> topics) {
        if (form == null) {
            throw required("claim");
        }
        String slug = form.slug() == null || form.slug().isBlank() ? null : form.slug().strip();
        if (slug != null && (!SLUG.matcher(slug).matches() || RESERVED.contains(slug))) {
            throw invalid("slug");
        }
        String claim = text(form.claim(), "claim", 500);
        if (form.verdict() == null) {
            throw required("verdict");
        }
        String truth = text(form.truth(), "truth", 200);
        String explanation = text(form.explanation(), "explanation", 20_000);
        List<PublicRumor.Appearance> appearances = new ArrayList<>();
        for (PublicRumor.Appearance appearance : list(form.appearances(), "appearances")) {
            if (appearance != null && appearance.where() != null && !appearance.where().isBlank()) {
                appearances.add(new PublicRumor.Appearance(text(appearance.where(), "appearances", 200), url(appearance.url(), "appearances")));
            }
        }
        List<PublicRumor.Evidence> evidence = new ArrayList<>();
        for (PublicRumor.Evidence source : list(form.evidence(), "evidence")) {
            if (source != null && source.title() != null && !source.title().isBlank()) {
                evidence.add(new PublicRumor.Evidence(text(source.title(), "evidence", 300),
                        source.publisher() == null || source.publisher().isBlank() ? null : text(source.publisher(), "evidence", 200),
                        url(source.url(), "evidence")));
            }
        }
        List<String> topicSlugs = list(form.topics(), "topics").stream().filter(topic -> topic != null && !topic.isBlank())
                .map(String::strip).distinct().toList();
        if (!topics.containsAll(topicSlugs)) {
            throw invalid("topics");
        }
        String column = form.column() == null || form.column().isBlank() ? null : form.column().strip();
        return new RumorForm(slug, claim, appearances, form.firstSeen(), form.verdict(), truth, explanation, evidence, topicSlugs,
                column, form.rebuttalWork());
    }

    static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw required(field);
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "rumor-field-too-long", field, max);
        }
        return stripped;
    }

    private static String url(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        try {
            URI uri = URI.create(stripped);
            if (stripped.length() <= 500 && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return stripped;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw invalid(field);
    }

    private static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST) {
            throw invalid(field);
        }
        return values;
    }

    static ProblemException required(String field) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "rumor-field-required", field);
    }

    static ProblemException invalid(String field) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "rumor-field-invalid", field);
    }
}
