package org.gonghui.hardship;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who stands in the archive now: for other modules (aid checks eligibility against it when a list is approved). An
 * archive stands while it is APPROVED; leaving, anonymising and rejection end it. Unscoped: callers apply their own
 * scope to {@link HardshipStanding#orgPath()}.
 */
@Service
public class HardshipArchives {

    private static final int CHUNK = 1000;
    private static final String SELECT = """
            select id, member_id, tier, since, review_due, org_path from hardship_archive
            where status = 'APPROVED' and member_id""";

    private final JdbcClient jdbc;

    HardshipArchives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's standing, if an approved archive of theirs has not been left. */
    @Transactional(readOnly = true)
    public Optional<HardshipStanding> current(long memberId) {
        return jdbc.sql(SELECT + " = :m").param("m", memberId).query(HardshipArchives::standing).optional();
    }

    /** The standings of these members (those without one are absent), a thousand members a query. */
    @Transactional(readOnly = true)
    public Map<Long, HardshipStanding> current(Collection<Long> memberIds) {
        List<Long> distinct = new ArrayList<>(memberIds.stream().distinct().toList());
        Map<Long, HardshipStanding> found = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            jdbc.sql(SELECT + " in (:ids)").param("ids", distinct.subList(i, Math.min(distinct.size(), i + CHUNK)))
                    .query(HardshipArchives::standing).list().forEach(s -> found.put(s.memberId(), s));
        }
        return found;
    }

    private static HardshipStanding standing(ResultSet rs, int n) throws SQLException {
        Date due = rs.getDate("review_due");
        return new HardshipStanding(rs.getLong("id"), rs.getLong("member_id"), HardshipTier.valueOf(rs.getString("tier")),
                rs.getDate("since").toLocalDate(), due == null ? null : due.toLocalDate(), rs.getString("org_path"));
    }
}
