package org.gonghui.modelworker.archive;

/** What can happen to a model worker's record; each is kept in its history with the day it took effect. */
public enum LifeEvent {
    REGISTERED, RETIRED, MOVED, DECEASED, REVOKED, ATTESTED, LINKED, IMPORTED;

    /** The events staff record on a record's page (the others are recorded by their own actions). */
    public static final java.util.Set<LifeEvent> RECORDABLE = java.util.EnumSet.of(RETIRED, MOVED, DECEASED, REVOKED);
}
