package org.kepu.content.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sample works imported on the first start of an embedded installation, so that a new user sees a living
 * site. Never imported when PostgreSQL is external (production).
 *
 * @param location the folder holding {@code manifest.json} and the files it names
 */
@ConfigurationProperties("kepu.samples")
record SampleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("classpath:content-samples/") String location) {
}
