package org.kepu.content;

/**
 * An editor created, changed or reordered columns (专栏); published through {@code platform.ModuleEvents} inside
 * the change's transaction, so that the public site can drop pages that list columns once it commits.
 */
public record ColumnsChanged(String slug, String by) {
}
