package org.kepu.rumor;

/**
 * The controlled vocabulary of verdicts. Labels and one-line explanations are the messages
 * {@code rumor.verdict.<NAME>} and {@code rumor.verdict.<NAME>.explanation}.
 */
public enum RumorVerdict {
    /** 谣言: false. */
    RUMOR,
    /** 不准确: a grain of truth, wrongly generalised or exaggerated. */
    INACCURATE,
    /** 有争议: science has no settled answer yet. */
    DISPUTED,
    /** 属实: true. */
    TRUE
}
