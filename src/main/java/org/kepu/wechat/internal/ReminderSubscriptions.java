package org.kepu.wechat.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import me.chanjar.weixin.mp.bean.message.WxMpSubscribeMsgEvent;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.kepu.event.Registrants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who gets event reminders on WeChat. Two things are needed, each shown by the follower themself:
 * <ul>
 * <li>the <b>binding</b> of a registration to the follower's openid: they send the registration's check-in code (which
 * only the registrant has: on their registration page and QR code) to the account as a text message. The first
 * follower to bind a registration keeps it; the code has 40 random bits, and code-shaped messages that match nothing
 * are counted per follower ({@link #MAX_MISSES} an hour, then they are not looked up), so guessing is hopeless;</li>
 * <li>the <b>consent</b> to the reminder template, as WeChat reports it: {@code subscribe_msg_popup_event} with our
 * template id and {@code accept} (or {@code reject}), and {@code subscribe_msg_change_event} when the follower turns it
 * off later. WeChat itself refuses messages without it (43101), so consent is taken from WeChat's word, never from
 * a message text.</li>
 * </ul>
 */
@Component
class ReminderSubscriptions {

    static final int MAX_MISSES = 20;
    private static final Duration MISS_WINDOW = Duration.ofHours(1);
    private static final Pattern CODE_SHAPED = Pattern.compile("[0-9A-Za-z]{8}");

    private final Registrants registrants;
    private final DatabaseClient database;
    private final RedisReactiveCommands<String, String> redis;
    private final ReplyTexts texts;
    private final WeChatProperties properties;

    ReminderSubscriptions(Registrants registrants, DatabaseClient database, RedisReactiveCommands<String, String> redis, ReplyTexts texts,
                          WeChatProperties properties) {
        this.registrants = registrants;
        this.database = database;
        this.redis = redis;
        this.texts = texts;
        this.properties = properties;
    }

    /** The reply to a check-in code; empty when the text is no code of a live registration (it is an ordinary message then). */
    Mono<Replies.Answer> bind(String openid, String text) {
        String compact = text.replace(" ", "").replace("-", "");
        if (openid == null || !CODE_SHAPED.matcher(compact).matches()) {
            return Mono.empty();
        }
        String misses = "kepu:wechat:binding-misses:" + openid;
        return redis.get(misses).map(Integer::parseInt).defaultIfEmpty(0)
                .filter(count -> count < MAX_MISSES)
                .flatMap(count -> registrants.byCheckInCode(compact)
                        .switchIfEmpty(Mono.defer(() -> redis.incr(misses)
                                .flatMap(missed -> missed == 1 ? redis.pexpire(misses, MISS_WINDOW.toMillis()) : Mono.just(true))
                                .then(Mono.empty()))))
                .flatMap(found -> database.sql("""
                                INSERT INTO wechat_registration_binding (registration_id, openid) VALUES (:registration, :openid)
                                ON CONFLICT (registration_id) DO NOTHING""")
                        .bind("registration", UUID.fromString(found.registration())).bind("openid", openid).then()
                        .then(database.sql("SELECT openid FROM wechat_registration_binding WHERE registration_id = :registration")
                                .bind("registration", UUID.fromString(found.registration()))
                                .map(row -> row.get("openid", String.class)).one())
                        .map(owner -> owner.equals(openid)
                                ? Replies.Answer.text(texts.text("reply.bound", found.title(), texts.when(found.startsAt()), found.place(),
                                        texts.text("reply.status." + found.status())))
                                : Replies.Answer.text(texts.text("reply.bound-elsewhere"))));
    }

    /** {@code subscribe_msg_popup_event}: the follower accepted or rejected templates in WeChat's popup. */
    Mono<Void> popup(WxMpXmlMessage in) {
        WxMpSubscribeMsgEvent.SubscribeMsgPopupEvent event = in.getSubscribeMsgPopupEvent();
        List<WxMpSubscribeMsgEvent.PopupEvent> items = event == null || event.getList() == null ? List.of() : event.getList();
        return Flux.fromIterable(items)
                .concatMap(item -> record(in.getFromUser(), item.getTemplateId(), item.getSubscribeStatusString()))
                .then();
    }

    /** {@code subscribe_msg_change_event}: the follower changed a template's setting later (e.g. turned it off). */
    Mono<Void> change(WxMpXmlMessage in) {
        WxMpSubscribeMsgEvent.SubscribeMsgChangeEvent event = in.getSubscribeMsgChangeEvent();
        List<WxMpSubscribeMsgEvent.ChangeEvent> items = event == null || event.getList() == null ? List.of() : event.getList();
        return Flux.fromIterable(items)
                .concatMap(item -> record(in.getFromUser(), item.getTemplateId(), item.getSubscribeStatusString()))
                .then();
    }

    private Mono<Void> record(String openid, String templateId, String status) {
        if (openid == null || templateId == null || !templateId.equals(properties.reminder().templateId()) || status == null) {
            return Mono.empty();
        }
        boolean accepted = "accept".equals(status.trim().toLowerCase(Locale.ROOT));
        return database.sql("""
                        INSERT INTO wechat_reminder_consent (openid, template_id, accepted) VALUES (:openid, :template, :accepted)
                        ON CONFLICT (openid, template_id) DO UPDATE SET accepted = excluded.accepted, changed_at = now()""")
                .bind("openid", openid).bind("template", templateId).bind("accepted", accepted).then();
    }

    /** WeChat refused a message for want of a subscription (43101): no more until the follower accepts again. */
    Mono<Void> withdrawn(String openid) {
        return database.sql("UPDATE wechat_reminder_consent SET accepted = false, changed_at = now() WHERE openid = :openid AND template_id = :template")
                .bind("openid", openid).bind("template", properties.reminder().templateId()).then();
    }
}
