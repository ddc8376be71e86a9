package org.kepu.media.internal.processing;

import tools.jackson.databind.json.JsonMapper;

/**
 * One line on the standard input of an extraction child: parse {@code document}, write the result JSON to
 * {@code result}, keep at most {@code maxChars} characters, take no longer than {@code timeoutMillis}.
 */
record ExtractionRequest(String document, String result, int maxChars, long timeoutMillis) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String line() {
        return JSON.writeValueAsString(this);
    }

    static ExtractionRequest parse(String line) {
        return JSON.readValue(line, ExtractionRequest.class);
    }
}
