package org.gonghui.hardship;

/** A re-assessment (the yearly review) changed an approved archive's tier. */
public record HardshipTierChanged(long archiveId, long memberId, HardshipTier oldTier, HardshipTier newTier) {
}
