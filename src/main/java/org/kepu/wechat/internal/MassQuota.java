package org.kepu.wechat.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How many mass sends (群发) the account has left: a subscription account (订阅号) one per day, a service account
 * (服务号) four per calendar month, in the account's time zone. Counted from Kepu's own sends (all but failed
 * ones), which are the only ones the platform knows of; sends made by hand in WeChat's console are not seen.
 */
@Component
class MassQuota {

    /** The quota of the current period. */
    record Quota(String accountType, String period, int limit, long used, long remaining, OffsetDateTime resetsAt) {
    }

    private final PublicationsTable table;
    private final WeChatProperties.AccountType type;
    private final ZoneId zone;
    private final Clock clock;

    @Autowired
    MassQuota(PublicationsTable table, WeChatProperties properties) {
        this(table, properties, Clock.systemUTC());
    }

    MassQuota(PublicationsTable table, WeChatProperties properties, Clock clock) {
        this.table = table;
        this.type = properties.accountType();
        this.zone = ZoneId.of(properties.timeZone());
        this.clock = clock;
    }

    Mono<Quota> current() {
        OffsetDateTime[] period = period(OffsetDateTime.now(clock), type, zone);
        int limit = limit(type);
        return table.sendsSince(period[0]).map(used -> new Quota(type.name().toLowerCase(java.util.Locale.ROOT),
                type == WeChatProperties.AccountType.SUBSCRIPTION ? "day" : "month", limit, used, Math.max(0, limit - used), period[1]));
    }

    static int limit(WeChatProperties.AccountType type) {
        return type == WeChatProperties.AccountType.SUBSCRIPTION ? 1 : 4;
    }

    /** The start and end of the quota period that contains {@code now}. */
    static OffsetDateTime[] period(OffsetDateTime now, WeChatProperties.AccountType type, ZoneId zone) {
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        LocalDate start = type == WeChatProperties.AccountType.SUBSCRIPTION ? today : today.withDayOfMonth(1);
        LocalDate end = type == WeChatProperties.AccountType.SUBSCRIPTION ? today.plusDays(1) : start.plusMonths(1);
        return new OffsetDateTime[] {start.atStartOfDay(zone).toOffsetDateTime(), end.atStartOfDay(zone).toOffsetDateTime()};
    }
}
