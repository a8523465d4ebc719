package org.gonghui.card;

import java.time.LocalDate;

/** A card as staff, the member and other modules see it: the number only masked. */
public record CardView(long id, long memberId, String numberMasked, CardVersion version, CardStatus status,
        LocalDate issuedOn, String branch, Long replacesId) {

    /** Whether the card can be used at an outlet or for a dynamic code now. */
    public boolean isActive() {
        return status == CardStatus.ACTIVE;
    }
}
