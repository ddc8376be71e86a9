/**
 * Yearly society reports built from what the platform recorded.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package org.kepu.assessment;
