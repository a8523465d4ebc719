package org.gonghui.payment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Dashboard figures (数说): what was paid per programme in an organisation subtree and a calendar year (Asia/Shanghai). */
@Service
@org.gonghui.shared.db.MayLag
public class PaymentFigures {

    /** One programme's payments of the year: how many and how much. */
    public record Paid(String programme, long payments, BigDecimal amount) {
    }

    private final JdbcClient jdbc;
    private final PlatformTime time;

    PaymentFigures(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Paid per programme (programmes with nothing paid are left out), by programme code. */
    @Transactional(readOnly = true)
    public List<Paid> of(TreePath subtree, int year) {
        return jdbc.sql("""
                select programme, count(*) as n, sum(amount) as total from payment_entitlement
                where status = 'PAID' and org_path like :scope and paid_at >= :from and paid_at < :to
                group by programme order by programme""")
                .param("scope", subtree.likePattern())
                .param("from", Timestamp.from(time.startOf(LocalDate.of(year, 1, 1))))
                .param("to", Timestamp.from(time.startOf(LocalDate.of(year + 1, 1, 1))))
                .query((rs, n) -> new Paid(rs.getString("programme"), rs.getLong("n"), rs.getBigDecimal("total")))
                .list();
    }
}
