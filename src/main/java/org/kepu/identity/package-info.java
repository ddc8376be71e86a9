/**
 * Accounts, roles, sign-in, sessions and rate limits: the HTTP security rules, HTTP Basic for API
 * clients, browser sessions in Redis with CSRF protection, the first administrator (from configuration or
 * with a one-time printed password), and society administrators managing the members of their own society.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.kepu.identity;
