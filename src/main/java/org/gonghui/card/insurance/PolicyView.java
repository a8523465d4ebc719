package org.gonghui.card.insurance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A member's policy for one year: what the certificate and the staff list show (card number masked). */
public record PolicyView(long id, String policyNo, int year, long memberId, String memberName, String cardMasked,
        PaidBy paidBy, long premiumFen, LocalDate coverFrom, LocalDate coverTo, Instant enrolledAt) {

    /** The premium in yuan, exact. */
    public BigDecimal premium() {
        return BigDecimal.valueOf(premiumFen, 2);
    }
}
