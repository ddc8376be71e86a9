package org.kepu.event.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.ReviewedEvents;
import org.kepu.ReviewedWorks;
import org.kepu.event.PublicEvents;
import org.kepu.event.PublicOccurrence;
import org.kepu.event.PublicSeries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An uploaded cover, processed by the media pipeline, reaches the public series and its occurrences as the address
 * of one of its renditions, which anyone can fetch once the series is published.
 */
@KepuIntegrationTest
@TestPropertySource(properties = "kepu.media.processing.enabled=true")
class EventCoverIntegrationTest {

    @Autowired
    WebTestClient anonymous;
    @Autowired
    PublicEvents events;

    @Test
    void anUploadedCoverIsServedFromItsRenditionOncePublished() throws Exception {
        ReviewedEvents reviewed = new ReviewedEvents(anonymous);
        WebTestClient admin = reviewed.as("admin").mutate().responseTimeout(Duration.ofSeconds(60)).build();
        String asset = (String) admin.post().uri("/api/media/assets?purpose=IMAGE").header("X-File-Name", "cover.png")
                .contentType(MediaType.IMAGE_PNG).bodyValue(png(1200, 800)).exchange().expectStatus().isCreated()
                .expectBody(ReviewedWorks.JSON).returnResult().getResponseBody().get("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> "PROCESSED".equals(
                admin.get().uri("/api/media/assets/{id}", asset).exchange().expectStatus().isOk().expectBody(ReviewedWorks.JSON)
                        .returnResult().getResponseBody().get("status")));
        List<Map<String, Object>> renditions = admin.get().uri("/api/media/assets/{id}/renditions", asset).exchange()
                .expectStatus().isOk().expectBody(ReviewedWorks.JSON_LIST).returnResult().getResponseBody();
        String expected = renditions.stream().filter(rendition -> "image-960-webp".equals(rendition.get("name")))
                .map(rendition -> (String) rendition.get("url")).findFirst().orElseThrow();

        String series = reviewed.series("带封面的活动", Map.of("coverAsset", asset));
        reviewed.occurrence(series, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(15).withNano(0), "赫山区", Map.of());
        anonymous.get().uri(expected).exchange().expectStatus().isNotFound();
        reviewed.publish(series);

        PublicSeries published = events.series(series).block();
        assertThat(published.coverUrl()).isEqualTo(expected);
        assertThat(published.occurrences()).extracting(PublicOccurrence::coverUrl).containsExactly(expected);
        anonymous.get().uri(published.coverUrl()).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("image/webp"));
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(0x1E5AA8), width, height, new Color(0xF2C14E)));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
