package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.review.ScreenHit;

/** A series for the console: everything about it, its review and its occurrences. Never public. */
record SeriesView(UUID id, String title, String summary, String description, Organiser organisation, List<String> topics,
                  String audience, UUID coverAsset, String coverUrl, SeriesStatus status, ReviewStage stage, int version,
                  String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt, String publishedBy,
                  OffsetDateTime publishedAt, List<OccurrenceView> occurrences, List<SubmissionView> submissions,
                  List<DecisionView> decisions) {

    record Organiser(String slug, String name) {
    }

    record OccurrenceView(UUID id, String title, String description, String audience, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, Venue venue, String status, int sequence, RegistrationView registration,
                          List<AssignedVolunteer> volunteers, List<ChangeView> changes) {
    }

    record RegistrationView(boolean enabled, OffsetDateTime opensAt, OffsetDateTime closesAt, Integer capacity, long confirmed,
                            long waiting, long checkedIn) {
    }

    /** Named apart from the directory's volunteer view, so that the API document keeps the two shapes apart. */
    record AssignedVolunteer(UUID volunteer, String name, Assignment.Role role) {
    }

    record ChangeView(String kind, Map<String, Object> before, Map<String, Object> after, String announcement, int sequence,
                      String announcedBy, OffsetDateTime announcedAt) {
    }

    record SubmissionView(UUID id, String submittedBy, OffsetDateTime submittedAt, boolean blocked, List<ScreenHit> hits) {

        static SubmissionView of(Submission submission) {
            return new SubmissionView(submission.id(), submission.submittedBy(), PublicTimes.shown(submission.submittedAt()),
                    submission.blocked(), submission.screen());
        }
    }

    record DecisionView(String stage, String verdict, String reason, String decidedBy, OffsetDateTime decidedAt) {
    }

    /** A line of the console's list. */
    record Summary(UUID id, String title, Organiser organisation, SeriesStatus status, ReviewStage stage, OffsetDateTime updatedAt) {

        static Summary of(Series series) {
            return new Summary(series.id(), series.title(), new Organiser(series.organiser().slug(), series.organiser().name()),
                    series.status(), series.stage(), PublicTimes.shown(series.updatedAt()));
        }
    }
}
