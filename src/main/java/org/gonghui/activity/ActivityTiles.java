package org.gonghui.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.shared.web.ServiceTile.Status;
import org.gonghui.shared.web.ServiceTiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The member's home-page tiles for activities and welfare: how many sign-ups are still ahead, a place offered
 * that must be confirmed, vouchers still to use. One count each, on indexed columns of the member's own rows.
 */
@Component
class ActivityTiles implements ServiceTiles {

    private final JdbcClient jdbc;
    private final Clock clock;

    ActivityTiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<ServiceTile> tilesFor(CurrentUser member) {
        if (!member.isMember()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(clock.instant());
        long upcoming = count("""
                select count(*) from registration r where r.member_id = :m
                   and r.status in ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'ENTERED')
                   and exists (select 1 from activity_session s where s.activity_id = r.activity_id and s.ends_at > :now)""",
                member.memberId(), now);
        long offered = count("select count(*) from registration r where r.member_id = :m and r.status = 'OFFERED'"
                + " and (r.offer_expires_at is null or r.offer_expires_at > :now)", member.memberId(), now);
        long vouchers = count("""
                select count(*) from voucher v join welfare_offer o on o.id = v.offer_id
                 where v.member_id = :m and v.redeemed_at is null and o.valid_until > :now""", member.memberId(), now);

        List<Status> mine = new ArrayList<>();
        if (offered > 0) {
            mine.add(Status.urgent("portal.tile.mine.offered", offered));
        }
        mine.add(upcoming + vouchers > 0 ? Status.of("portal.tile.mine.count", upcoming, vouchers)
                : Status.of("portal.tile.mine.empty"));
        return List.of(
                new ServiceTile(10, "activities", "/activities", "calendar", "portal.tile.activities",
                        List.of(Status.of("portal.tile.activities.text"))),
                new ServiceTile(20, "welfare", "/activities/welfare", "gift", "portal.tile.welfare",
                        List.of(Status.of("portal.tile.welfare.text"))),
                new ServiceTile(30, "mine", "/me/activities", "ticket", "portal.tile.mine", mine));
    }

    private long count(String sql, long memberId, Timestamp now) {
        return jdbc.sql(sql).param("m", memberId).param("now", now).query(Long.class).single();
    }
}
