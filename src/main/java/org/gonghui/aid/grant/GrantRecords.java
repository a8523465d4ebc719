package org.gonghui.aid.grant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reading grants and writing their timeline: the SQL of the grant table in one place. */
@Component
class GrantRecords {

    static final String SELECT = """
            select g.*, m.name as member_name from aid_grant g join member m on m.id = g.member_id""";

    private final JdbcClient jdbc;
    private final PlatformTime time;

    GrantRecords(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    Optional<GrantView> find(long id) {
        return jdbc.sql(SELECT + " where g.id = :id").param("id", id).query(GrantRecords::view).optional();
    }

    List<GrantView> ofList(long listId) {
        return jdbc.sql(SELECT + " where g.list_id = :l order by g.id").param("l", listId).query(GrantRecords::view).list();
    }

    void event(long grantId, String actor, String kind, String detail) {
        jdbc.sql("insert into aid_grant_event (grant_id, at, actor, kind, detail) values (:g, :at, :actor, :kind, :detail)")
                .param("g", grantId).param("at", Timestamp.from(time.now())).param("actor", actor).param("kind", kind)
                .param("detail", detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .update();
    }

    List<GrantEvent> events(long grantId) {
        return jdbc.sql("select at, actor, kind, detail from aid_grant_event where grant_id = :g order by id")
                .param("g", grantId)
                .query((rs, n) -> new GrantEvent(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("kind"), rs.getString("detail"))).list();
    }

    static GrantView view(ResultSet rs, int n) throws SQLException {
        String level = rs.getString("school_level");
        int schoolYear = rs.getInt("school_year");
        Integer year = rs.wasNull() ? null : schoolYear;
        long listId = rs.getLong("list_id");
        Long list = rs.wasNull() ? null : listId;
        return new GrantView(rs.getLong("id"), AidKind.valueOf(rs.getString("kind")), rs.getInt("grant_year"),
                rs.getLong("member_id"), rs.getString("member_name"), rs.getString("org_path"), list,
                GrantForm.valueOf(rs.getString("form")), Amounts.yuan(rs.getLong("amount_fen")), rs.getString("goods"),
                rs.getString("reason"), rs.getString("tier"), GrantStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getString("applied_by"), instant(rs, "applied_at"),
                rs.getString("checked_by"), instant(rs, "checked_at"), rs.getString("first_approved_by"),
                rs.getString("approved_by"), instant(rs, "approved_at"), instant(rs, "handed_out_at"),
                rs.getString("payment_status"), rs.getString("batch_no"), instant(rs, "paid_at"),
                rs.getString("payment_failure"), rs.getString("child_name_masked"), rs.getString("child_id_masked"),
                level == null ? null : SchoolLevel.valueOf(level), rs.getString("school_name"), year,
                rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
