package org.gonghui.modelworker.archive;

import java.time.LocalDate;

/**
 * A change of a record that the allowance must follow, published synchronously inside the change's transaction:
 * {@code lastDay} set when the allowance ended (death, revocation), {@code holdMayLift} when held months may now be
 * paid (attested, linked to a member).
 */
public record WorkerChanged(long workerId, LocalDate lastDay, boolean holdMayLift) {
}
