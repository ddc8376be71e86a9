package org.kepu.platform.internal.audit;

import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ClientAddress;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Component
class DatabaseAuditLog implements AuditLog {

    private final DatabaseClient database;
    private final JsonMapper json;

    DatabaseAuditLog(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public Mono<Void> record(String actor, String action, String subject, Map<String, ?> details) {
        return ClientAddress.current().flatMap(address -> {
            var insert = database.sql("""
                            INSERT INTO platform_audit (actor, action, subject, details, address)
                            VALUES (:actor, :action, :subject, :details, :address)""")
                    .bind("actor", actor).bind("action", action).bind("subject", subject)
                    .bind("details", Json.of(json.writeValueAsString(details == null ? Map.of() : details)));
            insert = address.isEmpty() ? insert.bindNull("address", String.class) : insert.bind("address", address);
            return insert.then();
        });
    }
}
