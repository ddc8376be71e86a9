/**
 * Accounts, roles, sign-in, sessions and rate limits: the HTTP security rules, HTTP Basic for API
 * clients, browser sessions in Redis with CSRF protection, and the first administrator, created from
 * configuration or with a one-time printed password.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.kepu.identity;
