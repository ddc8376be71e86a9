package org.kepu.rumor.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.kepu.rumor.PublicRumor;
import org.kepu.rumor.RumorVerdict;

/**
 * What an editor writes for a rumor item.
 *
 * @param slug the item's address on the site; blank: made from its id
 */
record RumorForm(String slug, String claim, List<PublicRumor.Appearance> appearances, LocalDate firstSeen, RumorVerdict verdict,
                 String truth, String explanation, List<PublicRumor.Evidence> evidence, List<String> topics, String column,
                 UUID rebuttalWork) {
}
