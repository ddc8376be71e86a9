package org.kepu.site.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content-hashed names of the site's script and styles, from the manifest the front-end build writes
 * (frontend/, {@code npm run build}). Read once at start.
 */
@Component
class AssetManifest {

    static final String LOCATION = "static/assets/site-manifest.json";
    private static final String ENTRY = "site/main.js";
    private static final Logger log = LoggerFactory.getLogger(AssetManifest.class);

    /** Where the page links its script and styles; empty when the front end was not built. */
    record Assets(String script, List<String> styles) {
    }

    private final Assets assets;

    AssetManifest(JsonMapper json) {
        this.assets = read(json);
    }

    Assets assets() {
        return assets;
    }

    private static Assets read(JsonMapper json) {
        ClassPathResource manifest = new ClassPathResource(LOCATION);
        if (!manifest.exists()) {
            log.warn("No {} on the classpath: pages render without scripts and styles (build frontend/ with Maven)", LOCATION);
            return new Assets(null, List.of());
        }
        try (InputStream in = manifest.getInputStream()) {
            JsonNode entry = json.readTree(in).get(ENTRY);
            List<String> styles = new ArrayList<>();
            entry.path("css").forEach(css -> styles.add("/assets/" + css.asString()));
            return new Assets("/assets/" + entry.get("file").asString(), List.copyOf(styles));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Unreadable " + LOCATION, e);
        }
    }

    static Map<String, Object> model(Assets assets) {
        return Map.of("script", assets.script() == null ? "" : assets.script(), "styles", assets.styles());
    }
}
