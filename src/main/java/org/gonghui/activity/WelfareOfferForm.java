package org.gonghui.activity;

import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.Set;
import org.gonghui.member.MemberType;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.MultiLine;
import org.gonghui.shared.PlausibleDates;
import org.springframework.format.annotation.DateTimeFormat;

/** What staff enter to publish a welfare offer; price in yuan (e.g. 0.01, 1.00). */
public record WelfareOfferForm(@Size(max = 100) String title, @MultiLine @Size(max = 2000) String description, java.math.BigDecimal price, Integer totalQuantity,
        Integer perMember, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime claimOpensAt,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime claimClosesAt,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime validFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime validUntil, Set<MemberType> memberTypes,
        Long eligibleOrgId, Boolean cardHoldersOnly, Integer minAge, Integer maxAge, Set<Long> merchantIds) {

    /** An unticked check box or an absent JSON field means false. */
    public WelfareOfferForm {
        cardHoldersOnly = Boolean.TRUE.equals(cardHoldersOnly);
        memberTypes = memberTypes == null ? Set.of() : memberTypes;
        merchantIds = merchantIds == null ? Set.of() : merchantIds;
    }

    public static WelfareOfferForm blank(java.time.Clock clock) {
        LocalDateTime opens = java.time.LocalDate.now(clock).plusDays(1).atTime(10, 0);
        return new WelfareOfferForm("", "", new java.math.BigDecimal("1.00"), 1000, 1, opens, opens.plusDays(7), opens,
                opens.plusDays(30), Set.of(), null, true, null, null, Set.of());
    }

    void validate() {
        if (title == null || title.isBlank() || title.length() > 100 || description != null && description.length() > 2000) {
            throw DomainException.invalid("welfare.title.invalid");
        }
        if (price == null || price.signum() < 0 || price.scale() > 2 || price.compareTo(new java.math.BigDecimal("100000")) > 0) {
            throw DomainException.invalid("welfare.price.invalid");
        }
        if (totalQuantity == null || totalQuantity < 1 || totalQuantity > 10_000_000 || perMember == null || perMember < 1
                || perMember > 100) {
            throw DomainException.invalid("welfare.quantity.invalid");
        }
        if (claimOpensAt == null || claimClosesAt == null || validFrom == null || validUntil == null
                || !claimClosesAt.isAfter(claimOpensAt) || !validUntil.isAfter(validFrom)) {
            throw DomainException.invalid("welfare.window.invalid");
        }
        PlausibleDates.require(claimOpensAt, claimClosesAt, validFrom, validUntil);
        new Eligibility(memberTypes, null, cardHoldersOnly, minAge, maxAge);
    }

    int priceFen() {
        return price.movePointRight(2).intValueExact();
    }
}
