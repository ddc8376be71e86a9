/**
 * The console: the single-page application for societies, reviewers, editors and administrators,
 * served at {@code /console}. It talks to the other modules only over their HTTP API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.kepu.console;
