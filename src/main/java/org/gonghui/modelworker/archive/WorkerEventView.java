package org.gonghui.modelworker.archive;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a record's history. */
public record WorkerEventView(long id, LifeEvent kind, LocalDate effectiveOn, String detail, Instant at, String by) {
}
