package org.gonghui.hardship;

/** A member left the archive (脱困), with the reason staff gave. */
public record HardshipArchiveLeft(long archiveId, long memberId, String reason) {
}
