package org.gonghui.hardship;

import java.time.LocalDate;

/**
 * A member's current standing in the archive: approved and not left.
 *
 * @param since     the day the archive was approved
 * @param reviewDue the day its yearly review is due
 * @param orgPath   the organisation path the archive is kept under (the member's service point when applying)
 */
public record HardshipStanding(long archiveId, long memberId, HardshipTier tier, LocalDate since, LocalDate reviewDue,
        String orgPath) {
}
