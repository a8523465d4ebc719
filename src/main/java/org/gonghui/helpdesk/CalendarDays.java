package org.gonghui.helpdesk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code helpdesk_calendar_day} ({@code "day"} quoted: it is a keyword in H2). */
@Repository
class CalendarDays {

    private static final String COLUMNS = "select \"day\", kind, name from helpdesk_calendar_day";

    private final JdbcClient jdbc;

    CalendarDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CalendarDay> all() {
        return jdbc.sql(COLUMNS).query((rs, n) -> day(rs)).list();
    }

    List<CalendarDay> year(int year) {
        return jdbc.sql(COLUMNS + " where \"day\" >= ? and \"day\" < ? order by \"day\"")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).query((rs, n) -> day(rs)).list();
    }

    /** Inserts the day or replaces what was listed for it. */
    void put(CalendarDay day) {
        remove(day.day());
        jdbc.sql("insert into helpdesk_calendar_day (\"day\", kind, name) values (?, ?, ?)")
                .params(day.day(), day.kind().name(), day.name()).update();
    }

    boolean remove(LocalDate day) {
        return jdbc.sql("delete from helpdesk_calendar_day where \"day\" = ?").param(day).update() > 0;
    }

    int removeYear(int year) {
        return jdbc.sql("delete from helpdesk_calendar_day where \"day\" >= ? and \"day\" < ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).update();
    }

    private static CalendarDay day(ResultSet rs) throws SQLException {
        return new CalendarDay(rs.getObject(1, LocalDate.class), CalendarDay.Kind.valueOf(rs.getString(2)), rs.getString(3));
    }
}
