package org.gonghui.modelworker.allowance;

import java.time.LocalDate;
import org.gonghui.modelworker.ModelWorkerLevel;

/**
 * What the allowance of one model worker depends on, as the archive holds it: the level, when the allowance starts,
 * the life events that end it (death, revocation) or hold it (a retiree's attestation), and the member to pay.
 */
public record AllowanceTerms(long workerId, ModelWorkerLevel level, LocalDate allowanceFrom, LocalDate retiredOn,
        LocalDate deceasedOn, LocalDate revokedOn, LocalDate attestedUntil, Long memberId) {

    /**
     * The last day the allowance is due for, or null while it runs: the day of death (paid up to and including it)
     * or the day before a revocation takes effect, whichever is earlier.
     */
    public LocalDate lastDay() {
        LocalDate beforeRevocation = revokedOn == null ? null : revokedOn.minusDays(1);
        if (deceasedOn == null) {
            return beforeRevocation;
        }
        return beforeRevocation == null || deceasedOn.isBefore(beforeRevocation) ? deceasedOn : beforeRevocation;
    }

    /** Whether the worker was retired on the day and so must attest once a year. */
    public boolean retiredBy(LocalDate day) {
        return retiredOn != null && !retiredOn.isAfter(day);
    }
}
