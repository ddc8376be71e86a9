package org.kepu.rumor.internal;

import java.util.List;

import org.kepu.review.ScreenHit;

/**
 * An item for the console: the working copy, its review and whether (and where) it is public.
 *
 * @param publicPath the site path of the published snapshot, or null
 */
record RumorItemView(RumorItem item, List<RumorDecision> decisions, List<ScreenHit> screen, List<RumorStage> stages, String publicPath) {
}
