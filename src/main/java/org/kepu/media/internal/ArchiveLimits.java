package org.kepu.media.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an uploaded ZIP-based document (DOCX, ODT) may declare in its directory. Real documents stay far
 * below: text XML compresses about 5–20:1, pictures not at all, and a long report has a few hundred
 * entries.
 *
 * @param maxExpanded all entries together, expanded
 * @param maxRatio    expanded to compressed, per entry larger than {@code ratioFrom}
 * @param ratioFrom   entries smaller than this are not judged by ratio (a 1 KB run of spaces is harmless)
 * @param maxEntries  entries in the directory
 */
@ConfigurationProperties("kepu.media.archives")
record ArchiveLimits(@DefaultValue("512MB") DataSize maxExpanded, @DefaultValue("100") int maxRatio,
                     @DefaultValue("10MB") DataSize ratioFrom, @DefaultValue("10000") int maxEntries) {

    static ArchiveLimits defaults() {
        return new ArchiveLimits(DataSize.ofMegabytes(512), 100, DataSize.ofMegabytes(10), 10_000);
    }
}
