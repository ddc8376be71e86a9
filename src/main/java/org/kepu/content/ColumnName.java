package org.kepu.content;

/** A special column (专栏), e.g. {@code focus-20th} 聚焦二十大. */
public record ColumnName(String slug, String name, String description) {
}
