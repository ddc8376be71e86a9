package org.kepu.platform.internal.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/** Search of the audit log for administrators ({@code /api/admin/**} needs ADMIN), newest first. */
@RestController
class AuditController {

    private static final int MAX_PAGE = 500;
    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> DETAILS = new tools.jackson.core.type.TypeReference<>() {
    };

    record AuditEntry(long id, OffsetDateTime at, String actor, String action, String subject, Map<String, Object> details,
                      String address) {
    }

    private final DatabaseClient database;
    private final JsonMapper json;

    AuditController(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /**
     * @param before an entry id: only older entries (for paging)
     */
    @GetMapping("/api/admin/audit")
    Flux<AuditEntry> search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                            @RequestParam(required = false) String subject, @RequestParam(required = false) Long before,
                            @RequestParam(defaultValue = "100") int limit) {
        var query = database.sql("""
                        SELECT id, at, actor, action, subject, details::text AS details, address FROM platform_audit
                         WHERE (CAST(:actor AS text) IS NULL OR actor = :actor)
                           AND (CAST(:action AS text) IS NULL OR action LIKE :action || '%')
                           AND (CAST(:subject AS text) IS NULL OR subject = :subject)
                           AND (CAST(:before AS bigint) IS NULL OR id < :before)
                         ORDER BY id DESC LIMIT :limit""")
                .bind("limit", Math.max(1, Math.min(limit, MAX_PAGE)));
        query = actor == null ? query.bindNull("actor", String.class) : query.bind("actor", actor);
        query = action == null ? query.bindNull("action", String.class) : query.bind("action", action);
        query = subject == null ? query.bindNull("subject", String.class) : query.bind("subject", subject);
        query = before == null ? query.bindNull("before", Long.class) : query.bind("before", before);
        return query.map(row -> new AuditEntry(row.get("id", Long.class), row.get("at", OffsetDateTime.class),
                        row.get("actor", String.class), row.get("action", String.class), row.get("subject", String.class),
                        json.readValue(row.get("details", String.class), DETAILS), row.get("address", String.class)))
                .all();
    }
}
