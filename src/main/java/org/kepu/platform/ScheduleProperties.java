package org.kepu.platform;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled publishing and unpublishing. Times are stored as instants and shown in {@code timeZone}.
 *
 * @param sweepInterval how often instances that run jobs look for scheduled items whose job is lost
 * @param sweepGrace    how long past its time an item waits for its own job before a sweep takes over
 */
@ConfigurationProperties("kepu.schedule")
public record ScheduleProperties(
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("1m") Duration sweepInterval,
        @DefaultValue("2m") Duration sweepGrace) {

    /** The same instant with the offset of the configured time zone (+08:00 for Asia/Shanghai). */
    public OffsetDateTime shown(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(timeZone).toOffsetDateTime();
    }
}
