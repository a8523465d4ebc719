package org.gonghui.mutualaid;

import java.util.List;

/**
 * The outcome of a collective enrolment, all or nothing: either every listed member was enrolled (and the
 * unit's payment booked), or nobody was and {@code problems} says why, row by row or for the whole unit.
 */
public record UnitEnrolmentResult(Long unitId, int rows, int enrolled, int required, Money amount,
        List<Problem> problems) {

    /** A reason (message code and arguments); {@code row} 0 means the whole unit. */
    public record Problem(int row, String code, List<String> args) {
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }
}
