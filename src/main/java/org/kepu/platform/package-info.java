/**
 * Shared plumbing: the four servers (PostgreSQL, Elasticsearch, object storage, Redis), embedded
 * when no external address is configured; durable jobs; problem-details errors and web limits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.kepu.platform;
