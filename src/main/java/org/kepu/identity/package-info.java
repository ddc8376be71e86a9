/**
 * Accounts, roles, sign-in and its rate limits, the HTTP security rules, the first administrator
 * (from configuration or with a one-time printed password), and society administrators managing
 * the members of their own society.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.kepu.identity;
