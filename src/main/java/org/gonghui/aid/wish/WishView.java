package org.gonghui.aid.wish;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A micro-wish. {@link #forDonors()} is what donors see: no member, only the organisation it is posted under.
 */
public record WishView(long id, long memberId, String memberName, String orgName, String orgPath, String title,
        String story, BigDecimal amount, WishStatus status, Instant postedAt, DonorKind donorKind, String donorName,
        Instant claimedAt, Instant fulfilledAt, String thanks) {

    /** The wish as a donor sees it: without the member's name or id. */
    public WishView forDonors() {
        return new WishView(id, 0, null, orgName, orgPath, title, story, amount, status, postedAt, donorKind, donorName,
                claimedAt, fulfilledAt, thanks);
    }
}
