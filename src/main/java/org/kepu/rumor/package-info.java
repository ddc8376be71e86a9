/**
 * The rumor library (claim, verdict, evidence, experts), rumor columns and monthly lists, near-duplicate matching, ClaimReview JSON-LD.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rumor")
package org.kepu.rumor;
