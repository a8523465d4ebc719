package org.gonghui.modelworker.allowance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the allowance lines: a worker's months, newest first. */
@Service
public class AllowanceLines {

    /** The programme of the payment engine the allowances are paid from. */
    public static final String PROGRAMME = "MODEL_ALLOWANCE";

    private final JdbcClient jdbc;

    AllowanceLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The engine's key of a month's allowance: {@code allowance:<yyyy-MM>:<workerId>}. */
    public static String sourceRef(YearMonth month, long workerId) {
        return "allowance:" + month + ":" + workerId;
    }

    @Transactional(readOnly = true)
    public List<AllowanceLineView> ofWorker(long workerId) {
        return jdbc.sql("select * from model_allowance_line where worker_id = :w order by month_start desc")
                .param("w", workerId).query(AllowanceLines::line).list();
    }

    static AllowanceLineView line(ResultSet rs, int n) throws SQLException {
        return new AllowanceLineView(rs.getLong("id"), rs.getLong("worker_id"),
                YearMonth.from(rs.getDate("month_start").toLocalDate()), rs.getBigDecimal("amount"), rs.getInt("days"),
                rs.getInt("month_days"), LineStatus.valueOf(rs.getString("status")),
                rs.getString("hold_reason") == null ? null : HoldReason.valueOf(rs.getString("hold_reason")),
                rs.getObject("entitlement_id", Long.class), instant(rs.getTimestamp("released_at")),
                instant(rs.getTimestamp("paid_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
