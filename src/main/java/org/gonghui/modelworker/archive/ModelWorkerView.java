package org.gonghui.modelworker.archive;

import java.time.LocalDate;
import org.gonghui.modelworker.ModelWorkerLevel;

/** A model worker's record as staff and the worker see it: the ID number only masked. */
public record ModelWorkerView(long id, String name, String idNumberMasked, Long memberId, long orgId, String orgPath,
        String title, ModelWorkerLevel level, int titleYear, String sector, String employer, LocalDate allowanceFrom,
        LocalDate retiredOn, LocalDate deceasedOn, LocalDate revokedOn, LocalDate attestedUntil, WorkerStatus status) {

    /** Whether this retiree's attestation runs out before or on the day. */
    public boolean attestationDueBy(LocalDate day) {
        return status == WorkerStatus.RETIRED && attestedUntil != null && !attestedUntil.isAfter(day);
    }
}
