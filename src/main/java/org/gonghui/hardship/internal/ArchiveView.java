package org.gonghui.hardship.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.gonghui.hardship.HardshipTier;

/**
 * An archive as lists show it: nothing about the household (that is sealed; see {@link HardshipApplications#reveal}).
 *
 * @param returning the member had left the archive before (返困)
 */
public record ArchiveView(long id, Long memberId, String memberName, long orgId, String orgName, String orgPath,
        ArchiveStatus status, String channel, boolean returning, HardshipTier tier, Instant appliedAt, LocalDate since,
        LocalDate reviewDue, LocalDate leftOn, String leftReason, boolean anonymised) {

    public String number() {
        return String.format("KN%08d", id);
    }
}
