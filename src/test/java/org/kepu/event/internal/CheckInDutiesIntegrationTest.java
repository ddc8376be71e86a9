package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/events/my/check-in-duties}: a coordinator sees the occurrences they check registrants in at, with
 * counts and without registrants; helpers, other accounts, cancelled, past, far-off and unpublished occurrences are
 * not listed.
 */
@KepuIntegrationTest
class CheckInDutiesIntegrationTest {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final String PASSWORD = "duty-password-1";

    @Autowired
    WebTestClient anonymous;

    private final OffsetDateTime soon = OffsetDateTime.now(BEIJING).plusDays(3).withHour(9).withMinute(30).withSecond(0).withNano(0);

    @Test
    void aCoordinatorSeesTheirOwnUpcomingOccurrencesWithCounts() {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String coordinator = account("duty-coordinator-" + marker);
        String helper = account("duty-helper-" + marker);
        String coordinatorEntry = volunteer(reviewed, "协调员" + marker, coordinator);
        String helperEntry = volunteer(reviewed, "志愿者" + marker, helper);

        String series = reviewed.series("社区科学实验日" + marker, Map.of());
        Map<String, Object> registration = reviewed.registration(OffsetDateTime.now().minusHours(1), soon.minusHours(2), 2);
        String later = reviewed.occurrence(series, soon.plusDays(1), "资阳区", Map.of("title", "下午场" + marker));
        String first = reviewed.occurrence(series, soon, "赫山区", registration);
        String past = reviewed.occurrence(series, OffsetDateTime.now(BEIJING).minusDays(2), "南县", Map.of());
        String farOff = reviewed.occurrence(series, OffsetDateTime.now(BEIJING).plusDays(40), "桃江县", Map.of());
        String toBeCancelled = reviewed.occurrence(series, soon.plusDays(2), "安化县", Map.of());
        String helped = reviewed.occurrence(series, soon.plusHours(4), "沅江市", Map.of());
        for (String occurrence : List.of(later, first, past, farOff, toBeCancelled)) {
            assign(reviewed, occurrence, List.of(Map.of("volunteer", coordinatorEntry, "role", "COORDINATOR"),
                    Map.of("volunteer", helperEntry, "role", "HELPER")));
        }
        assign(reviewed, helped, List.of(Map.of("volunteer", coordinatorEntry, "role", "HELPER")));

        // A draft's occurrences are nobody's duty yet.
        duties(coordinator).expectBody().jsonPath("$.length()").isEqualTo(0);

        reviewed.publish(series);
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/changes", toBeCancelled).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CANCELLED", "announcement", "场地检修，本场取消。")).exchange().expectStatus().isOk();
        Map<String, Object> confirmed = register(first, "刘一", "13807371001");
        register(first, "陈二", "13807371002");
        register(first, "张三", "13807371003");
        reviewed.as("demo-editor").post().uri("/api/events/occurrences/{id}/check-ins", first).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", confirmed.get("checkInCode"))).exchange().expectStatus().isOk();

        String body = duties(coordinator).expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).as("no registrant, phone or code in the list").doesNotContain("刘一").doesNotContain("13807371001")
                .doesNotContain((String) confirmed.get("checkInCode"));
        duties(coordinator).expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].occurrence").isEqualTo(first)
                .jsonPath("$[0].seriesTitle").isEqualTo("社区科学实验日" + marker)
                .jsonPath("$[0].startsAt").value(String.class, at -> assertThat(OffsetDateTime.parse(at)).isEqualTo(soon))
                .jsonPath("$[0].endsAt").value(String.class, at -> assertThat(OffsetDateTime.parse(at)).isEqualTo(soon.plusHours(2)))
                .jsonPath("$[0].venueName").isEqualTo("赫山区科技馆")
                .jsonPath("$[0].venueAddress").isEqualTo("益阳市赫山区人民路 1 号")
                .jsonPath("$[0].registrationEnabled").isEqualTo(true)
                .jsonPath("$[0].confirmed").isEqualTo(2)
                .jsonPath("$[0].checkedIn").isEqualTo(1)
                .jsonPath("$[1].occurrence").isEqualTo(later)
                .jsonPath("$[1].title").isEqualTo("下午场" + marker)
                .jsonPath("$[1].confirmed").isEqualTo(0);

        duties(helper).expectBody().jsonPath("$.length()").isEqualTo(0);
        duties("demo-approver").expectBody().jsonPath("$.length()").isEqualTo(0);
        duties("demo-editor").expectBody().jsonPath("$.length()").isEqualTo(0);
        anonymous.get().uri("/api/events/my/check-in-duties").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aDeactivatedDirectoryEntryHasNoDuties() {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String coordinator = account("duty-retired-" + marker);
        String entry = volunteer(reviewed, "退出协调员" + marker, coordinator);
        String series = reviewed.series("退出测试" + marker, Map.of());
        String occurrence = reviewed.occurrence(series, soon, "赫山区", Map.of());
        assign(reviewed, occurrence, List.of(Map.of("volunteer", entry, "role", "COORDINATOR")));
        reviewed.publish(series);
        duties(coordinator).expectBody().jsonPath("$.length()").isEqualTo(1);

        reviewed.as("demo-editor").post().uri("/api/volunteers/{id}/deactivate", entry).exchange().expectStatus().isOk();
        duties(coordinator).expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    private String account(String username) {
        new ReviewedWorks(anonymous).as("admin").post().uri("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", "活动志愿者", "password", PASSWORD, "roles", List.of("REVIEWER_SCIENTIFIC")))
                .exchange().expectStatus().isCreated();
        return username;
    }

    private static String volunteer(ReviewedEvents reviewed, String name, String account) {
        return (String) reviewed.as("demo-editor").post().uri("/api/volunteers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "phone", "13600000001", "account", account, "districts", List.of("赫山区"),
                        "skills", List.of("讲解"), "availability", List.of("WEEKEND")))
                .exchange().expectStatus().isCreated().expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
    }

    private static void assign(ReviewedEvents reviewed, String occurrence, List<Map<String, Object>> volunteers) {
        reviewed.as("demo-editor").put().uri("/api/events/occurrences/{id}/volunteers", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(volunteers).exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec duties(String username) {
        WebTestClient client = username.startsWith("demo-") ? new ReviewedWorks(anonymous).as(username)
                : anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth(username, PASSWORD)).build();
        return client.get().uri("/api/events/my/check-in-duties").exchange().expectStatus().isOk();
    }

    private Map<String, Object> register(String occurrence, String name, String phone) {
        return anonymous.post().uri("/api/events/public/occurrences/{id}/registrations", occurrence).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "phone", phone)).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody();
    }
}
