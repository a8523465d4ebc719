package org.gonghui.modelworker.archive;

/** Where a model worker stands now, from the life events recorded: the first that applies of deceased, revoked, retired. */
public enum WorkerStatus {
    IN_SERVICE, RETIRED, REVOKED, DECEASED
}
