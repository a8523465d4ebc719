package org.gonghui.helpdesk;

import java.time.Instant;

/** A legal-aid referral to a union lawyer with the appointment, as the member and staff see it. */
public record ReferralView(long id, long requestId, long lawyerId, String lawyerName, String firm, String specialities,
        Instant appointmentAt, String place, String note, String createdBy, Instant createdAt) {
}
