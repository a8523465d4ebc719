package org.gonghui.helpdesk;

import java.util.Locale;
import org.gonghui.shared.time.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the month figures counted in the platform's zone: at start, if {@code gonghui.zone} differs from the zone
 * they were counted in, the zone is stored and — where they are a table (PostgreSQL) — they are counted again
 * from the requests. {@link #rebuild()} also serves bulk loads that bypass the trigger.
 */
@Component
class HelpdeskFigureTables {

    private static final Logger LOG = LoggerFactory.getLogger(HelpdeskFigureTables.class);

    private final JdbcClient jdbc;
    private final PlatformTime time;

    HelpdeskFigureTables(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void followZone() {
        String zone = time.zone().getId();
        String stored = jdbc.sql("select zone from helpdesk_figures_zone where id = 1").query(String.class).single();
        if (!zone.equals(stored)) {
            jdbc.sql("update helpdesk_figures_zone set zone = :z where id = 1").param("z", zone).update();
            LOG.info("help desk month figures now counted in {} (were {})", zone, stored);
            rebuild();
        }
    }

    /** Counts the month figures again from the requests (a no-op where they are a view). */
    @Transactional
    public void rebuild() {
        String kind = jdbc.sql("select table_type from information_schema.tables where lower(table_name) = "
                + "'help_request_month_figures'").query(String.class).single();
        if (!kind.toUpperCase(Locale.ROOT).contains("TABLE")) {
            return;
        }
        jdbc.sql("delete from help_request_month_figures").update();
        jdbc.sql("""
                insert into help_request_month_figures (month_key, roll_path, request_type, channel, closed, closed_on_time,
                  timed, working_seconds, rated, satisfied)
                select (extract(year from r.received_at at time zone z.zone) * 100
                         + extract(month from r.received_at at time zone z.zone))::int,
                       coalesce(substring(r.handling_org_path from '^/[0-9]+/[0-9]+/[0-9]+/'), r.handling_org_path),
                       r.request_type, r.channel, count(*),
                       sum(case when r.resolution_due is not null and r.closed_at <= r.resolution_due then 1 else 0 end),
                       sum(case when r.close_working_seconds is not null then 1 else 0 end),
                       sum(coalesce(r.close_working_seconds, 0)),
                       sum(case when r.satisfaction is not null then 1 else 0 end),
                       sum(case when r.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end)
                from help_request r cross join helpdesk_figures_zone z
                where r.status = 'CLOSED' and r.duplicate_of is null
                group by 1, 2, 3, 4""").update();
    }
}
