package org.gonghui.helpdesk;

import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.shared.web.ServiceTile.Status;
import org.gonghui.shared.web.ServiceTiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The member's home-page tile for the 12351 help desk: requests waiting for the member's answer first (their clock
 * stands still until then), then the open ones, then closed ones still to be rated. One indexed look-up on the
 * member's own rows.
 */
@Component
class HelpdeskTiles implements ServiceTiles {

    private final JdbcClient jdbc;

    HelpdeskTiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ServiceTile> tilesFor(CurrentUser member) {
        if (!member.isMember()) {
            return List.of();
        }
        Counts counts = jdbc.sql("""
                select coalesce(sum(case when status = 'WAITING_MEMBER' then 1 else 0 end), 0) as waiting,
                       coalesce(sum(case when status <> 'CLOSED' then 1 else 0 end), 0) as open_requests,
                       coalesce(sum(case when status = 'CLOSED' and satisfaction is null
                                          and coalesce(outcome, '') <> 'WITHDRAWN' then 1 else 0 end), 0) as to_rate
                from help_request where member_id = :m""")
                .param("m", member.memberId())
                .query((rs, n) -> new Counts(rs.getLong("waiting"), rs.getLong("open_requests"), rs.getLong("to_rate")))
                .single();
        return List.of(new ServiceTile(45, "helpdesk", "/help", "help", "portal.tile.helpdesk", lines(counts)));
    }

    record Counts(long waiting, long open, long toRate) {
    }

    static List<Status> lines(Counts counts) {
        List<Status> lines = new ArrayList<>();
        if (counts.waiting() > 0) {
            lines.add(Status.urgent("portal.tile.helpdesk.waiting", counts.waiting()));
        }
        lines.add(counts.open() > 0 ? Status.of("portal.tile.helpdesk.open", counts.open())
                : Status.of("portal.tile.helpdesk.text"));
        if (counts.toRate() > 0) {
            lines.add(Status.urgent("portal.tile.helpdesk.rate", counts.toRate()));
        }
        return lines;
    }
}
