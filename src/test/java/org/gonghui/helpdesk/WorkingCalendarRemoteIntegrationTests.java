package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import org.gonghui.shared.events.Remote;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The working calendar follows a change made on another instance as soon as its event arrives. */
@IntegrationTest
class WorkingCalendarRemoteIntegrationTests {

    @Autowired WorkingCalendar calendar;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;

    @Test
    void aHolidayAddedElsewhereCountsAtOnce() {
        LocalDate day = LocalDate.of(2031, 3, 12); // a Wednesday
        calendar.reload();
        assertThat(calendar.isWorkingDay(day)).isTrue();
        try {
            jdbc.sql("insert into helpdesk_calendar_day (\"day\", kind, name) values (:d, 'HOLIDAY', '集群测试')")
                    .param("d", Date.valueOf(day)).update();
            assertThat(calendar.isWorkingDay(day)).as("kept").isTrue();
            events.publishEvent(new Remote<>(new WorkingCalendarChanged(), "instance-2", null));
            assertThat(calendar.isWorkingDay(day)).isFalse();
        } finally {
            jdbc.sql("delete from helpdesk_calendar_day where \"day\" = :d").param("d", Date.valueOf(day)).update();
            calendar.reload();
        }
    }
}
