package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;

/** The weekly series rule: next week's instance, its times, catching up, the last date. */
class ActivityRepeatTests {

    static final ZoneId SHANGHAI = PlatformZone.ZONE;
    static final LocalDateTime TUESDAY_10 = LocalDateTime.of(2026, 12, 1, 10, 0);

    static ActivityForm weeklyKit(LocalDate until) {
        return new ActivityForm("每周 DIY", ActivityCategory.DIY_KIT, "材料包", null, null, true, AllocationMode.FIRST_COME,
                200, TUESDAY_10, TUESDAY_10.plusDays(2), TUESDAY_10.plusDays(1), 24, Set.of(), null, false, 18, 60, 2,
                true, false, "2026-12-06 14:00 90\n2026-12-06 16:00 30", true, until);
    }

    static Instant at(LocalDateTime local) {
        return local.atZone(SHANGHAI).toInstant();
    }

    @Test
    void shiftsByExactlySevenDaysInShanghaiWhichHasNoDaylightSaving() {
        Instant tuesday = at(TUESDAY_10);
        Instant next = WeeklyRepeat.shift(tuesday, 1, SHANGHAI);
        assertThat(Duration.between(tuesday, next)).isEqualTo(Duration.ofDays(7));
        assertThat(next.atZone(SHANGHAI).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 8, 10, 0));
        // across the dates other zones change their clocks, Shanghai's weeks stay 168 hours
        Instant march = at(LocalDateTime.of(2026, 3, 24, 10, 0));
        assertThat(Duration.between(march, WeeklyRepeat.shift(march, 1, SHANGHAI))).isEqualTo(Duration.ofHours(168));
    }

    @Test
    void keepsTheLocalTimeWhereAWeekHasADaylightSavingChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant before = LocalDateTime.of(2026, 3, 24, 10, 0).atZone(berlin).toInstant();
        Instant after = WeeklyRepeat.shift(before, 1, berlin);
        assertThat(after.atZone(berlin).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 31, 10, 0));
        assertThat(Duration.between(before, after)).isEqualTo(Duration.ofHours(167));
    }

    @Test
    void theNextInstanceIsTheSameActivityOneWeekLater() {
        ActivityForm current = weeklyKit(null);
        ActivityForm next = WeeklyRepeat.next(current, at(TUESDAY_10.plusMinutes(1)), SHANGHAI).orElseThrow();

        assertThat(next.opensAt()).isEqualTo(LocalDateTime.of(2026, 12, 8, 10, 0));
        assertThat(next.closesAt()).isEqualTo(LocalDateTime.of(2026, 12, 10, 10, 0));
        assertThat(next.cancelDeadline()).isEqualTo(LocalDateTime.of(2026, 12, 9, 10, 0));
        assertThat(next.sessions()).isEqualTo("2026-12-13 14:00 90\n2026-12-13 16:00 30");
        assertThat(next.sessionList(SHANGHAI).get(0).startsAt()).isEqualTo(at(LocalDateTime.of(2026, 12, 13, 14, 0)));
        assertThat(next).usingRecursiveComparison()
                .ignoringFields("opensAt", "closesAt", "cancelDeadline", "sessions").isEqualTo(current);
    }

    @Test
    void aJobThatWasDownPublishesTheFirstWeekStillOpen() {
        ActivityForm current = weeklyKit(null);
        // three weeks and a day after the opening: weeks 1 and 2 have closed, week 3 closes in a day
        ActivityForm next = WeeklyRepeat.next(current, at(TUESDAY_10.plusWeeks(3).plusDays(1)), SHANGHAI).orElseThrow();
        assertThat(next.opensAt()).isEqualTo(TUESDAY_10.plusWeeks(3));
        assertThat(next.sessions()).startsWith("2026-12-27 14:00 90");
        assertThat(WeeklyRepeat.weeksAhead(TUESDAY_10.plusDays(2), at(TUESDAY_10.plusWeeks(3).plusDays(2)), SHANGHAI))
                .as("a window closing exactly now is over").isEqualTo(4);
    }

    @Test
    void stopsAfterTheLastDate() {
        Instant opened = at(TUESDAY_10.plusMinutes(1));
        assertThat(WeeklyRepeat.next(weeklyKit(LocalDate.of(2026, 12, 8)), opened, SHANGHAI)).isPresent();
        assertThat(WeeklyRepeat.next(weeklyKit(LocalDate.of(2026, 12, 7)), opened, SHANGHAI)).isEmpty();
        assertThat(WeeklyRepeat.next(weeklyKit(LocalDate.of(2026, 12, 8)).withTimes(TUESDAY_10.plusWeeks(1),
                TUESDAY_10.plusWeeks(1).plusDays(2), null, ""), at(TUESDAY_10.plusWeeks(1)), SHANGHAI)).isEmpty();
    }

    @Test
    void aFormThatDoesNotRepeatHasNoNextInstanceNorLastDate() {
        ActivityForm once = new ActivityForm("一次", ActivityCategory.TRAINING, null, null, null, false,
                AllocationMode.FIRST_COME, 5, TUESDAY_10, TUESDAY_10.plusDays(1), null, 24, Set.of(), null, false, null,
                null, null, false, false, "", false, LocalDate.of(2027, 1, 1));
        assertThat(once.repeatUntil()).isNull();
        assertThat(WeeklyRepeat.next(once, at(TUESDAY_10.plusHours(1)), SHANGHAI)).isEmpty();
    }

    @Test
    void refusesALastDateBeforeTheFirstOpening() {
        assertThatThrownBy(() -> weeklyKit(LocalDate.of(2026, 11, 30)).validate())
                .hasMessageContaining("activity.repeat-until.invalid");
    }
}
