package org.kepu.wechat.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders before an occurrence (lead time 24 h): an in-app notice for each confirmed registrant, once per start time
 * whatever runs the job how often, and a subscribe message on WeChat for followers who bound their registration by
 * its check-in code and accepted the template. A rescheduled occurrence is reminded of at its new time, never the
 * old one; WeChat failures are retried without a second message, and the in-app reminder stands regardless.
 */
class EventRemindersIntegrationTest extends WeChatIntegrationTestBase {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    @Autowired
    List<JobHandler> handlers;
    @Autowired
    DatabaseClient database;

    @Test
    void aRescheduledOccurrenceRemindsConfirmedRegistrantsOfItsNewTimeOnceInAppAndOnWeChat() {
        ReviewedEvents reviewed = new ReviewedEvents(web);
        OffsetDateTime planned = OffsetDateTime.now(BEIJING).plusDays(3).withHour(10).withMinute(0).withSecond(0).withNano(0);
        String title = "社区急救知识讲座" + UUID.randomUUID().toString().substring(0, 4);
        String series = reviewed.series(title, Map.of());
        String occurrence = reviewed.occurrence(series, planned, "南县",
                reviewed.registration(OffsetDateTime.now(BEIJING).minusDays(1), planned.minusHours(2), 2));
        reviewed.publish(series);
        Map<String, Object> bound = register(occurrence, "王小明", "13707370201");
        Map<String, Object> declined = register(occurrence, "李小红", "13707370202");
        Map<String, Object> waiting = register(occurrence, "赵小刚", "13707370203");
        assertThat(waiting).containsEntry("status", "WAITING");

        // The first follower binds by the check-in code and accepts the template; the second binds and rejects it.
        String reply = deliver(WeChatWire.text("o-reminded", ACCOUNT, ((String) bound.get("checkInCode")).toLowerCase(), msgId(), now()));
        assertThat(WeChatWire.field(reply, "MsgType")).isEqualTo("text");
        assertThat(WeChatWire.field(reply, "Content")).startsWith("已绑定您的活动报名").contains(title).contains("10:00").contains("已确认");
        assertThat(WeChatWire.field(deliver(WeChatWire.text("o-someone-else", ACCOUNT, (String) bound.get("checkInCode"), msgId(), now())),
                "Content")).contains("已绑定另一个微信号");
        assertThat(deliver(popup("o-reminded", "accept"))).isEqualTo("success");
        WECHAT.subscribed("o-reminded");
        deliverEncrypted(WeChatWire.text("o-declined", ACCOUNT, (String) declined.get("checkInCode"), msgId(), now()));
        deliverEncrypted(popup("o-declined", "reject"));

        // Rescheduled into the reminder's lead time: the reminder of the new time goes out at once.
        OffsetDateTime moved = OffsetDateTime.now(BEIJING).plusHours(5).withSecond(0).withNano(0);
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "RESCHEDULED", "startsAt", moved.toString(), "endsAt", moved.plusHours(2).toString(),
                        "announcement", "因场地安排，讲座提前举行。"))
                .exchange().expectStatus().isOk();
        String newTime = moved.format(DateTimeFormatter.ofPattern("HH:mm")) + "–"
                + moved.plusHours(2).format(DateTimeFormatter.ofPattern("HH:mm"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders((String) bound.get("token")).size() == 1
                && reminders((String) declined.get("token")).size() == 1);
        assertThat(reminders((String) bound.get("token")).get(0)).contains("活动提醒").contains(title).contains(newTime)
                .contains("南县科技馆").contains((String) bound.get("checkInCode"));
        assertThat(reminders((String) bound.get("token"), "en")).singleElement().asString().startsWith("Reminder: \"" + title)
                .contains(newTime).contains("南县科技馆");
        assertThat(reminders((String) waiting.get("token"))).isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> sendsTo("o-reminded").size() == 1);
        JsonNode sent = sendsTo("o-reminded").get(0);
        assertThat(sent.path("template_id").asString()).isEqualTo(FakeWeChat.REMINDER_TEMPLATE);
        assertThat(sent.path("page").asString()).isEqualTo("https://kepu.example.org/events/" + series + "/" + occurrence);
        assertThat(sent.path("data").path("thing1").path("value").asString()).isEqualTo(title);
        assertThat(sent.path("data").path("time2").path("value").asString())
                .isEqualTo(moved.getYear() + "年" + moved.getMonthValue() + "月" + moved.getDayOfMonth() + "日 "
                        + moved.format(DateTimeFormatter.ofPattern("HH:mm")));
        assertThat(sent.path("data").path("thing3").path("value").asString()).hasSizeLessThanOrEqualTo(20).startsWith("益阳市南县");

        // The job of the old time finds the occurrence moved and does nothing; the job of the new time, run again
        // (twice at once, as two instances would), reminds nobody a second time.
        JobHandler remind = handler("event.remind");
        remind.handle(job("event.remind", Map.of("occurrence", occurrence, "startsAt", planned.toInstant().toString()))).block();
        Job again = job("event.remind", Map.of("occurrence", occurrence, "startsAt", moved.toInstant().toString()));
        Mono.when(remind.handle(again), remind.handle(again)).block();
        assertThat(remindedTimes(occurrence)).containsOnly(moved.toInstant());
        assertThat(reminders((String) bound.get("token"))).hasSize(1);
        assertThat(reminders((String) declined.get("token"))).hasSize(1);
        assertThat(jobsFor("wechat.remind", (String) bound.get("token"))).isEqualTo(1);
        pause();
        assertThat(sendsTo("o-reminded")).hasSize(1);
        assertThat(sendsTo("o-declined")).isEmpty();
        assertThat(wechatStatus(occurrence)).containsExactly("SENT");
    }

    @Test
    void weChatFailuresAreRetriedWithoutASecondMessageAndTheInAppReminderStands() {
        WECHAT.failNext("/cgi-bin/message/subscribe/bizsend", 45011, "api minute-quota reach limit");
        Reminded busy = remindedFollower("o-busy");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(wechatStatus(busy.occurrence()).stream().findFirst().orElse("")));
        assertThat(sendsTo("o-busy")).hasSize(1);
        assertThat(reminders(busy.token())).hasSize(1);

        // The answer is lost after WeChat delivered the message: sending again could make two, so it is not retried.
        WECHAT.loseNextAnswer("/cgi-bin/message/subscribe/bizsend");
        Reminded lost = remindedFollower("o-lost");
        await().atMost(Duration.ofSeconds(30)).until(() -> "UNKNOWN".equals(wechatStatus(lost.occurrence()).stream().findFirst().orElse("")));
        pause();
        assertThat(sendsTo("o-lost")).hasSize(1);
        assertThat(reminders(lost.token())).hasSize(1);

        // No subscription left at WeChat (43101): failed for good, and consent is withdrawn.
        Reminded refused = remindedFollower("o-unsubscribed", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(wechatStatus(refused.occurrence()).stream().findFirst().orElse("")));
        assertThat(reminders(refused.token())).hasSize(1);
        assertThat(database.sql("SELECT accepted FROM wechat_reminder_consent WHERE openid = 'o-unsubscribed'")
                .map(row -> row.get("accepted", Boolean.class)).one().block()).isFalse();
    }

    private record Reminded(String occurrence, String token) {
    }

    private Reminded remindedFollower(String openid) {
        return remindedFollower(openid, true);
    }

    /** A confirmed registration bound to {@code openid}, which accepted the template; rescheduled into the lead time. */
    private Reminded remindedFollower(String openid, boolean subscribedAtWeChat) {
        ReviewedEvents reviewed = new ReviewedEvents(web);
        OffsetDateTime planned = OffsetDateTime.now(BEIJING).plusDays(4).withHour(15).withMinute(0).withSecond(0).withNano(0);
        String series = reviewed.series("青少年编程体验课" + openid, Map.of());
        String occurrence = reviewed.occurrence(series, planned, "桃江县",
                reviewed.registration(OffsetDateTime.now(BEIJING).minusDays(1), planned.minusHours(2), 5));
        reviewed.publish(series);
        Map<String, Object> registration = register(occurrence, "测试" + openid.length(), "1390737" + (1000 + Math.abs(openid.hashCode()) % 9000));
        deliver(WeChatWire.text(openid, ACCOUNT, (String) registration.get("checkInCode"), msgId(), now()));
        deliver(popup(openid, "accept"));
        if (subscribedAtWeChat) {
            WECHAT.subscribed(openid);
        }
        OffsetDateTime moved = OffsetDateTime.now(BEIJING).plusHours(6).withSecond(0).withNano(0);
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "RESCHEDULED", "startsAt", moved.toString(), "endsAt", moved.plusHours(2).toString(),
                        "announcement", "体验课提前到今天下午。"))
                .exchange().expectStatus().isOk();
        String token = (String) registration.get("token");
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(token).size() == 1);
        return new Reminded(occurrence, token);
    }

    private Map<String, Object> register(String occurrence, String name, String phone) {
        return web.post().uri("/api/events/public/occurrences/{id}/registrations", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "phone", phone)).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
    }

    private List<String> reminders(String token) {
        return reminders(token, "zh-CN");
    }

    @SuppressWarnings("unchecked")
    private List<String> reminders(String token, String language) {
        Map<String, Object> view = web.get().uri("/api/events/public/registrations/{token}", token).header("Accept-Language", language)
                .exchange().expectStatus().isOk().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) view.get("notices")).stream().filter(notice -> "REMINDER".equals(notice.get("kind")))
                .map(notice -> (String) notice.get("text")).toList();
    }

    private List<JsonNode> sendsTo(String openid) {
        synchronized (WECHAT.subscribeSends) {
            return WECHAT.subscribeSends.stream().filter(send -> send.path("touser").asString().equals(openid)).toList();
        }
    }

    private List<Instant> remindedTimes(String occurrence) {
        return database.sql("""
                        SELECT m.starts_at FROM event_reminder m JOIN event_registration r ON r.id = m.registration_id
                         WHERE r.occurrence_id = :occurrence""")
                .bind("occurrence", UUID.fromString(occurrence)).map(row -> row.get("starts_at", OffsetDateTime.class).toInstant())
                .all().collectList().block();
    }

    private List<String> wechatStatus(String occurrence) {
        return database.sql("""
                        SELECT w.status FROM wechat_reminder w JOIN event_registration r ON r.id = w.registration_id
                         WHERE r.occurrence_id = :occurrence""")
                .bind("occurrence", UUID.fromString(occurrence)).map(row -> row.get("status", String.class)).all().collectList().block();
    }

    /** Jobs of a kind queued for the registration behind a registrant's token. */
    private long jobsFor(String kind, String token) {
        String registration = database.sql("SELECT id FROM event_registration WHERE token_hash = encode(sha256(convert_to(:token, 'UTF8')), 'hex')")
                .bind("token", token).map(row -> row.get("id", UUID.class).toString()).one().block();
        return database.sql("SELECT count(*) AS n FROM platform_job WHERE kind = :kind AND payload::text LIKE :like")
                .bind("kind", kind).bind("like", "%" + registration + "%").map(row -> row.get("n", Long.class)).one().block();
    }

    private JobHandler handler(String kind) {
        return handlers.stream().filter(handler -> handler.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static Job job(String kind, Map<String, String> payload) {
        String json = "{" + String.join(",", payload.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").toList()) + "}";
        return new Job(new JobId(0), kind, json, 1, 5);
    }

    private static String popup(String openid, String status) {
        return WeChatWire.event(openid, ACCOUNT, "subscribe_msg_popup_event", now(),
                "<SubscribeMsgPopupEvent><List><TemplateId><![CDATA[" + FakeWeChat.REMINDER_TEMPLATE + "]]></TemplateId>"
                        + "<SubscribeStatusString><![CDATA[" + status + "]]></SubscribeStatusString><PopupScene>2</PopupScene></List>"
                        + "</SubscribeMsgPopupEvent>");
    }

    /** Time for a message that should not come (a retry, a second job) to arrive. */
    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final AtomicLong MSG_IDS = new AtomicLong(7_600_000_000L + System.nanoTime() % 1_000_000);
    private static final AtomicLong CREATED = new AtomicLong(Instant.now().getEpochSecond());

    private static long msgId() {
        return MSG_IDS.incrementAndGet();
    }

    /** Distinct per event: WeChat's events are deduplicated by sender and CreateTime. */
    private static long now() {
        return CREATED.incrementAndGet();
    }
}
