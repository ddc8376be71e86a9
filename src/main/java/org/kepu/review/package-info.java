/**
 * The review chain per work: sensitive-word screen, 一审 political review, 二审 scientific review, 终审 sign-off; assignments, decisions with reasons, audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package org.kepu.review;
