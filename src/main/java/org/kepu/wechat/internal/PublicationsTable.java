package org.kepu.wechat.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of {@code wechat_publication} and {@code wechat_mass_send}. */
@Component
class PublicationsTable {

    private static final String PUBLICATION = """
            SELECT id, kind, subject, title, status, thumb_media_id, draft_media_id, publish_id, article_id, article_url,
                   error_code, error_message, job_id, requested_by, created_at, updated_at
              FROM wechat_publication""";
    private static final String MASS_SEND = """
            SELECT id, publication_id, status, draft_media_id, msg_id, result, total_count, sent_count, error_count,
                   error_code, error_message, requested_by, requested_at, updated_at
              FROM wechat_mass_send""";

    private final DatabaseClient database;

    PublicationsTable(DatabaseClient database) {
        this.database = database;
    }

    Mono<Publication> insert(UUID id, Publication.Kind kind, String subject, String title, String requestedBy) {
        return database.sql("""
                        INSERT INTO wechat_publication (id, kind, subject, title, status, requested_by)
                        VALUES (:id, :kind, :subject, :title, 'QUEUED', :by)""")
                .bind("id", id).bind("kind", kind.name()).bind("subject", subject).bind("title", title).bind("by", requestedBy)
                .then().then(find(id));
    }

    Mono<Publication> inProgress(Publication.Kind kind, String subject) {
        return database.sql(PUBLICATION + " WHERE kind = :kind AND subject = :subject AND status NOT IN ('PUBLISHED', 'FAILED')")
                .bind("kind", kind.name()).bind("subject", subject).map(PublicationsTable::publication).one();
    }

    Mono<Publication> find(UUID id) {
        return database.sql(PUBLICATION + " WHERE id = :id").bind("id", id).map(PublicationsTable::publication).one();
    }

    Mono<Publication> byPublishId(String publishId) {
        return database.sql(PUBLICATION + " WHERE publish_id = :publishId").bind("publishId", publishId)
                .map(PublicationsTable::publication).one();
    }

    Flux<Publication> recent(int limit) {
        return database.sql(PUBLICATION + " ORDER BY created_at DESC, id LIMIT :limit").bind("limit", limit)
                .map(PublicationsTable::publication).all();
    }

    Mono<Void> jobQueued(UUID id, long jobId) {
        return database.sql("UPDATE wechat_publication SET job_id = :job, updated_at = now() WHERE id = :id")
                .bind("job", jobId).bind("id", id).then();
    }

    /** Moves to {@code status} and sets one column (or none, with a null column). */
    Mono<Void> advance(UUID id, Publication.Status status, String column, String value) {
        String set = column == null ? "" : ", " + column + " = :value";
        var spec = database.sql("UPDATE wechat_publication SET status = :status" + set
                        + ", error_code = NULL, error_message = NULL, updated_at = now() WHERE id = :id")
                .bind("status", status.name()).bind("id", id);
        return (column == null ? spec : spec.bind("value", value)).then();
    }

    Mono<Void> published(UUID id, String articleId, String articleUrl) {
        return database.sql("""
                        UPDATE wechat_publication SET status = 'PUBLISHED', article_id = :article, article_url = :url,
                               error_code = NULL, error_message = NULL, updated_at = now()
                         WHERE id = :id AND status <> 'PUBLISHED'""")
                .bind("id", id).bind("article", nullable(articleId)).bind("url", nullable(articleUrl)).then();
    }

    /** Keeps the failure on the row; {@code status} stays unless {@code fail} (retries go on from where it stopped). */
    Mono<Void> failure(UUID id, int code, String message, boolean fail) {
        return database.sql("UPDATE wechat_publication SET error_code = :code, error_message = :message"
                        + (fail ? ", status = 'FAILED'" : "") + ", updated_at = now() WHERE id = :id")
                .bind("code", code).bind("message", trim(message)).bind("id", id).then();
    }

    Mono<Void> requeue(UUID id) {
        return database.sql("UPDATE wechat_publication SET status = 'QUEUED', error_code = NULL, error_message = NULL,"
                        + " updated_at = now() WHERE id = :id AND status = 'FAILED' AND draft_media_id IS NULL")
                .bind("id", id).then()
                .then(database.sql("UPDATE wechat_publication SET status = CASE WHEN publish_id IS NULL THEN 'DRAFTED' ELSE"
                                + " 'PUBLISHING' END, error_code = NULL, error_message = NULL, updated_at = now()"
                                + " WHERE id = :id AND status = 'FAILED'")
                        .bind("id", id).then());
    }

    // Mass sends

