package org.gonghui.helpdesk;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The help desk's clocks: the working calendar (read from its table), working time and the traffic light. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    WorkingCalendar workingCalendar(CalendarDays days) {
        return new WorkingCalendar(days::all);
    }

    @Bean
    WorkingTime workingTime(WorkingCalendar calendar, Clock clock) {
        return new WorkingTime(calendar, clock);
    }

    @Bean
    TrafficLight trafficLight(WorkingTime workingTime) {
        return new TrafficLight(workingTime);
    }

    /** Another instance's admin may have changed the calendar: read it again every few minutes. */
    @Bean
    CalendarReload calendarReload(WorkingCalendar calendar) {
        return new CalendarReload(calendar);
    }

    static class CalendarReload {

        private final WorkingCalendar calendar;

        CalendarReload(WorkingCalendar calendar) {
            this.calendar = calendar;
        }

        @Scheduled(fixedDelayString = "${gonghui.helpdesk.calendar-reload-delay:300000}",
                initialDelayString = "${gonghui.helpdesk.calendar-reload-delay:300000}")
        void reload() {
            calendar.reload();
        }

        /** The calendar changed on another instance (profile cluster): read it again now, not at the next reload. */
        @org.springframework.context.event.EventListener
        void on(org.gonghui.shared.events.Remote<WorkingCalendarChanged> changed) {
            calendar.reload();
        }
    }
}
