package org.kepu.platform.internal.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize      the largest request body accepted anywhere unless overridden
 * @param requestSizeOverrides larger (or smaller) limits per path pattern, e.g. direct uploads
 */
@ConfigurationProperties("kepu.web")
record WebLimitsProperties(
        @DefaultValue("2MB") DataSize maxRequestSize,
        Map<String, DataSize> requestSizeOverrides) {

    WebLimitsProperties {
        requestSizeOverrides = requestSizeOverrides == null ? Map.of() : Map.copyOf(requestSizeOverrides);
    }
}