    /** Serializes quota checks across instances for the rest of the transaction. */
    Mono<Void> lockQuota() {
        return database.sql("SELECT pg_advisory_xact_lock(hashtext('kepu:wechat:mass-quota'))").then();
    }

    /** Sends that count against the quota: all but the failed ones, requested at or after {@code since}. */
    Mono<Long> sendsSince(OffsetDateTime since) {
        return database.sql("SELECT count(*) AS n FROM wechat_mass_send WHERE status <> 'FAILED' AND requested_at >= :since")
                .bind("since", since).map(row -> row.get("n", Long.class)).one();
    }

    Mono<MassSend> insertMassSend(UUID id, UUID publication, String requestedBy) {
        return database.sql("INSERT INTO wechat_mass_send (id, publication_id, status, requested_by) VALUES (:id, :p, 'QUEUED', :by)")
                .bind("id", id).bind("p", publication).bind("by", requestedBy).then().then(findMassSend(id));
    }

    Mono<MassSend> findMassSend(UUID id) {
        return database.sql(MASS_SEND + " WHERE id = :id").bind("id", id).map(PublicationsTable::massSend).one();
    }

    Mono<MassSend> activeMassSend(UUID publication) {
        return database.sql(MASS_SEND + " WHERE publication_id = :p AND status <> 'FAILED'").bind("p", publication)
                .map(PublicationsTable::massSend).one();
    }

    Flux<MassSend> massSends(UUID publication) {
        return database.sql(MASS_SEND + " WHERE publication_id = :p ORDER BY requested_at").bind("p", publication)
                .map(PublicationsTable::massSend).all();
    }

    /** The mass sends of several publications at once, oldest first. */
    Flux<MassSend> massSends(Collection<UUID> publications) {
        if (publications.isEmpty()) {
            return Flux.empty();
        }
        return database.sql(MASS_SEND + " WHERE publication_id = ANY(:p) ORDER BY requested_at")
                .bind("p", publications.toArray(UUID[]::new)).map(PublicationsTable::massSend).all();
    }

    Mono<Void> advanceMassSend(UUID id, MassSend.Status status, String column, String value) {
        String set = column == null ? "" : ", " + column + " = :value";
        var spec = database.sql("UPDATE wechat_mass_send SET status = :status" + set + ", updated_at = now() WHERE id = :id")
                .bind("status", status.name()).bind("id", id);
        return (column == null ? spec : spec.bind("value", value)).then();
    }

    Mono<Void> massSendFailure(UUID id, int code, String message, boolean fail) {
        return database.sql("UPDATE wechat_mass_send SET error_code = :code, error_message = :message"
                        + (fail ? ", status = 'FAILED'" : "") + ", updated_at = now() WHERE id = :id")
                .bind("code", code).bind("message", trim(message)).bind("id", id).then();
    }

    Mono<Long> massSendFinished(String msgId, String result, Integer total, Integer sent, Integer errors) {
        return database.sql("""
                        UPDATE wechat_mass_send SET result = :result, total_count = :total, sent_count = :sent,
                               error_count = :errors, updated_at = now()
                         WHERE msg_id = :msgId""")
                .bind("msgId", msgId).bind("result", nullable(result)).bind("total", nullableInt(total))
                .bind("sent", nullableInt(sent)).bind("errors", nullableInt(errors))
                .fetch().rowsUpdated();
    }

    private static Publication publication(Readable row) {
        return new Publication(row.get("id", UUID.class), Publication.Kind.valueOf(row.get("kind", String.class)),
                row.get("subject", String.class), row.get("title", String.class),
                Publication.Status.valueOf(row.get("status", String.class)), row.get("thumb_media_id", String.class),
                row.get("draft_media_id", String.class), row.get("publish_id", String.class), row.get("article_id", String.class),
                row.get("article_url", String.class), row.get("error_code", Integer.class), row.get("error_message", String.class),
                row.get("job_id", Long.class), row.get("requested_by", String.class),
                row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
    }

    private static MassSend massSend(Readable row) {
        return new MassSend(row.get("id", UUID.class), row.get("publication_id", UUID.class),
                MassSend.Status.valueOf(row.get("status", String.class)), row.get("draft_media_id", String.class),
                row.get("msg_id", String.class), row.get("result", String.class), row.get("total_count", Integer.class),
                row.get("sent_count", Integer.class), row.get("error_count", Integer.class), row.get("error_code", Integer.class),
                row.get("error_message", String.class), row.get("requested_by", String.class),
                row.get("requested_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
    }

    private static String trim(String message) {
        return message == null ? "" : message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    private static Parameter nullable(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }

    private static Parameter nullableInt(Integer value) {
        return Parameter.fromOrEmpty(value, Integer.class);
    }
}
