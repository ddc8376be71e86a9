/**
 * Accounts, roles, sign-in, sessions and rate limits. For now: the HTTP security rules and the
 * first administrator, created from configuration or with a one-time printed password.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.kepu.identity;
