package org.kepu.site.internal;

/** One step of a page's breadcrumb trail; {@code path} is site-relative. */
record Crumb(String name, String path) {
}
