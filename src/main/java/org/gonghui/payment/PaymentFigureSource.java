package org.gonghui.payment;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSink;
import org.gonghui.shared.figures.FigureSource;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money paid, for the 数说 dashboards: every programme pays through this engine, so this is the one place the
 * dashboards read what was paid — per programme the payments made in the calendar year and their amount in fen, as
 * {@link PaymentFigures} counts them, under the payee's organisation (the entitlement's organisation path). The
 * programmes' own sources (mutual aid, aid, model workers) publish what is not money paid, so nothing is counted
 * twice. The keys sit in the programme's section; a programme not listed here is not shown until it is added.
 */
@Component
class PaymentFigureSource implements FigureSource {

    /** Programme code → the section and key prefix of its figures. */
    static final Map<String, String[]> PROGRAMMES = new LinkedHashMap<>();

    static {
        PROGRAMMES.put("MUTUAL_AID", new String[] {"mutualaid", "mutualaid.claims"});
        PROGRAMMES.put("HARDSHIP_LIVING", new String[] {"aid", "aid.living"});
        PROGRAMMES.put("HARDSHIP_MEDICAL", new String[] {"aid", "aid.medical"});
        PROGRAMMES.put("FESTIVAL", new String[] {"aid", "aid.festival"});
        PROGRAMMES.put("SCHOOL_AID", new String[] {"aid", "aid.school"});
        PROGRAMMES.put("MODEL_ALLOWANCE", new String[] {"modelworkers", "modelworkers.allowance"});
    }

    private final JdbcClient jdbc;
    private final PlatformTime time;

    PaymentFigureSource(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** The key of the number of payments made of a programme ({@code aid.living.paid}). */
    static String paid(String programme) {
        return PROGRAMMES.get(programme)[1] + ".paid";
    }

    /** The key of the amount paid of a programme ({@code aid.living.paidAmount}). */
    static String paidAmount(String programme) {
        return PROGRAMMES.get(programme)[1] + ".paidAmount";
    }

    @Override
    public List<FigureDefinition> definitions() {
        List<FigureDefinition> list = new ArrayList<>();
        PROGRAMMES.forEach((code, section) -> {
            list.add(FigureDefinition.count(section[0], paid(code)));
            list.add(FigureDefinition.amount(section[0], paidAmount(code)));
        });
        return list;
    }

    @Override
    @Transactional(readOnly = true)
    public void collect(int year, FigureSink sink) {
        jdbc.sql("""
                select org_path, programme, count(*) as n, sum(amount) as total from payment_entitlement
                where status = 'PAID' and paid_at >= :from and paid_at < :to
                group by org_path, programme""")
                .param("from", Timestamp.from(time.startOf(LocalDate.of(year, 1, 1))))
                .param("to", Timestamp.from(time.startOf(LocalDate.of(year + 1, 1, 1))))
                .query(rs -> {
                    String programme = rs.getString("programme");
                    if (PROGRAMMES.containsKey(programme)) {
                        long org = new TreePath(rs.getString("org_path")).last();
                        sink.add(org, paid(programme), rs.getLong("n"));
                        sink.add(org, paidAmount(programme), rs.getBigDecimal("total").movePointRight(2).longValueExact());
                    }
                });
    }
}
