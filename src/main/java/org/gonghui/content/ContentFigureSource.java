package org.gonghui.content;

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
 * Content's figures for the 数说 dashboards. Articles published in the year under the publishing (owner)
 * organisation; clicks, shares and the year's distinct readers under the reader's organisation, from the read events
 * as {@link ContentFigures} counts them (a reader is a member with a view in the year, counted once however many
 * articles and days). Distinct readers add up over a subtree because a read event carries the member's organisation
 * at the time: a member who moved during the year is a reader at each organisation they read from. Push deliveries
 * sent in the year and opened, under the member's organisation, give the open rate.
 */
@Component
class ContentFigureSource implements FigureSource {

    static final String SECTION = "content";

    private final JdbcClient jdbc;
    private final ReadLog reads;
    private final PlatformTime time;

    ContentFigureSource(JdbcClient jdbc, ReadLog reads, PlatformTime time) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.time = time;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                FigureDefinition.count(SECTION, "content.articles"),
                FigureDefinition.count(SECTION, "content.clicks"),
                FigureDefinition.count(SECTION, "content.readers"),
                FigureDefinition.count(SECTION, "content.shares"),
                FigureDefinition.count(SECTION, "content.pushed"),
                FigureDefinition.count(SECTION, "content.opened"),
                FigureDefinition.ratio(SECTION, "content.openRate", "content.opened", "content.pushed"));
    }

    @Override
    @Transactional(readOnly = true)
    public void collect(int year, FigureSink sink) {
        reads.flush();
        Timestamp from = Timestamp.from(time.startOf(LocalDate.of(year, 1, 1)));
        Timestamp to = Timestamp.from(time.startOf(LocalDate.of(year + 1, 1, 1)));
        jdbc.sql("""
                select owner_path, count(*) from content_article
                where status in ('PUBLISHED', 'WITHDRAWN') and published_at >= :from and published_at < :to
                group by owner_path""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    sink.add(org(rs.getString(1)), "content.articles", rs.getLong(2));
                });
        jdbc.sql("""
                select org_path, sum(case when kind = 'V' then 1 else 0 end),
                  count(distinct case when kind = 'V' then member_id end), sum(case when kind = 'S' then 1 else 0 end)
                from content_read_event where read_at >= :from and read_at < :to group by org_path""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    long org = org(rs.getString(1));
                    sink.add(org, "content.clicks", rs.getLong(2));
                    sink.add(org, "content.readers", rs.getLong(3));
                    sink.add(org, "content.shares", rs.getLong(4));
                });
        jdbc.sql("""
                select org_path, count(*), count(opened_at) from content_push_delivery
                where status = 'SENT' and sent_at >= :from and sent_at < :to group by org_path""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    long org = org(rs.getString(1));
                    sink.add(org, "content.pushed", rs.getLong(2));
                    sink.add(org, "content.opened", rs.getLong(3));
                });
    }

    private static long org(String path) {
        return new TreePath(path).last();
    }
}
