package org.gonghui.hardship;

/** An archive was approved by the district: the member stands in the archive with this tier from now on. */
public record HardshipArchiveApproved(long archiveId, long memberId, HardshipTier tier) {
}
