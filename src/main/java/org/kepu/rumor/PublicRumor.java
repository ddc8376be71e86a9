package org.kepu.rumor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A published rumor item as the public sees it: the reviewed text, never a pending edit.
 *
 * @param firstSeen    when the claim was first seen circulating, or null
 * @param experts      the experts who signed its scientific review (二审)
 * @param column       the rumor column's slug, or null
 * @param columnName   the rumor column's name, or null
 * @param rebuttalWork the science work that rebuts the claim at length, or null
 */
public record PublicRumor(UUID id, String slug, String claim, RumorVerdict verdict, String truth, String explanation,
                          List<Appearance> appearances, LocalDate firstSeen, List<Evidence> evidence, List<SigningExpert> experts,
                          List<String> topics, String column, String columnName, UUID rebuttalWork, OffsetDateTime publishedAt) {

    public PublicRumor {
        appearances = List.copyOf(appearances);
        evidence = List.copyOf(evidence);
        experts = List.copyOf(experts);
        topics = List.copyOf(topics);
    }

    /** Where the claim circulated: a platform or place, and a link when there is one. */
    public record Appearance(String where, String url) {
    }

    /** A source the rebuttal rests on. */
    public record Evidence(String title, String publisher, String url) {
    }

    /** An expert of the expert pool who signed the scientific review. */
    public record SigningExpert(String name, String title) {
    }
}
