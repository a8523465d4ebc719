package org.gonghui.helpdesk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gonghui.organisation.OrganisationKind;

/**
 * The help desk's figures for an organisation's subtree and a period (dates in the platform's zone, both
 * included): the requests received in the period, counted as they stand now — open or closed, on time, how long
 * closing took in working days, how satisfied the members were — in total, by type, by channel, by current light
 * (open requests only: a closed request has no light) and by child organisation; and every request of the
 * subtree that is red now (whenever received), by the level of its handling organisation.
 */
public record DeskFigures(long orgId, String orgName, OrganisationKind orgKind, LocalDate from, LocalDate to,
        Tally total, Map<RequestType, Tally> byType, Map<Channel, Tally> byChannel, Map<Light, Tally> byLight,
        List<Unit> units, List<RedLevel> red) {

    /**
     * One set of counts. {@code onTimeRate} is the share of the closed requests closed no later than their
     * resolution deadline, {@code satisfactionRate} the share of rated closed requests rated 满意 or 基本满意 (both
     * percentages with one decimal, null when nothing to divide); {@code averageWorkingDaysToClose} counts working
     * time (working days only, pauses for the member excluded) from receipt to closing.
     */
    public record Tally(long received, long open, long closed, long closedOnTime, BigDecimal onTimeRate,
            BigDecimal averageWorkingDaysToClose, long rated, long satisfied, BigDecimal satisfactionRate, long yellow,
            long red) {
    }

    /**
     * A child organisation of the subtree with everything below it ({@code self} true: requests handled by the
     * subtree's own organisation).
     */
    public record Unit(long orgId, String name, OrganisationKind kind, boolean self, Tally tally) {

        /** Behind: something red, or something yellow. */
        public boolean behind() {
            return tally.red() > 0 || tally.yellow() > 0;
        }
    }

    /** The red requests handled at one level (1 city … 4 service point): how many, and the most overdue first. */
    public record RedLevel(int level, long count, List<RedRequest> requests) {
    }

    /** A red request as the list shows it (no contents, no personal data). */
    public record RedRequest(long id, String requestNo, RequestType type, String subject, long handlingOrgId,
            String handlingOrgName, Instant receivedAt, Instant resolutionDue, Instant redSince, boolean supervised) {
    }
}
