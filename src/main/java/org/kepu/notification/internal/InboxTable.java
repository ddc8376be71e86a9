package org.kepu.notification.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.kepu.notification.Notice;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Component
class InboxTable {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** A stored notice as its recipient sees it, before its text is rendered. */
    record Stored(long id, String kind, List<String> arguments, String subject, String link, OffsetDateTime createdAt,
                  OffsetDateTime readAt) {
    }

    private final DatabaseClient database;
    private final JsonMapper json;

    InboxTable(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<Void> insert(Notice notice, Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return Mono.empty();
        }
        var insert = database.sql("""
                        INSERT INTO notification_message (recipient, kind, arguments, subject, link)
                        SELECT recipient, :kind, CAST(:arguments AS jsonb), :subject, :link
                          FROM unnest(CAST(:recipients AS varchar[])) AS recipient""")
                .bind("kind", notice.kind())
                .bind("arguments", json.writeValueAsString(notice.arguments()))
                .bind("recipients", recipients.toArray(String[]::new));
        insert = notice.subject() == null ? insert.bindNull("subject", String.class) : insert.bind("subject", notice.subject());
        insert = notice.link() == null ? insert.bindNull("link", String.class) : insert.bind("link", notice.link());
        return insert.then();
    }

    /** Newest first, below {@code before} when given. */
    Flux<Stored> page(String recipient, boolean unreadOnly, Long before, int size) {
        String sql = "SELECT id, kind, arguments, subject, link, created_at, read_at FROM notification_message"
                + " WHERE recipient = :recipient" + (unreadOnly ? " AND read_at IS NULL" : "")
                + (before == null ? "" : " AND id < :before") + " ORDER BY id DESC LIMIT :size";
        var query = database.sql(sql).bind("recipient", recipient).bind("size", size);
        if (before != null) {
            query = query.bind("before", before);
        }
        return query.map(row -> new Stored(row.get("id", Long.class), row.get("kind", String.class),
                json.readValue(row.get("arguments", String.class), STRINGS), row.get("subject", String.class),
                row.get("link", String.class), row.get("created_at", OffsetDateTime.class),
                row.get("read_at", OffsetDateTime.class))).all();
    }

    Mono<Long> unread(String recipient) {
        return database.sql("SELECT count(*) AS unread FROM notification_message WHERE recipient = :recipient AND read_at IS NULL")
                .bind("recipient", recipient).map(row -> row.get("unread", Long.class)).one();
    }

    /** False when the notice is not the recipient's (or does not exist). */
    Mono<Boolean> markRead(String recipient, long id) {
        return database.sql("""
                        UPDATE notification_message SET read_at = coalesce(read_at, now())
                         WHERE id = :id AND recipient = :recipient""")
                .bind("id", id).bind("recipient", recipient).fetch().rowsUpdated().map(updated -> updated > 0);
    }

    Mono<Long> markAllRead(String recipient) {
        return database.sql("UPDATE notification_message SET read_at = now() WHERE recipient = :recipient AND read_at IS NULL")
                .bind("recipient", recipient).fetch().rowsUpdated();
    }
}
