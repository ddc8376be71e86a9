/**
 * The public, server-rendered site, feeds, sitemap and structured data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site")
package org.kepu.site;
