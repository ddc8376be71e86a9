package org.kepu.media.internal;

import java.time.Duration;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import org.kepu.media.MediaAssetId;
import org.kepu.media.MediaAssetStatus;
import org.kepu.media.MediaDetails;
import org.kepu.media.MediaPurpose;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads what processing stored about an asset: ffprobe's facts (video, audio, images) or Tika's metadata
 * and text (documents), as one {@link MediaDetails}.
 */
@Component
class DetailsTable {

    private final DatabaseClient database;
    private final JsonMapper json;

    DetailsTable(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<MediaDetails> find(MediaAssetId id) {
        return database.sql("""
                        SELECT id, purpose, status, original_name, detected_type, size_bytes, facts::text AS facts, extracted::text AS extracted, extracted_text
                          FROM media_asset WHERE id = :id""")
                .bind("id", id.id())
                .map(this::details)
                .one();
    }

    Flux<MediaDetails> find(Collection<MediaAssetId> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("""
                        SELECT id, purpose, status, original_name, detected_type, size_bytes, facts::text AS facts, extracted::text AS extracted, extracted_text
                          FROM media_asset WHERE id = ANY(CAST(:ids AS uuid[]))""")
                .bind("ids", ids.stream().map(MediaAssetId::id).distinct().toArray(java.util.UUID[]::new))
                .map(this::details)
                .all();
    }

    private MediaDetails details(Readable row) {
        JsonNode facts = tree(row.get("facts", String.class));
        JsonNode extracted = tree(row.get("extracted", String.class));
        JsonNode described = extracted.isObject() ? extracted : facts;
        return new MediaDetails(new MediaAssetId(row.get("id", java.util.UUID.class)),
                MediaPurpose.valueOf(row.get("purpose", String.class)), MediaAssetStatus.valueOf(row.get("status", String.class)),
                row.get("original_name", String.class), text(described, "title"), text(described, "author"),
                text(described, "created"), duration(facts.path("duration")), displayed(facts, "width"),
                displayed(facts, "height"), row.get("extracted_text", String.class),
                row.get("detected_type", String.class), row.get("size_bytes", Long.class));
    }

    private JsonNode tree(String value) {
        return value == null ? MissingNode.getInstance() : json.readTree(value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString().strip() : null;
    }

    /** Display size: a player turns the coded picture by the rotation, as ffmpeg does when it decodes. */
    private static Integer displayed(JsonNode facts, String field) {
        boolean turned = facts.path("rotation").asInt(0) % 180 != 0;
        String coded = turned ? (field.equals("width") ? "height" : "width") : field;
        int value = facts.path(coded).asInt(0);
        return value > 0 ? value : null;
    }

    /** Jackson writes a {@link Duration} as seconds or as ISO 8601, depending on its settings. */
    private static Duration duration(JsonNode node) {
        if (node.isNumber() && node.asDouble() > 0) {
            return Duration.ofNanos((long) (node.asDouble() * 1e9));
        }
        if (node.isString()) {
            Duration parsed = Duration.parse(node.asString());
            return parsed.isZero() ? null : parsed;
        }
        return null;
    }
}
