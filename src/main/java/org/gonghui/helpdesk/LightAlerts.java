package org.gonghui.helpdesk;

import java.sql.Timestamp;
import java.util.List;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handler's side of the traffic light: every change of colour the light job stores leaves an alert for the
 * handling organisation, which its staff see in the console (a count on the help desk's tabs and a list) until one of
 * them marks it seen. Alerts belong to the organisation, not to its subtree: the levels above learn of reds through
 * the automatic supervision notice.
 */
@Service
public class LightAlerts {

    private final JdbcClient jdbc;
    private final PlatformTime time;

    LightAlerts(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Unseen alerts of the signed-in staff user's organisation (0 for anyone else); used by the console's tabs. */
    public long unseenCount() {
        return CurrentUser.current().filter(CurrentUser::isStaff).map(this::unseenCount).orElse(0L);
    }

    public long unseenCount(CurrentUser user) {
        if (!user.isStaff() || user.orgId() == null) {
            return 0;
        }
        return jdbc.sql("select count(*) from help_light_alert where org_id = ? and seen_at is null").param(user.orgId())
                .query(Long.class).single();
    }

    /** The organisation's alerts, unseen first, then the most recent seen ones. */
    @Transactional(readOnly = true)
    public List<LightAlertView> recent(CurrentUser user, int limit) {
        TreePath.scopeOf(user);
        return jdbc.sql("""
                select a.id, a.request_id, r.request_no, r.subject, a.light, a.reason, a.created_at, a.seen_at, a.seen_by
                from help_light_alert a join help_request r on r.id = a.request_id
                where a.org_id = ?
                order by case when a.seen_at is null then 0 else 1 end, a.id desc
                fetch first ? rows only""")
                .params(user.orgId(), Math.max(1, Math.min(limit, 200))).query((rs, n) -> new LightAlertView(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), Light.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .list();
    }

    /** Marks every unseen alert of the user's organisation seen; returns how many. */
    @Transactional
    public int markAllSeen(CurrentUser user) {
        TreePath.scopeOf(user);
        return jdbc.sql("update help_light_alert set seen_at = ?, seen_by = ? where org_id = ? and seen_at is null")
                .params(Timestamp.from(time.now()), user.getUsername(), user.orgId()).update();
    }
}
