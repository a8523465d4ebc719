package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.helpdesk.Calendars.at;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic on China's 2026 calendar: holidays, make-up working days, weekends and pauses. */
class WorkingTimeTests {

    private final WorkingTime time = Calendars.workingTime();
    private final WorkingCalendar calendar = time.calendar();

    @Test
    void knowsTheShippedHolidaysAndMakeUpDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13))).as("Friday before the Spring Festival").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Spring Festival Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("last day of the Spring Festival").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).as("plain Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).as("plain Monday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("make-up Sunday before National Day").isTrue();
    }

    @Test
    void aDeadlineCrossingTheSpringFestivalSkipsItsNineDays() {
        // Friday 13 Feb 10:00: 14 h that Friday, Saturday 14 Feb is worked (调休), 15–23 Feb are off, then
        // Tuesday 24 to Thursday 26 make 72 h more; the last 10 h run out on Friday 27 Feb at 10:00
        assertThat(time.plus(at("2026-02-13 10:00"), 5, List.of())).isEqualTo(at("2026-02-27 10:00"));
        assertThat(time.between(at("2026-02-13 10:00"), at("2026-02-27 10:00"), List.of())).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void aDeadlineMayLandOnAMakeUpSaturdayWhichCountsAsWorking() {
        assertThat(time.plus(at("2026-02-12 09:00"), 2, List.of())).isEqualTo(at("2026-02-14 09:00"));
        assertThat(time.plus(at("2026-02-27 15:00"), 1, List.of())).isEqualTo(at("2026-02-28 15:00"));
        assertThat(time.plus(at("2026-10-09 15:00"), 1, List.of())).as("Saturday 10 Oct is worked")
                .isEqualTo(at("2026-10-10 15:00"));
    }

    @Test
    void aWeekendIsSkipped() {
        assertThat(time.plus(at("2026-03-06 15:00"), 1, List.of())).isEqualTo(at("2026-03-09 15:00"));
        assertThat(time.between(at("2026-03-06 15:00"), at("2026-03-09 15:00"), List.of())).isEqualTo(Duration.ofDays(1));
        assertThat(time.between(at("2026-03-07 08:00"), at("2026-03-08 20:00"), List.of())).isZero();
    }

    @Test
    void aRequestReceivedOnARestDayStartsCountingOnTheNextWorkingDay() {
        assertThat(time.plus(at("2026-03-07 15:00"), 1, List.of())).as("Saturday → end of Monday")
                .isEqualTo(at("2026-03-10 00:00"));
        assertThat(time.plus(at("2026-10-03 11:00"), 1, List.of())).as("National Day → end of Thursday 8 Oct")
                .isEqualTo(at("2026-10-09 00:00"));
    }

    @Test
    void aPauseSpanningAHolidayStopsTheClockOnlyOnce() {
        // received Tue 29 Sep 10:00; paused Wed 30 Sep 10:00 to Fri 9 Oct 10:00 (National Day inside the pause):
        // 24 h before the pause, then Fri 14 h, Sat 10 Oct (worked) 24 h, Mon 12 and Tue 13 Oct, 10 h on Wed 14 Oct
        List<Pause> pauses = List.of(new Pause(at("2026-09-30 10:00"), at("2026-10-09 10:00")));
        assertThat(time.plus(at("2026-09-29 10:00"), 5, pauses)).isEqualTo(at("2026-10-14 10:00"));
        assertThat(time.between(at("2026-09-29 10:00"), at("2026-10-14 10:00"), pauses)).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void anOngoingPauseCountsAsEndingNow() {
        // received Mon 2 Mar 10:00, waiting for the member since Tue 3 Mar 10:00, read on Thu 5 Mar 10:00
        List<Pause> pauses = List.of(new Pause(at("2026-03-03 10:00"), null));
        assertThat(time.between(at("2026-03-02 10:00"), at("2026-03-05 10:00"), pauses)).isEqualTo(Duration.ofDays(1));
        assertThat(time.plus(at("2026-03-02 10:00"), 3, pauses, at("2026-03-05 10:00")))
                .as("two days left once the member answers now").isEqualTo(at("2026-03-09 10:00"));
        assertThat(time.plus(at("2026-03-02 10:00"), 3, pauses, at("2026-03-06 10:00")))
                .as("a day later, the deadline moves a day").isEqualTo(at("2026-03-10 10:00"));
    }

    @Test
    void overlappingPausesCountOnce() {
        List<Pause> pauses = List.of(new Pause(at("2026-03-03 00:00"), at("2026-03-05 00:00")),
                new Pause(at("2026-03-04 00:00"), at("2026-03-06 00:00")));
        assertThat(time.between(at("2026-03-02 00:00"), at("2026-03-07 00:00"), pauses)).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void refusesNegativeTimeAndPausesEndingBeforeTheyStart() {
        assertThatThrownBy(() -> time.plus(at("2026-03-02 10:00"), -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pause(at("2026-03-02 10:00"), at("2026-03-01 10:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(time.between(at("2026-03-05 10:00"), at("2026-03-02 10:00"), List.of())).isZero();
    }
}
