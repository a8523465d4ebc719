package org.gonghui.mutualaid;

/** How a plan pays: a share of each hospital stay's self-paid part, or a fixed sum per share for a listed disease. */
public enum BenefitKind {
    /** 住院补助: per stay, percentages of the self-paid part. */
    INPATIENT,
    /** 定额补助: a fixed sum per share once a listed disease is diagnosed. */
    FIXED_SUM
}
