package org.kepu.event;

/**
 * Criteria for public event listings; a null criterion does not filter.
 *
 * @param topic    a topic slug, as works use ({@code health}, {@code carbon} …)
 * @param district a district (区县市) name as entered on venues
 * @param audience {@code youth}, {@code elderly} or {@code all}; {@code youth} and {@code elderly} also find occurrences
 *                 for everyone, {@code all} finds only those; anything else is refused (422)
 * @param text     words a visitor typed (a WeChat keyword): matched against series and occurrence titles,
 *                 topic names and venues
 */
public record EventFilter(String topic, String district, String audience, String text) {

    public static final EventFilter NONE = new EventFilter(null, null, null, null);
}
