package org.gonghui.card;

import java.time.LocalDate;

/** A card in a staff list: the number masked, the holder's name and organisation. */
public record CardRow(long id, long memberId, String memberName, String orgName, String numberMasked,
        CardVersion version, CardStatus status, LocalDate issuedOn, String branch) {
}
