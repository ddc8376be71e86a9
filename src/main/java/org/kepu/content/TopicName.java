package org.kepu.content;

/** A topic (主题) by its slug and its display name, e.g. {@code food-safety} 食品安全. */
public record TopicName(String slug, String name) {
}
