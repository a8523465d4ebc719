package org.gonghui.mutualaid;

import java.time.LocalDate;

/**
 * What a member (or staff at a window on the member's behalf) fills in: the project, hospital, the stay
 * (admission and discharge) or the diagnosis date (both dates the same), diagnosis, listed disease for
 * fixed-sum plans, the costs and the invoice number.
 */
public record ClaimForm(String project, String hospital, LocalDate eventDate, LocalDate endDate, String diagnosis,
        String disease, Money totalCost, Money insurancePaid, Money selfPaid, String invoiceNo) {
}
