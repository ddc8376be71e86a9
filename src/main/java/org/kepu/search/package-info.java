/**
 * Index mappings with Chinese analysis, indexing, queries, suggestions, zero-downtime reindex behind aliases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.kepu.search;
