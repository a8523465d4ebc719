package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.shared.web.ServiceTile.Status;
import org.gonghui.shared.web.ServiceTiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The member's home-page tile for mutual aid: claims waiting for the member's documents first (they stop the
 * money), then claims in review or being paid, then whether the member is covered this year. Two indexed
 * look-ups on the member's own rows.
 */
@Component
class MutualAidTiles implements ServiceTiles {

    private final JdbcClient jdbc;
    private final PlatformTime time;

    MutualAidTiles(JdbcClient jdbc, PlatformTime time) {
        this.time = time;
        this.jdbc = jdbc;
    }

    @Override
    public List<ServiceTile> tilesFor(CurrentUser member) {
        if (!member.isMember()) {
            return List.of();
        }
        Map<ClaimStatus, Long> claims = jdbc.sql("select status from mutualaid_claim where member_id = :m")
                .param("m", member.memberId()).query((rs, n) -> ClaimStatus.valueOf(rs.getString(1))).list().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        CoverYear year = CoverYear.of(time.today());
        long plans = jdbc.sql("select count(*) from mutualaid_enrolment where member_id = :m and cover_year = :y")
                .param("m", member.memberId()).param("y", year.startYear()).query(Long.class).single();
        return List.of(new ServiceTile(40, "mutual-aid", "/me/mutual-aid", "heart", "portal.tile.mutual-aid",
                lines(claims, plans, year)));
    }

    static List<Status> lines(Map<ClaimStatus, Long> claims, long plans, CoverYear year) {
        List<Status> lines = new ArrayList<>();
        long documents = claims.getOrDefault(ClaimStatus.AWAITING_DOCUMENTS, 0L);
        if (documents > 0) {
            lines.add(Status.urgent("portal.tile.mutual-aid.documents", documents));
        }
        long inReview = claims.entrySet().stream()
                .filter(e -> ClaimStatus.OPEN.contains(e.getKey()) && e.getKey() != ClaimStatus.AWAITING_DOCUMENTS)
                .mapToLong(Map.Entry::getValue).sum();
        if (inReview > 0) {
            lines.add(Status.of("portal.tile.mutual-aid.in-review", inReview));
        }
        long paying = claims.getOrDefault(ClaimStatus.APPROVED, 0L) + claims.getOrDefault(ClaimStatus.IN_PAYMENT, 0L);
        if (paying > 0) {
            lines.add(Status.of("portal.tile.mutual-aid.paying", paying));
        }
        long failed = claims.getOrDefault(ClaimStatus.PAYMENT_FAILED, 0L);
        if (failed > 0) {
            lines.add(Status.urgent("portal.tile.mutual-aid.payment-failed", failed));
        }
        lines.add(plans > 0 ? Status.of("portal.tile.mutual-aid.covered", year.label(), plans)
                : Status.of("portal.tile.mutual-aid.not-covered", year.label()));
        return lines;
    }
}
