package org.kepu.wechat.internal;

import java.net.ConnectException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import me.chanjar.weixin.mp.enums.WxMpApiUrl;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends one event reminder as a subscribe message ({@code POST /cgi-bin/message/subscribe/bizsend}). WeChat has no
 * idempotency key for it, so the row is moved to SENDING before the call, and a run that finds it SENDING (the worker
 * died, or the answer was lost) marks it UNKNOWN rather than risk a second message. A failure WeChat answered (an
 * errcode) sent nothing: the transient ones (busy, frequency limits, token trouble) and an API host that refused the
 * connection put the row back to QUEUED and the job retries; 43101 (no subscription left) withdraws the consent.
 * The in-app reminder was written before and stands whatever happens here.
 */
@Component
class ReminderMessageJob implements JobHandler {

    static final int NO_SUBSCRIPTION = 43101;
    private static final Set<Integer> RETRY = Set.of(-1, 45009, 45011, 40001, 42001);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
    private static final int THING = 20;
    private static final Logger log = LoggerFactory.getLogger(ReminderMessageJob.class);

    private final WeChatApi api;
    private final DatabaseClient database;
    private final ReminderSubscriptions subscriptions;
    private final ReplyTexts texts;
    private final JsonMapper json;

    ReminderMessageJob(WeChatApi api, DatabaseClient database, ReminderSubscriptions subscriptions, ReplyTexts texts, JsonMapper json) {
        this.api = api;
        this.database = database;
        this.subscriptions = subscriptions;
        this.texts = texts;
        this.json = json;
    }

    @Override
    public String kind() {
        return ReminderMessages.JOB;
    }

    private record Message(String openid, String title, String place, String page, OffsetDateTime startsAt) {
    }

    @Override
    public Mono<Void> handle(Job job) {
        var payload = json.readTree(job.payload());
        UUID registration = UUID.fromString(payload.get("registration").asString());
        OffsetDateTime startsAt = OffsetDateTime.parse(payload.get("startsAt").asString());
        return claim(registration, startsAt)
                .flatMap(message -> send(message)
                        .then(status(registration, startsAt, "SENT", null, null))
                        .onErrorResume(failure -> failed(job, registration, startsAt, message, failure)))
                .switchIfEmpty(Mono.defer(() -> unknownIfSending(registration, startsAt)));
    }

    private Mono<Message> claim(UUID registration, OffsetDateTime startsAt) {
        return database.sql("""
                        UPDATE wechat_reminder SET status = 'SENDING', updated_at = now()
                         WHERE registration_id = :registration AND starts_at = :startsAt AND status = 'QUEUED'
                        RETURNING openid, title, place, page, starts_at""")
                .bind("registration", registration).bind("startsAt", startsAt)
                .map(row -> new Message(row.get("openid", String.class), row.get("title", String.class), row.get("place", String.class),
                        row.get("page", String.class), row.get("starts_at", OffsetDateTime.class)))
                .one();
    }

    private Mono<Void> send(Message message) {
        WeChatProperties.Reminder template = api.properties().reminder();
        ObjectNode body = json.createObjectNode();
        body.put("touser", message.openid());
        body.put("template_id", template.templateId());
        body.put("page", message.page());
        ObjectNode data = body.putObject("data");
        data.putObject(template.titleKey()).put("value", thing(message.title()));
        data.putObject(template.timeKey()).put("value", TIME.format(message.startsAt().atZoneSameInstant(texts.zone())));
        data.putObject(template.placeKey()).put("value", thing(message.place()));
        String text = body.toString();
        return api.call(service -> service.post(WxMpApiUrl.SubscribeMsg.SEND_SUBSCRIBE_MESSAGE_URL, text)).then();
    }

    private Mono<Void> failed(Job job, UUID registration, OffsetDateTime startsAt, Message message, Throwable failure) {
        int code = Failures.code(failure);
        boolean answered = failure instanceof WeChatApiException && code != WeChatApiException.UNREACHABLE && code != -99;
        boolean notSent = answered || refused(failure);
        if (!notSent) {
            log.warn("Event reminder to WeChat for registration {} may or may not have arrived; it is not sent again", registration, failure);
            return status(registration, startsAt, "UNKNOWN", code, String.valueOf(failure.getMessage()));
        }
        if (code == NO_SUBSCRIPTION) {
            return status(registration, startsAt, "FAILED", code, String.valueOf(failure.getMessage()))
                    .then(subscriptions.withdrawn(message.openid()));
        }
        boolean retry = (!answered || RETRY.contains(code)) && job.attempt() < job.maxAttempts();
        if (retry) {
            return status(registration, startsAt, "QUEUED", code, String.valueOf(failure.getMessage())).then(Mono.error(failure));
        }
        return status(registration, startsAt, "FAILED", code, String.valueOf(failure.getMessage()));
    }

    /** A run that finds the message SENDING cannot tell whether WeChat got it. */
    private Mono<Void> unknownIfSending(UUID registration, OffsetDateTime startsAt) {
        return database.sql("""
                        UPDATE wechat_reminder SET status = 'UNKNOWN', error_message = 'interrupted while sending', updated_at = now()
                         WHERE registration_id = :registration AND starts_at = :startsAt AND status = 'SENDING'""")
                .bind("registration", registration).bind("startsAt", startsAt).then();
    }

    private Mono<Void> status(UUID registration, OffsetDateTime startsAt, String status, Integer code, String message) {
        var update = database.sql("""
                        UPDATE wechat_reminder SET status = :status, error_code = :code, error_message = :message, updated_at = now()
                         WHERE registration_id = :registration AND starts_at = :startsAt""")
                .bind("registration", registration).bind("startsAt", startsAt).bind("status", status);
        update = code == null ? update.bindNull("code", Integer.class) : update.bind("code", code);
        update = message == null ? update.bindNull("message", String.class) : update.bind("message", message);
        return update.then();
    }

    /** The API host refused the connection: the request never left. */
    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String thing(String value) {
        return value.length() <= THING ? value : value.substring(0, THING - 1) + "…";
    }
}
