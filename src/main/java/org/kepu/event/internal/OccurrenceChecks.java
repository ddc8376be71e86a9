package org.kepu.event.internal;

import java.time.Duration;

import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Checks an occurrence form: 422 with a code per mistake, naming the field. */
final class OccurrenceChecks {

    static final Duration MAX_LENGTH = Duration.ofDays(92);
    static final int MAX_CAPACITY = 100_000;

    private OccurrenceChecks() {
    }

    static OccurrenceDetails check(OccurrenceForm form) {
        if (form.startsAt() == null || form.endsAt() == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-required", form.startsAt() == null ? "startsAt" : "endsAt");
        }
        checkTimes(form.startsAt().toInstant(), form.endsAt().toInstant());
        String title = blankToNull(SeriesChecks.optional(form.title(), "title", SeriesChecks.MAX_TITLE));
        String description = blankToNull(SeriesChecks.optional(form.description(), "description", SeriesChecks.MAX_DESCRIPTION));
        String audience = SeriesChecks.audience(form.audience(), null);
        return new OccurrenceDetails(title, description, audience, form.startsAt(), form.endsAt(), venue(form.venue()),
                registration(form.registration(), form));
    }

    static void checkTimes(java.time.Instant startsAt, java.time.Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-times-invalid");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-too-long", MAX_LENGTH.toDays());
        }
    }

    static Venue venue(OccurrenceForm.VenueForm venue) {
        if (venue == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-required", "venue");
        }
        String name = SeriesChecks.required(venue.name(), "venue.name", 200);
        String address = SeriesChecks.optional(venue.address(), "venue.address", 300);
        String district = SeriesChecks.required(venue.district(), "venue.district", 32);
        if ((venue.latitude() == null) != (venue.longitude() == null)
                || (venue.latitude() != null && (Math.abs(venue.latitude()) > 90 || Math.abs(venue.longitude()) > 180))) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-coordinates-invalid");
        }
        if (venue.capacity() != null && (venue.capacity() < 1 || venue.capacity() > MAX_CAPACITY)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-capacity-invalid", "venue.capacity", MAX_CAPACITY);
        }
        return new Venue(name, address, district, venue.latitude(), venue.longitude(), venue.capacity());
    }

    private static RegistrationSettings registration(OccurrenceForm.RegistrationForm registration, OccurrenceForm form) {
        if (registration == null || !Boolean.TRUE.equals(registration.enabled())) {
            return RegistrationSettings.NONE;
        }
        if (registration.opensAt() == null || registration.closesAt() == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-required",
                    registration.opensAt() == null ? "registration.opensAt" : "registration.closesAt");
        }
        if (!registration.closesAt().isAfter(registration.opensAt()) || registration.closesAt().isAfter(form.endsAt())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-registration-window-invalid");
        }
        if (registration.capacity() == null || registration.capacity() < 1 || registration.capacity() > MAX_CAPACITY) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-capacity-invalid", "registration.capacity", MAX_CAPACITY);
        }
        return new RegistrationSettings(true, registration.opensAt(), registration.closesAt(), registration.capacity());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
