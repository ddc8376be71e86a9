package org.kepu.identity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every HTTP endpoint × every role, anonymous included: who gets past authorization and who is turned
 * away (401 without an account, 403 with the wrong role). An endpoint without an entry in the table
 * fails the test, so a new endpoint cannot ship without deciding who may call it.
 */
@KepuIntegrationTest
class AuthorizationMatrixIntegrationTest {

    /** Who may call an endpoint, as far as roles go (which society's work is checked by the modules). */
    enum Access {
        PUBLIC(null), SIGNED_IN(EnumSet.allOf(Role.class)), ADMIN(EnumSet.of(Role.ADMIN)),
        STAFF(EnumSet.of(Role.ADMIN, Role.EDITOR)),
        AUTHORS(EnumSet.of(Role.ADMIN, Role.EDITOR, Role.SOCIETY_ADMIN, Role.SOCIETY_MEMBER)),
        SIGNERS(EnumSet.of(Role.REVIEWER_POLITICAL, Role.REVIEWER_SCIENTIFIC, Role.APPROVER)),
        REVIEW_READERS(EnumSet.of(Role.ADMIN, Role.EDITOR, Role.REVIEWER_POLITICAL, Role.REVIEWER_SCIENTIFIC, Role.APPROVER)),
        SOCIETY_ADMIN(EnumSet.of(Role.SOCIETY_ADMIN)),
        EVENT_AUTHORS(EnumSet.of(Role.ADMIN, Role.EDITOR, Role.SOCIETY_ADMIN)),
        EVENT_SIGNERS(EnumSet.of(Role.REVIEWER_POLITICAL, Role.APPROVER, Role.EDITOR)),
        EVENT_READERS(EnumSet.complementOf(EnumSet.of(Role.SOCIETY_MEMBER))),
        /** Callers authenticate by WeChat's signature, not by account: without one every principal gets 403. */
        WECHAT_SIGNED(EnumSet.noneOf(Role.class));

        private final Set<Role> roles;

        Access(Set<Role> roles) {
            this.roles = roles;
        }

        boolean permits(Role role) {
            return roles == null || (role != null && roles.contains(role));
        }
    }

    private static final Map<String, Access> EXPECTED = new LinkedHashMap<>();
    private static final List<String> PAGES = List.of("/", "/topics", "/topics/{slug}", "/columns", "/columns/{slug}", "/societies",
            "/societies/{slug}", "/works/{id}", "/search", "/events", "/events/{series}", "/events/{series}/{occurrence}", "/robots.txt", "/sitemap.xml", "/sitemap-pages.xml",
            "/sitemap-works-{number}.xml", "/feed.xml", "/atom.xml", "/topics/{slug}/feed.xml", "/topics/{slug}/atom.xml",
            "/columns/{slug}/feed.xml", "/columns/{slug}/atom.xml", "/rumors", "/rumors/{slug}", "/rumors/columns/{slug}",
            "/rumors/columns/{slug}/feed.xml", "/rumors/lists/{period}", "/rumors/report");

