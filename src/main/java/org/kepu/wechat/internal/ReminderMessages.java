package org.kepu.wechat.internal;

import java.util.Map;
import java.util.UUID;

import org.kepu.event.RegistrantReminded;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.kepu.platform.ModuleEventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * When the event module reminds a registrant, and the registration is bound to a follower who accepted the reminder
 * template, a {@code wechat_reminder} row and its {@link ReminderMessageJob} are written in the same transaction as the
 * in-app reminder. The row's key (registration, start time) keeps it to one message however often this runs.
 */
@Component
class ReminderMessages implements ModuleEventListener<RegistrantReminded> {

    static final String JOB = "wechat.remind";

    private final WeChatApi api;
    private final DatabaseClient database;
    private final Jobs jobs;
    private final JsonMapper json;

    ReminderMessages(WeChatApi api, DatabaseClient database, Jobs jobs, JsonMapper json) {
        this.api = api;
        this.database = database;
        this.jobs = jobs;
        this.json = json;
    }

    @Override
    public Class<RegistrantReminded> eventType() {
        return RegistrantReminded.class;
    }

    @Override
    public Mono<Void> on(RegistrantReminded reminded) {
        WeChatProperties properties = api.properties();
        if (!api.configured() || !properties.reminder().configured()) {
            return Mono.empty();
        }
        UUID registration = UUID.fromString(reminded.registration());
        return database.sql("""
                        INSERT INTO wechat_reminder (registration_id, starts_at, openid, title, place, page, status)
                        SELECT b.registration_id, :startsAt, b.openid, :title, :place, :page, 'QUEUED'
                          FROM wechat_registration_binding b
                          JOIN wechat_reminder_consent c ON c.openid = b.openid AND c.template_id = :template AND c.accepted
                         WHERE b.registration_id = :registration
                        ON CONFLICT DO NOTHING RETURNING registration_id""")
                .bind("registration", registration).bind("startsAt", reminded.startsAt()).bind("title", reminded.title())
                .bind("place", reminded.place()).bind("page", properties.site() + reminded.path())
                .bind("template", properties.reminder().templateId())
                .map(row -> row.get("registration_id", UUID.class)).one()
                .flatMap(queued -> jobs.enqueue(JobRequest.of(JOB, json.writeValueAsString(Map.of(
                        "registration", queued.toString(), "startsAt", reminded.startsAt().toInstant().toString())))))
                .then();
    }
}
