package org.kepu.event;

import java.time.OffsetDateTime;

/**
 * A confirmed registrant was reminded of an occurrence (an in-app notice, once per registration and start time),
 * published in the transaction that recorded it, so another channel can queue its own message with it.
 *
 * @param registration the registration's id
 * @param path         the occurrence's page on the site
 * @param place        venue and address
 */
public record RegistrantReminded(String registration, String occurrence, String title, OffsetDateTime startsAt,
                                 OffsetDateTime endsAt, String place, String path) {
}