    static {
        EXPECTED.put("GET /api/me", Access.SIGNED_IN);
        EXPECTED.put("GET /api/inbox", Access.SIGNED_IN);
        EXPECTED.put("GET /api/inbox/unread-count", Access.SIGNED_IN);
        EXPECTED.put("POST /api/inbox/{id}/read", Access.SIGNED_IN);
        EXPECTED.put("POST /api/inbox/read-all", Access.SIGNED_IN);
        // Signing in and out is open to everyone; reading the session answers 401 without a signed-in account.
        EXPECTED.put("POST /api/session", Access.PUBLIC);
        EXPECTED.put("DELETE /api/session", Access.PUBLIC);
        EXPECTED.put("GET /api/session", Access.SIGNED_IN);
        EXPECTED.put("GET /api/admin/accounts", Access.ADMIN);
        EXPECTED.put("POST /api/admin/accounts", Access.ADMIN);
        EXPECTED.put("PUT /api/admin/accounts/{username}/roles", Access.ADMIN);
        EXPECTED.put("POST /api/admin/accounts/{username}/unlock", Access.ADMIN);
        EXPECTED.put("POST /api/admin/accounts/{username}/disable", Access.ADMIN);
        EXPECTED.put("POST /api/admin/accounts/{username}/enable", Access.ADMIN);
        EXPECTED.put("GET /api/admin/jobs", Access.ADMIN);
        EXPECTED.put("GET /api/admin/jobs/{id}", Access.ADMIN);
        EXPECTED.put("POST /api/admin/jobs/{id}/retry", Access.ADMIN);
        EXPECTED.put("GET /api/admin/audit", Access.ADMIN);
        EXPECTED.put("POST /api/admin/search/reindex", Access.ADMIN);
        EXPECTED.put("POST /api/admin/search/drift", Access.ADMIN);
        EXPECTED.put("GET /api/admin/review/sensitive-words", Access.ADMIN);
        EXPECTED.put("POST /api/admin/review/sensitive-words", Access.ADMIN);
        EXPECTED.put("DELETE /api/admin/review/sensitive-words/{id}", Access.ADMIN);
        EXPECTED.put("POST /api/admin/review/sensitive-words/check", Access.ADMIN);
        EXPECTED.put("GET /api/admin/experts", Access.ADMIN);
        EXPECTED.put("POST /api/admin/experts", Access.ADMIN);
        EXPECTED.put("GET /api/organisations", Access.PUBLIC);
        EXPECTED.put("POST /api/organisations", Access.ADMIN);
        EXPECTED.put("PUT /api/organisations/{id}", Access.ADMIN);
        EXPECTED.put("GET /api/admin/organisations", Access.ADMIN);
        EXPECTED.put("GET /api/topics", Access.PUBLIC);
        EXPECTED.put("GET /api/search", Access.PUBLIC);
        EXPECTED.put("GET /api/search/suggest", Access.PUBLIC);
        EXPECTED.put("POST /api/topics", Access.STAFF);
        EXPECTED.put("GET /api/columns", Access.STAFF);
        EXPECTED.put("POST /api/columns", Access.STAFF);
        EXPECTED.put("PUT /api/columns/order", Access.STAFF);
        EXPECTED.put("PUT /api/columns/{slug}", Access.STAFF);
        EXPECTED.put("POST /api/works", Access.AUTHORS);
        // Society accounts see their own society's works, staff and reviewers all (the module decides).
        EXPECTED.put("GET /api/works", Access.SIGNED_IN);
        EXPECTED.put("GET /api/works/{id}", Access.SIGNED_IN);
        EXPECTED.put("PUT /api/works/{id}/draft", Access.AUTHORS);
        EXPECTED.put("GET /api/works/{id}/revisions", Access.SIGNED_IN);
        EXPECTED.put("GET /api/works/{id}/revisions/{number}", Access.SIGNED_IN);
        EXPECTED.put("POST /api/works/{id}/revisions/{number}/restore", Access.AUTHORS);
        EXPECTED.put("POST /api/works/{id}/submissions", Access.AUTHORS);
        EXPECTED.put("GET /api/works/{id}/cases", Access.SIGNED_IN);
        EXPECTED.put("POST /api/works/{id}/unpublish", Access.STAFF);
        EXPECTED.put("DELETE /api/works/{id}/unpublish", Access.STAFF);
        EXPECTED.put("GET /api/schedule", Access.STAFF);
        EXPECTED.put("PUT /api/review/cases/{id}/schedule", Access.STAFF);
        EXPECTED.put("DELETE /api/review/cases/{id}/schedule", Access.STAFF);
        EXPECTED.put("GET /api/review/queue", Access.REVIEW_READERS);
        EXPECTED.put("GET /api/review/cases/{id}", Access.REVIEW_READERS);
        EXPECTED.put("GET /api/review/cases/{id}/diff", Access.REVIEW_READERS);
        EXPECTED.put("POST /api/review/cases/{id}/decisions", Access.SIGNERS);
        EXPECTED.put("POST /api/media/assets", Access.AUTHORS);
        EXPECTED.put("GET /api/media/assets/{id}", Access.SIGNED_IN);
        EXPECTED.put("GET /api/media/assets/{id}/renditions", Access.SIGNED_IN);
        EXPECTED.put("GET /api/media/assets/{id}/text", Access.SIGNED_IN);
        EXPECTED.put("GET /api/media/assets/{id}/files/**", Access.SIGNED_IN);
        EXPECTED.put("POST /api/media/uploads", Access.AUTHORS);
        EXPECTED.put("GET /api/media/uploads/{id}/parts", Access.AUTHORS);
        EXPECTED.put("POST /api/media/uploads/{id}/parts/{number}/url", Access.AUTHORS);
        EXPECTED.put("POST /api/media/uploads/{id}/complete", Access.AUTHORS);
        EXPECTED.put("DELETE /api/media/uploads/{id}", Access.AUTHORS);
        EXPECTED.put("GET /media/{asset}/**", Access.PUBLIC);
        EXPECTED.put("GET /media/{asset}/download", Access.PUBLIC);
        EXPECTED.put("GET /api/volunteers", Access.STAFF);
        EXPECTED.put("POST /api/volunteers", Access.STAFF);
        EXPECTED.put("GET /api/volunteers/{id}", Access.STAFF);
        EXPECTED.put("PUT /api/volunteers/{id}", Access.STAFF);
        EXPECTED.put("POST /api/volunteers/{id}/deactivate", Access.STAFF);
        EXPECTED.put("GET /api/society/members", Access.SOCIETY_ADMIN);
        EXPECTED.put("POST /api/society/members", Access.SOCIETY_ADMIN);
        EXPECTED.put("POST /api/society/members/{username}/disable", Access.SOCIETY_ADMIN);
        EXPECTED.put("POST /api/society/members/{username}/enable", Access.SOCIETY_ADMIN);
        EXPECTED.put("POST /api/society/members/{username}/reset-password", Access.SOCIETY_ADMIN);
        EXPECTED.put("POST /api/society/members/{username}/unlock", Access.SOCIETY_ADMIN);
        EXPECTED.put("GET /api/events/series", Access.EVENT_READERS);
        EXPECTED.put("POST /api/events/series", Access.EVENT_AUTHORS);
        EXPECTED.put("GET /api/events/series/{id}", Access.EVENT_READERS);
        EXPECTED.put("PUT /api/events/series/{id}", Access.EVENT_AUTHORS);
        EXPECTED.put("POST /api/events/series/{id}/occurrences", Access.EVENT_AUTHORS);
        EXPECTED.put("PUT /api/events/occurrences/{id}", Access.EVENT_AUTHORS);
        EXPECTED.put("DELETE /api/events/occurrences/{id}", Access.EVENT_AUTHORS);
        EXPECTED.put("POST /api/events/series/{id}/submissions", Access.EVENT_AUTHORS);
        EXPECTED.put("POST /api/events/series/{id}/decisions", Access.EVENT_SIGNERS);
        EXPECTED.put("GET /api/events/public/occurrences", Access.PUBLIC);
        EXPECTED.put("GET /api/events/public/series/{id}", Access.PUBLIC);
        EXPECTED.put("GET /api/events/public/occurrences/{id}", Access.PUBLIC);
        EXPECTED.put("POST /api/events/public/occurrences/{id}/registrations", Access.PUBLIC);
        EXPECTED.put("GET /api/events/public/registrations/{token}", Access.PUBLIC);
        EXPECTED.put("DELETE /api/events/public/registrations/{token}", Access.PUBLIC);
        EXPECTED.put("GET /api/events/public/registrations/{token}/qr.png", Access.PUBLIC);
        EXPECTED.put("GET /api/events/public/calendar.ics", Access.PUBLIC);
        EXPECTED.put("GET /api/events/public/series/{id}/calendar.ics", Access.PUBLIC);
        EXPECTED.put("GET /api/events/public/topics/{topic}/calendar.ics", Access.PUBLIC);
        EXPECTED.put("GET /api/events/public/occurrences/{id}/calendar.ics", Access.PUBLIC);
        EXPECTED.put("GET /api/events/public/registrations/{token}/calendar.ics", Access.PUBLIC);
        EXPECTED.put("POST /api/events/occurrences/{id}/changes", Access.EVENT_AUTHORS);
        EXPECTED.put("PUT /api/events/occurrences/{id}/capacity", Access.EVENT_AUTHORS);
        EXPECTED.put("PUT /api/events/occurrences/{id}/volunteers", Access.STAFF);
        EXPECTED.put("GET /api/events/occurrences/{id}/registrations", Access.STAFF);
        // Staff, and the occurrence's volunteer coordinators (accounts of any role): the module decides.
        EXPECTED.put("POST /api/events/occurrences/{id}/check-ins", Access.SIGNED_IN);
        // Any signed-in account: its own coordinator duties, an empty list for most.
        EXPECTED.put("GET /api/events/my/check-in-duties", Access.SIGNED_IN);
        EXPECTED.put("POST /api/views/{work}", Access.PUBLIC);
        EXPECTED.put("POST /api/rumors/public/clues", Access.PUBLIC);
        EXPECTED.put("GET /api/rumors/clues", Access.STAFF);
        EXPECTED.put("GET /api/rumors/clues/{id}", Access.STAFF);
        EXPECTED.put("POST /api/rumors/clues/{id}/link", Access.STAFF);
        EXPECTED.put("POST /api/rumors/clues/{id}/item", Access.STAFF);
        EXPECTED.put("POST /api/rumors/clues/{id}/dismiss", Access.STAFF);
        EXPECTED.put("GET /api/rumors/matches", Access.STAFF);
        EXPECTED.put("GET /api/rumors/items", Access.REVIEW_READERS);
        EXPECTED.put("POST /api/rumors/items", Access.STAFF);
        EXPECTED.put("GET /api/rumors/items/{id}", Access.REVIEW_READERS);
        EXPECTED.put("PUT /api/rumors/items/{id}", Access.STAFF);
        EXPECTED.put("POST /api/rumors/items/{id}/submissions", Access.STAFF);
        EXPECTED.put("POST /api/rumors/items/{id}/decisions", Access.SIGNERS);
        EXPECTED.put("POST /api/rumors/items/{id}/unpublish", Access.STAFF);
        EXPECTED.put("GET /api/rumors/columns", Access.STAFF);
        EXPECTED.put("PUT /api/rumors/columns/{slug}", Access.STAFF);
        EXPECTED.put("GET /api/rumors/lists", Access.STAFF);
        EXPECTED.put("PUT /api/rumors/lists/{kind}/{period}", Access.STAFF);
        EXPECTED.put("GET /api/site/featured", Access.STAFF);
        EXPECTED.put("PUT /api/site/featured", Access.STAFF);
        // The public site's pages, feeds and sitemaps.
        for (String page : PAGES) {
            EXPECTED.put("GET " + page, Access.PUBLIC);
        }
        EXPECTED.put("GET /api/wechat/callback", Access.WECHAT_SIGNED);
        EXPECTED.put("POST /api/wechat/callback", Access.WECHAT_SIGNED);
        EXPECTED.put("GET /api/wechat/publications", Access.STAFF);
        EXPECTED.put("POST /api/wechat/publications", Access.STAFF);
        EXPECTED.put("GET /api/wechat/publications/{id}", Access.STAFF);
        EXPECTED.put("POST /api/wechat/publications/{id}/retry", Access.STAFF);
        EXPECTED.put("POST /api/wechat/publications/{id}/mass-send", Access.STAFF);
        EXPECTED.put("GET /api/wechat/mass-quota", Access.STAFF);
        // Actuator endpoints (not request mappings of our own).
        EXPECTED.put("GET /actuator/health", Access.PUBLIC);
        EXPECTED.put("GET /actuator/info", Access.PUBLIC);
        EXPECTED.put("GET /actuator/prometheus", Access.PUBLIC);
        EXPECTED.put("GET /actuator/metrics", Access.ADMIN);
    }

