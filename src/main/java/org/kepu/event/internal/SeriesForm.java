package org.kepu.event.internal;

import java.util.List;
import java.util.UUID;

/**
 * A series as the console sends it.
 *
 * @param organisation the organiser's slug; empty: the author's society, or the association for its staff
 * @param audience     {@code youth}, {@code elderly} or {@code all} (the default)
 * @param coverAsset   an uploaded IMAGE, or null
 * @param coverUrl     an https URL or a site path, or null (not both)
 */
record SeriesForm(String title, String summary, String description, String organisation, List<String> topics, String audience,
                  UUID coverAsset, String coverUrl) {
}
