package org.gonghui.modelworker.archive;

import org.gonghui.modelworker.ModelWorkerLevel;

/** Filters of the console's list: level, status, a name or employer fragment, attestation due (each optional). */
public record WorkerFilter(ModelWorkerLevel level, WorkerStatus status, String text, Boolean attestationDue) {

    public static WorkerFilter all() {
        return new WorkerFilter(null, null, null, null);
    }
}
