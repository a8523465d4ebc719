package org.gonghui.aid.grant;

import java.util.ArrayList;
import java.util.List;
import org.gonghui.hardship.HardshipArchives;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.shared.web.ServiceTile.Status;
import org.gonghui.shared.web.ServiceTiles;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The member's home-page tile for aid, shown to members in the hardship archive or with any aid: a failed payment or
 * a claimed wish waiting for confirmation first, then applications in progress and payments received.
 */
@Component
class AidTiles implements ServiceTiles {

    private final JdbcClient jdbc;
    private final HardshipArchives archives;
    private final MessageSource messages;

    AidTiles(JdbcClient jdbc, HardshipArchives archives, MessageSource messages) {
        this.jdbc = jdbc;
        this.archives = archives;
        this.messages = messages;
    }

    @Override
    public List<ServiceTile> tilesFor(CurrentUser member) {
        if (!member.isMember()) {
            return List.of();
        }
        long[] grants = jdbc.sql("""
                select sum(case when status in ('APPLIED', 'CHECKED', 'AWAITING_SECOND_APPROVAL') then 1 else 0 end),
                  sum(case when payment_status = 'PAID' then 1 else 0 end),
                  sum(case when payment_status = 'FAILED' then 1 else 0 end), count(*)
                from aid_grant where member_id = :m""")
                .param("m", member.memberId())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        long claimed = jdbc.sql("select count(*) from aid_wish where member_id = :m and status = 'CLAIMED'")
                .param("m", member.memberId()).query(Long.class).single();
        var standing = archives.current(member.memberId());
        if (standing.isEmpty() && grants[3] == 0) {
            return List.of();
        }
        List<Status> lines = new ArrayList<>();
        if (grants[2] > 0) {
            lines.add(Status.urgent("portal.tile.aid.failed", grants[2]));
        }
        if (claimed > 0) {
            lines.add(Status.urgent("portal.tile.aid.wish-claimed"));
        }
        if (grants[0] > 0) {
            lines.add(Status.of("portal.tile.aid.in-review", grants[0]));
        }
        if (grants[1] > 0) {
            lines.add(Status.of("portal.tile.aid.paid", grants[1]));
        }
        standing.ifPresent(s -> lines.add(Status.of("portal.tile.aid.in-archive", messages.getMessage("aid.tier." + s.tier().name(), null,
                s.tier().name(), LocaleContextHolder.getLocale()))));
        return List.of(new ServiceTile(45, "aid", "/me/aid", "heart", "portal.tile.aid", lines));
    }
}
