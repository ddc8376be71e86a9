package org.kepu.event.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.kepu.event.PublicEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration of citizens without accounts: capacity, waiting list and its promotion with a notice, duplicates,
 * the secret link (view, QR code, cancellation), check-in by staff and coordinators, the per-address limit, and
 * capacity under parallel registrations.
 */
@KepuIntegrationTest
class RegistrationIntegrationTest {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    @Autowired
    WebTestClient anonymous;
    @Autowired
    RedisReactiveCommands<String, String> redis;
    @Autowired
    PublicEvents events;
    @LocalServerPort
    int port;

    private final OffsetDateTime start = OffsetDateTime.now(BEIJING).plusDays(5).withHour(14).withMinute(0).withSecond(0).withNano(0);

    @Test
    void capacityWaitingListPromotionDuplicateAndCancellationLink() {
        String occurrence = publishedOccurrence(2);

        Map<String, Object> first = register(occurrence, "张三", "138 0737 0001");
        assertThat(first).containsEntry("status", "CONFIRMED").containsKey("token");
        assertThat(first.get("checkInCode").toString()).hasSize(8);
        assertThat(first.get("confirmation").toString()).as("date, time and place")
                .contains(start.getYear() + "年" + start.getMonthValue() + "月" + start.getDayOfMonth() + "日")
                .contains("14:00–16:00").contains("赫山区科技馆").contains("人民路");
        assertThat(first.toString()).doesNotContain("13807370001");
        register(occurrence, "李四", "13807370002");
        Map<String, Object> third = register(occurrence, "王五", "+86 138-0737-0003");
        assertThat(third).containsEntry("status", "WAITING").containsEntry("position", 1).containsEntry("checkInCode", null);
        assertThat(third.get("confirmation").toString()).contains("候补第 1 位");
        Map<String, Object> fourth = register(occurrence, "赵六", "13807370004");
        assertThat(fourth).containsEntry("position", 2);

        anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "张三另一次", "phone", "13807370001")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("event-registration-duplicate");
        anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "错号", "phone", "12345")).exchange().expectStatus().isEqualTo(422);

        String firstToken = (String) first.get("token");
        anonymous.delete().uri("/api/events/public/registrations/{token}", firstToken).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        anonymous.delete().uri("/api/events/public/registrations/{token}", firstToken).exchange().expectStatus().isEqualTo(409);
        anonymous.delete().uri("/api/events/public/registrations/{token}", "wrong" + firstToken).exchange().expectStatus().isNotFound();

        Map<String, Object> promoted = view((String) third.get("token"), "zh-CN");
        assertThat(promoted).containsEntry("status", "CONFIRMED");
        assertThat(promoted.get("checkInCode")).isNotNull();
        List<?> notices = (List<?>) promoted.get("notices");
        assertThat(notices).hasSize(2);
        assertThat(notices.get(1).toString()).contains("PROMOTED").contains("候补成功").contains("14:00–16:00")
                .contains("赫山区科技馆").contains((String) promoted.get("checkInCode"));
        assertThat(view((String) fourth.get("token"), "zh-CN")).containsEntry("position", 1);
        assertThat(view((String) third.get("token"), "en").get("confirmation").toString()).contains("You are registered")
                .contains("14:00–16:00");

        // The same phone may register again once its registration is cancelled.
        assertThat(register(occurrence, "张三", "13807370001")).containsEntry("status", "WAITING").containsEntry("position", 2);

        List<Map<String, Object>> staffList = new ReviewedEvents(anonymous).as("demo-editor").get()
                .uri("/api/events/occurrences/{id}/registrations", occurrence).exchange().expectStatus().isOk()
                .expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
        assertThat(staffList).extracting(line -> line.get("phone")).contains("13807370001", "13807370003");
        assertThat(staffList).extracting(line -> line.get("status")).containsExactly("CANCELLED", "CONFIRMED", "CONFIRMED", "WAITING", "WAITING");

        String publicText = anonymous.get().uri("/api/events/public/occurrences/{id}", occurrence).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(publicText).contains("\"confirmed\":2").contains("\"waiting\":2").contains("\"open\":true")
                .doesNotContain("1380737").doesNotContain("张三");
    }

    @Test
    void raisingTheCapacityPromotesTheLineAndLoweringItBelowTheConfirmedIsRefused() {
        String occurrence = publishedOccurrence(1);
        Map<String, Object> confirmed = register(occurrence, "钱一", "13507370301");
        Map<String, Object> second = register(occurrence, "孙二", "13507370302");
        Map<String, Object> third = register(occurrence, "李三", "13507370303");
        Map<String, Object> fourth = register(occurrence, "周四", "13507370304");
        assertThat(List.of(second, third, fourth)).extracting(line -> line.get("status")).containsOnly("WAITING");
        WebTestClient editor = new ReviewedEvents(anonymous).as("demo-editor");

        editor.put().uri("/api/events/occurrences/{id}/capacity", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capacity", 3)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.registration.capacity").isEqualTo(3)
                .jsonPath("$.registration.confirmed").isEqualTo(3).jsonPath("$.registration.waiting").isEqualTo(1);
        for (Map<String, Object> promoted : List.of(second, third)) {
            Map<String, Object> view = view((String) promoted.get("token"), "zh-CN");
            assertThat(view).containsEntry("status", "CONFIRMED");
            List<?> notices = (List<?>) view.get("notices");
            assertThat(notices.get(notices.size() - 1).toString()).contains("PROMOTED").contains("候补成功").contains("14:00–16:00")
                    .contains("赫山区科技馆").contains((String) view.get("checkInCode"));
        }
        assertThat(view((String) fourth.get("token"), "zh-CN")).containsEntry("status", "WAITING").containsEntry("position", 1);
        assertThat(view((String) confirmed.get("token"), "zh-CN").get("notices")).asList().hasSize(1);

        editor.put().uri("/api/events/occurrences/{id}/capacity", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capacity", 2)).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("event-capacity-below-confirmed").jsonPath("$.detail").value(detail ->
                        assertThat(detail.toString()).contains("3"));
        editor.put().uri("/api/events/occurrences/{id}/capacity", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capacity", 0)).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("event-capacity-invalid");
        // Lowering to exactly the confirmed places is allowed and promotes nobody.
        editor.put().uri("/api/events/occurrences/{id}/capacity", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capacity", 3)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.registration.confirmed").isEqualTo(3).jsonPath("$.registration.waiting").isEqualTo(1);
        new ReviewedEvents(anonymous).as("demo-reviewer-political").put().uri("/api/events/occurrences/{id}/capacity", occurrence)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("capacity", 10)).exchange().expectStatus().isForbidden();
    }

    @Test
    void qrCodeCarriesTheCheckInCodeAndStaffAndCoordinatorsCheckIn() throws Exception {
        String occurrence = publishedOccurrence(5);
        Map<String, Object> guest = register(occurrence, "陈七", "13907370011");
        Map<String, Object> other = register(occurrence, "周八", "13907370012");

        byte[] png = anonymous.get().uri("/api/events/public/registrations/{token}/qr.png", guest.get("token")).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult().getResponseBody();
        String scanned = decode(png);
        assertThat(scanned).isEqualTo("KEPU-CHECKIN:" + occurrence + ":" + guest.get("checkInCode"));

        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        reviewed.as("demo-society-admin").post().uri("/api/events/occurrences/{id}/check-ins", occurrence)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", scanned)).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("event-check-in-not-allowed");
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/check-ins", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", scanned)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("陈七").jsonPath("$.checkedInBy").isEqualTo("demo-editor");
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/check-ins", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", scanned)).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("event-already-checked-in");
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/check-ins", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "ZZZZZZZZ")).exchange().expectStatus().isNotFound();

        // A volunteer coordinator with an account of their own checks in at their occurrence.
        String coordinator = "coordinator-" + UUID.randomUUID().toString().substring(0, 8);
        reviewed.as("admin").post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", coordinator, "displayName", "志愿者协调员", "password", "coordinator-password-1",
                        "roles", List.of("REVIEWER_SCIENTIFIC"))).exchange().expectStatus().isCreated();
        String volunteer = (String) reviewed.as("demo-editor").post().uri("/api/volunteers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "协调员" + coordinator, "phone", "13600000000", "account", coordinator, "districts", List.of("赫山区"),
                        "skills", List.of("讲解"), "availability", List.of("WEEKEND"))).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        WebTestClient asCoordinator = anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth(coordinator, "coordinator-password-1")).build();
        String otherCode = (String) other.get("checkInCode");
        asCoordinator.post().uri("/api/events/occurrences/{id}/check-ins", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", otherCode)).exchange().expectStatus().isForbidden();
        reviewed.as("demo-editor").put().uri("/api/events/occurrences/{id}/volunteers", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(Map.of("volunteer", volunteer, "role", "COORDINATOR"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.volunteers[0].name").isEqualTo("协调员" + coordinator);
        asCoordinator.post().uri("/api/events/occurrences/{id}/check-ins", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", otherCode.toLowerCase())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.checkedInBy").isEqualTo(coordinator);
    }

    @Test
    void registrationNeedsAnOpenWindowOnAPublishedOccurrence() {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        String series = reviewed.series("报名规则", Map.of());
        String notYet = reviewed.occurrence(series, start, "资阳区",
                reviewed.registration(OffsetDateTime.now().plusDays(1), start.minusHours(1), 10));
        String without = reviewed.occurrence(series, start.plusDays(1), "资阳区", Map.of());
        anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", notYet).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "早到", "phone", "13707370001")).exchange().expectStatus().isNotFound();
        reviewed.publish(series);
        anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", notYet).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "早到", "phone", "13707370001")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("event-registration-closed");
        anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", without).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "早到", "phone", "13707370001")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("event-registration-not-offered");
    }

    @Test
    void eachAddressIsLimitedInRedis() {
        String occurrence = publishedOccurrence(50);
        String key = RegistrationLimit.KEY + "127.0.0.1";
        redis.set(key, "99999").then(redis.expire(key, 3600)).block();
        try {
            register(occurrence, "最后一个", "13507370001");
            anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", occurrence).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "多了一个", "phone", "13507370002")).exchange().expectStatus().isEqualTo(429)
                    .expectHeader().value(HttpHeaders.RETRY_AFTER, wait -> assertThat(Long.parseLong(wait)).isBetween(3000L, 3600L))
                    .expectBody().jsonPath("$.code").isEqualTo("event-registration-rate-limited");
        } finally {
            redis.del(key).block();
        }
    }

    /** Forty people register at once for ten places: exactly ten are confirmed, thirty wait in a line without gaps. */
    @Test
    void capacityHoldsUnderParallelRegistrations() {
        String occurrence = publishedOccurrence(10);
        WebClient client = WebClient.create("http://localhost:" + port);
        List<Map<String, Object>> answers = Flux.range(0, 40)
                .flatMap(i -> client.post().uri("/api/events/public/occurrences/{id}/registrations", occurrence)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "并发" + i, "phone", String.format("1330737%04d", i)))
                        .retrieve().bodyToMono(ReviewedWorks.JSON), 40)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(answers).hasSize(40);
        assertThat(answers).filteredOn(answer -> "CONFIRMED".equals(answer.get("status"))).hasSize(10);
        List<Object> positions = answers.stream().filter(answer -> "WAITING".equals(answer.get("status"))).map(answer -> answer.get("position"))
                .toList();
        assertThat(positions).hasSize(30);
        List<String> tokens = answers.stream().map(answer -> (String) answer.get("token")).toList();
        List<Object> finalPositions = Flux.fromIterable(tokens).concatMap(token -> Mono.just(view(token, "zh-CN")))
                .filter(view -> "WAITING".equals(view.get("status"))).map(view -> view.get("position")).collectList().block();
        assertThat(finalPositions).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().map(Object.class::cast).toList());
        String counts = anonymous.get().uri("/api/events/public/occurrences/{id}", occurrence).exchange().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(counts).contains("\"confirmed\":10").contains("\"waiting\":30");
    }

    private String publishedOccurrence(int capacity) {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        String series = reviewed.series("青少年科学实验课", Map.of());
        String occurrence = reviewed.occurrence(series, start, "赫山区",
                reviewed.registration(OffsetDateTime.now().minusHours(1), start.minusHours(2), capacity));
        reviewed.publish(series);
        return occurrence;
    }

    private Map<String, Object> register(String occurrence, String name, String phone) {
        return anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "phone", phone)).exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
    }

    private Map<String, Object> view(String token, String language) {
        return anonymous.get().uri("/api/events/public/registrations/{token}", token).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        // A generated code, not a photo: PURE_BARCODE reads it directly instead of searching for finder patterns,
        // which failed now and then for some random codes.
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(),
                pixels))), java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
