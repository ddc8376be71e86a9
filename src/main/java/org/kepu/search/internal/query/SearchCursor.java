package org.kepu.search.internal.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The opaque {@code after} cursor: the sort order it belongs to and the sort values of the last hit
 * seen, as base64url JSON. A cursor is only accepted with the order it was made for.
 */
public record SearchCursor(SearchSort sort, List<FieldValue> values) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String encode() {
        List<Object> raw = values.stream().map(FieldValue::_get).toList();
        byte[] json = JSON.writeValueAsBytes(Map.of("s", sort.parameter(), "v", raw));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /** @throws ProblemException 422 {@code search-cursor-invalid} for anything this class did not write for {@code sort} */
    static SearchCursor decode(String cursor, SearchSort sort) {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            JsonNode values = node.path("v");
            List<Class<?>> types = sort.cursorTypes();
            if (!sort.parameter().equals(node.path("s").asString(null)) || !values.isArray() || values.size() != types.size()) {
                throw invalid();
            }
            List<FieldValue> parsed = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                parsed.add(value(values.get(i), types.get(i)));
            }
            return new SearchCursor(sort, List.copyOf(parsed));
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
    }

    private static FieldValue value(JsonNode node, Class<?> type) {
        if (type == String.class && node.isString()) {
            return FieldValue.of(node.asString());
        }
        if (type == Long.class && node.isIntegralNumber()) {
            return FieldValue.of(node.asLong());
        }
        if (type == Double.class && node.isNumber()) {
            return FieldValue.of(node.asDouble());
        }
        throw invalid();
    }

    private static ProblemException invalid() {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-cursor-invalid");
    }
}
