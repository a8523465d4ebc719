package org.gonghui.hardship;

/** The tiers of the archive, deepest first: 深度困难, 相对困难, 意外致困. */
public enum HardshipTier {
    /** Per-capita monthly income after rigid expenses below the local minimum living standard (低保). */
    DEEP,
    /** Below the relative factor (2×) of the standard. */
    RELATIVE,
    /** After injury, disability or death in the household, or rigid expenses above the configured share of income. */
    ACCIDENT
}
