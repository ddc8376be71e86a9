package org.kepu.rumor;

import java.util.List;

/**
 * A list assembled by editors: the monthly 流言榜 ({@code MONTH}, period {@code 2026-10}) or an annual list
 * ({@code YEAR}, period {@code 2025}). Holds only published items, in the editors' order.
 */
public record PublicRumorList(String kind, String period, String title, List<PublicRumor> items) {

    public PublicRumorList {
        items = List.copyOf(items);
    }
}
