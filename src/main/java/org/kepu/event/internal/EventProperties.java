package org.kepu.event.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param registration limits on the public, anonymous registration form
 * @param calendar     the iCalendar feeds
 * @param reminder     reminders to confirmed registrants before an occurrence
 */
@ConfigurationProperties("kepu.event")
record EventProperties(@DefaultValue Registration registration, @DefaultValue Calendar calendar, @DefaultValue Reminder reminder) {

    /** @param before how long before an occurrence starts its confirmed registrants are reminded */
    record Reminder(@DefaultValue("24h") Duration before) {
    }

    /**
     * @param maxPerAddress registrations (attempts, successful or not) one client address may send per {@code window};
     *                      more are answered 429 with {@code Retry-After}
     */
    record Registration(@DefaultValue("10") int maxPerAddress, @DefaultValue("1h") Duration window) {
    }

    /**
     * @param uidDomain the right-hand side of every UID ({@code occurrence-<id>@<uidDomain>}); never change it once
     *                  calendars are subscribed, or every client sees every event twice
     * @param past      how long after their end occurrences stay in the feeds
     * @param refresh   how often subscribed clients are asked to fetch a feed again
     * @param baseUrl   the site's public address for the links in entries; empty: the address the request came to
     * @param maxEntries occurrences a feed holds at most
     */
    record Calendar(@DefaultValue("events.kepu") String uidDomain, @DefaultValue("90d") Duration past,
                    @DefaultValue("6h") Duration refresh, @DefaultValue("") String baseUrl, @DefaultValue("2000") int maxEntries) {
    }
}
