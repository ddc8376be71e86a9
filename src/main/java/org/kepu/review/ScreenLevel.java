package org.kepu.review;

/** What a hit means for the work. */
public enum ScreenLevel {
    /** The work cannot go on until the word is removed (or an administrator allows it). */
    BLOCK,
    /** A warning for the reviewers, such as a health claim typical of quackery (包治百病, 根治). */
    FLAG
}
