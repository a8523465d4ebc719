package org.gonghui.helpdesk;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSink;
import org.gonghui.shared.figures.FigureSource;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help desk's figures for the 数说 dashboards, per handling organisation: the requests received in the year as
 * they stand now, counted as {@link HelpdeskFigures} counts them (open requests all, closed ones without the
 * duplicates closed as such; on time = closed no later than the resolution deadline; satisfied = rated 满意 or
 * 基本满意). One grouped statement over the year's requests — not the month figures, which are cut at the township
 * level while the dashboards need every handling organisation.
 */
@Component
class HelpdeskFigureSource implements FigureSource {

    static final String SECTION = "helpdesk";

    private final JdbcClient jdbc;
    private final PlatformTime time;

    HelpdeskFigureSource(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                FigureDefinition.count(SECTION, "helpdesk.received"),
                FigureDefinition.count(SECTION, "helpdesk.open"),
                FigureDefinition.count(SECTION, "helpdesk.closed"),
                FigureDefinition.count(SECTION, "helpdesk.closedOnTime"),
                FigureDefinition.ratio(SECTION, "helpdesk.onTimeRate", "helpdesk.closedOnTime", "helpdesk.closed"),
                FigureDefinition.count(SECTION, "helpdesk.rated"),
                FigureDefinition.count(SECTION, "helpdesk.satisfied"),
                FigureDefinition.ratio(SECTION, "helpdesk.satisfactionRate", "helpdesk.satisfied", "helpdesk.rated"));
    }

    @Override
    @Transactional(readOnly = true)
    public void collect(int year, FigureSink sink) {
        jdbc.sql("""
                select handling_org_path,
                  sum(case when status <> 'CLOSED' then 1 else 0 end),
                  sum(case when status = 'CLOSED' then 1 else 0 end),
                  sum(case when status = 'CLOSED' and resolution_due is not null and closed_at <= resolution_due
                      then 1 else 0 end),
                  sum(case when status = 'CLOSED' and satisfaction is not null then 1 else 0 end),
                  sum(case when status = 'CLOSED' and satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')
                      then 1 else 0 end)
                from help_request
                where received_at >= :from and received_at < :to and (status <> 'CLOSED' or duplicate_of is null)
                group by handling_org_path""")
                .param("from", Timestamp.from(time.startOf(LocalDate.of(year, 1, 1))))
                .param("to", Timestamp.from(time.startOf(LocalDate.of(year + 1, 1, 1))))
                .query(rs -> {
                    long org = new TreePath(rs.getString(1)).last();
                    long open = rs.getLong(2);
                    long closed = rs.getLong(3);
                    sink.add(org, "helpdesk.received", open + closed);
                    sink.add(org, "helpdesk.open", open);
                    sink.add(org, "helpdesk.closed", closed);
                    sink.add(org, "helpdesk.closedOnTime", rs.getLong(4));
                    sink.add(org, "helpdesk.rated", rs.getLong(5));
                    sink.add(org, "helpdesk.satisfied", rs.getLong(6));
                });
    }
}