    private static final Map<Role, String> ACCOUNTS = Map.of(
            Role.ADMIN, "admin", Role.EDITOR, "demo-editor", Role.REVIEWER_POLITICAL, "demo-reviewer-political",
            Role.REVIEWER_SCIENTIFIC, "demo-reviewer-scientific", Role.APPROVER, "demo-approver",
            Role.SOCIETY_ADMIN, "demo-society-admin", Role.SOCIETY_MEMBER, "demo-society-member");

    @Autowired
    WebTestClient anonymous;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointAnswersEveryRoleAsTheTableSays() {
        Set<String> endpoints = endpoints();
        assertThat(EXPECTED.keySet()).as("endpoints without an expectation").containsAll(endpoints);

        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Map.Entry<String, Access> entry : EXPECTED.entrySet()) {
            List<Role> principals = new ArrayList<>(EnumSet.allOf(Role.class));
            principals.add(0, null);
            for (Role role : principals) {
                int status = call(entry.getKey(), role);
                boolean allowed = entry.getValue().permits(role);
                // A crash is no answer: 5xx fails the case whatever the table says.
                int denied = role == null && entry.getValue() != Access.WECHAT_SIGNED ? 401 : 403;
                boolean passed = status < 500 && (allowed ? status != 401 && status != 403 : status == denied);
                if (!passed) {
                    wrong.add(entry.getKey() + " as " + (role == null ? "anonymous" : role) + " → " + status
                            + " (expected " + (allowed ? "allowed" : "denied") + ")");
                }
                cases++;
            }
        }
        System.out.printf("Authorization matrix: %d endpoints × 8 principals = %d cases%n", EXPECTED.size(), cases);
        assertThat(wrong).isEmpty();
    }

    /**
     * Unreviewed text never reaches a public surface: a work still in review and the pending edit of a published
     * work are looked for, by a marker in their titles, through every public GET endpoint of the table (the
     * search endpoints queried for the marker). The published revision is found, so the search is not vacuous.
     * Media files of unpublished works are covered by {@code MediaVisibilityIntegrationTest}.
     */
    @Test
    void noDraftOrUnreviewedRevisionReachesAnyPublicSurface() {
        String marker = "未审标记" + UUID.randomUUID().toString().substring(0, 8);
        ReviewedWorks reviewed = new ReviewedWorks(anonymous);
        String inReview = reviewed.article("仍在审核的作品" + marker);
        reviewed.as("demo-society-member").post().uri("/api/works/{id}/submissions", inReview).exchange().expectStatus().isCreated();
        String published = reviewed.article("已发布的作品" + marker.substring(4));
        reviewed.publish(published);
        reviewed.saveDraft(published, ReviewedWorks.draft("修改待审" + marker, List.of()));
        reviewed.as("demo-society-member").post().uri("/api/works/{id}/submissions", published).exchange().expectStatus().isCreated();

        ReviewedEvents events = new ReviewedEvents(anonymous);
        OffsetDateTime soon = OffsetDateTime.now().plusDays(3);
        String draftEvent = events.series("草稿活动" + marker, Map.of());
        String draftOccurrence = events.occurrence(draftEvent, soon, "赫山区", Map.of("title", "草稿场次" + marker));
        String eventInReview = events.series("审核中的活动" + marker, Map.of());
        events.occurrence(eventInReview, soon, "资阳区", Map.of());
        events.submit(eventInReview);
        String publishedEvent = events.series("已发布的活动" + marker.substring(4), Map.of());
        String publishedOccurrence = events.occurrence(publishedEvent, soon, "南县", Map.of());
        events.publish(publishedEvent);
        assertThat(body("/api/events/public/occurrences?q=" + marker.substring(4))).as("the published event is found")
                .contains(publishedOccurrence);
        // Path variables of public endpoints name the unpublished items themselves.
        List<String> unpublished = List.of(draftEvent, draftOccurrence, eventInReview);

        await().atMost(Duration.ofSeconds(30)).until(() -> body("/api/search?q=" + "已发布的作品" + marker.substring(4)).contains(published));
        assertThat(body("/api/search?q=" + "已发布的作品" + marker.substring(4))).as("entities in the body are text, not escaped twice")
                .contains("生熟分开，剩菜").doesNotContain("&amp;#");
        List<String> surfaces = new ArrayList<>();
        EXPECTED.forEach((endpoint, access) -> {
            if (access == Access.PUBLIC && endpoint.startsWith("GET /api/")) {
                surfaces.add(endpoint.substring(4) + "?q=" + marker + "&prefix=" + marker);
            }
        });
        for (String page : List.of("/", "/topics/health", "/societies/nutrition", "/search?q=仍在审核的作品", "/search?q=修改待审",
                "/feed.xml", "/atom.xml", "/topics/health/feed.xml", "/sitemap.xml", "/sitemap-works-1.xml", "/works/" + published)) {
            surfaces.add(page);
        }
        surfaces.add("/events");
        surfaces.add("/events/" + publishedEvent);
        assertThat(body("/events/" + publishedEvent + "/" + publishedOccurrence)).as("the published event has its page")
                .contains("已发布的活动" + marker.substring(4));
        for (String page : List.of("/events/" + draftEvent, "/events/" + draftEvent + "/" + draftOccurrence, "/events/" + eventInReview)) {
            assertThat(anyStatusBody(page)).as(page).doesNotContain(marker);
        }
        anonymous.get().uri("/works/{id}", inReview).exchange().expectStatus().isNotFound();
        assertThat(body("/works/" + published)).as("the public revision of the edited work is on its page").contains("已发布的作品");
        assertThat(body("/sitemap-works-1.xml")).contains("/works/" + published).doesNotContain(inReview);
        surfaces.add("/api/search?q=" + marker.substring(0, 4));
        surfaces.add("/api/search");
        surfaces.add("/api/search/suggest?prefix=修改待审");
        assertThat(surfaces).hasSizeGreaterThan(5);
        for (String surface : surfaces) {
            if (surface.contains("{")) {
                for (String item : unpublished) {
                    // A 404 may name the id it was asked for, but never what the item holds.
                    String path = surface.replaceAll("\\{[a-zA-Z]+}", item);
                    assertThat(anyStatusBody(path)).as(path).doesNotContain(marker);
                }
                continue;
            }
            // The search answer repeats the query; only what it found counts.
            String found = body(surface).replaceAll("\"query\":\"[^\"]*\"", "");
            assertThat(found).as(surface).doesNotContain(marker).doesNotContain(inReview).doesNotContain(draftOccurrence)
                    .doesNotContain(eventInReview);
        }
    }

    private String body(String uri) {
        byte[] body = anonymous.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String anyStatusBody(String uri) {
        byte[] body = anonymous.get().uri(uri).exchange().expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Set<String> endpoints() {
        Set<String> found = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.kepu")) {
                return;
            }
            info.getPatternsCondition().getPatterns().forEach(pattern -> info.getMethodsCondition().getMethods()
                    .forEach(method -> found.add(method.name() + " " + pattern.getPatternString())));
        });
        return found;
    }

    private int call(String endpoint, Role role) {
        String[] parts = endpoint.split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        String uri = parts[1].replace("{number}", "1").replace("/**", "/poster.jpg")
                .replaceAll("\\{(id|asset)}", parts[1].startsWith("/api/admin/jobs") || parts[1].startsWith("/api/inbox") ? "1" : UUID.randomUUID().toString())
                .replace("{username}", "nobody-here").replace("{slug}", "health").replace("{series}", "no-such-series")
                .replace("{occurrence}", "no-such-occurrence").replace("{work}", UUID.randomUUID().toString())
                .replace("{token}", "no-such-token").replace("{topic}", "health")
                .replace("{kind}", "MONTH").replace("{period}", "2026-10");
        WebTestClient client = role == null ? anonymous : anonymous.mutate().responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth(ACCOUNTS.get(role),
                        role == Role.ADMIN ? "test-admin-password" : "kepu-demo-2026")).build();
        var request = client.method(method).uri(uri);
        var exchange = method == HttpMethod.POST || method == HttpMethod.PUT
                ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                : request.exchange();
        return exchange.returnResult(byte[].class).getStatus().value();
    }
}
