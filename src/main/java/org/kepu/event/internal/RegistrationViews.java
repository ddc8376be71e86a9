package org.kepu.event.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kepu.event.PublicOccurrence;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts together what a registrant reads: the registration, the occurrence as it is now, and the notices. */
@Component
class RegistrationViews {

    private final PublicEventsTable events;
    private final RegistrationsTable registrations;
    private final NoticesTable notices;
    private final RegistrantTexts texts;

    RegistrationViews(PublicEventsTable events, RegistrationsTable registrations, NoticesTable notices, RegistrantTexts texts) {
        this.events = events;
        this.registrations = registrations;
        this.notices = notices;
        this.texts = texts;
    }

    /** @param token shown in the answer only when given (the answer to the registration itself) */
    Mono<RegistrationView> view(Registration registration, String linkToken, String shownToken, Locale locale) {
        return Mono.zip(events.occurrence(registration.occurrenceId()),
                        registrations.position(registration).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        notices.of(registration.id()).collectList())
                .map(parts -> {
                    PublicOccurrence occurrence = parts.getT1();
                    Long position = parts.getT2().orElse(null);
                    boolean confirmed = registration.status() == Registration.Status.CONFIRMED;
                    List<RegistrationView.NoticeView> read = parts.getT3().stream().map(notice -> new RegistrationView.NoticeView(
                            notice.kind().name(), texts.render(notice.kind(), notice.arguments(), locale), PublicTimes.shown(notice.createdAt())))
                            .toList();
                    return new RegistrationView(shownToken, registration.status().name(), position, registration.name(),
                            confirmed ? registration.checkInCode() : null, occurrence,
                            RegistrantTexts.when(occurrence.startsAt(), occurrence.endsAt(), locale),
                            texts.render(kind(registration, occurrence), arguments(registration, occurrence, position), locale), read,
                            RegistrationView.Links.of(linkToken));
                });
    }

    private static NoticesTable.Kind kind(Registration registration, PublicOccurrence occurrence) {
        if (occurrence.status() == PublicOccurrence.Status.CANCELLED) {
            return NoticesTable.Kind.OCCURRENCE_CANCELLED;
        }
        return switch (registration.status()) {
            case CONFIRMED -> NoticesTable.Kind.CONFIRMED;
            case WAITING -> NoticesTable.Kind.WAITING;
            case CANCELLED -> NoticesTable.Kind.CANCELLED;
        };
    }

    private static Map<String, String> arguments(Registration registration, PublicOccurrence occurrence, Long position) {
        Map<String, String> arguments = new HashMap<>();
        arguments.put("title", occurrence.title());
        arguments.put("startsAt", occurrence.startsAt().toString());
        arguments.put("endsAt", occurrence.endsAt().toString());
        PublicOccurrence.Venue venue = occurrence.venue();
        arguments.put("place", new Venue(venue.name(), venue.address(), venue.district(), null, null, null).place());
        arguments.put("code", registration.checkInCode());
        arguments.put("position", position == null ? "" : position.toString());
        arguments.put("announcement", occurrence.change() == null ? "" : occurrence.change());
        return arguments;
    }
}
