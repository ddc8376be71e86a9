package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Events take place in Asia/Shanghai: every time leaves Kepu with +08:00, whatever offset it came with. */
final class PublicTimes {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PublicTimes() {
    }

    static OffsetDateTime shown(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    static String path(UUID series, UUID occurrence) {
        return "/events/" + series + "/" + occurrence;
    }

    static String path(UUID series) {
        return "/events/" + series;
    }
}
