package org.gonghui.hardship;

/**
 * A member left the archive (脱困), with the reason staff gave — free text that may name the household's circumstances:
 * never sent to other instances.
 */
@org.gonghui.shared.events.StaysInProcess
public record HardshipArchiveLeft(long archiveId, long memberId, String reason) {
}
