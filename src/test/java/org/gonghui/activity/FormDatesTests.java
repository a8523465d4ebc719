package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;
import org.gonghui.shared.DomainException;
import org.junit.jupiter.api.Test;

/** Dates of activities and offers lie within 1900–2100 and in order across fields. */
class FormDatesTests {

    private static final LocalDateTime OPENS = LocalDateTime.of(2026, 12, 1, 10, 0);

    private static ActivityForm activity(LocalDateTime opens, LocalDateTime closes, LocalDateTime cancel) {
        return new ActivityForm("讲座", ActivityCategory.TRAINING, "desc", null, "place", false, AllocationMode.FIRST_COME,
                10, opens, closes, cancel, 24, Set.of(), null, false, null, null, null, false, false, "");
    }

    private static WelfareOfferForm offer(LocalDateTime validUntil) {
        return new WelfareOfferForm("电影票", "", new BigDecimal("1.00"), 100, 1, OPENS, OPENS.plusDays(7), OPENS, validUntil,
                Set.of(), null, false, null, null, Set.of());
    }

    private static String code(Runnable validation) {
        try {
            validation.run();
            return null;
        } catch (DomainException e) {
            return e.code();
        }
    }

    @Test
    void aCancellationDeadlineBeforeRegistrationOpensIsRefused() {
        assertThat(code(() -> activity(OPENS, OPENS.plusDays(3), OPENS.minusDays(1)).validate()))
                .isEqualTo("activity.cancel-deadline.invalid");
        assertThatCode(() -> activity(OPENS, OPENS.plusDays(3), OPENS.plusDays(5)).validate()).doesNotThrowAnyException();
        assertThatCode(() -> activity(OPENS, OPENS.plusDays(3), null).validate()).doesNotThrowAnyException();
    }

    @Test
    void anActivityClosingInYear99999IsRefused() {
        assertThat(
                code(() -> activity(OPENS, LocalDateTime.of(99999, 1, 1, 10, 0), null).validate()))
                .isEqualTo("error.date.out-of-range");
        assertThat(
                code(() -> activity(LocalDateTime.of(1800, 1, 1, 10, 0), OPENS, null).validate()))
                .isEqualTo("error.date.out-of-range");
    }

    @Test
    void anOfferValidUntilYear99999IsRefused() {
        assertThat(code(() -> offer(LocalDateTime.of(99999, 1, 1, 0, 0)).validate()))
                .isEqualTo("error.date.out-of-range");
        assertThat(code(() -> offer(LocalDateTime.of(2100, 12, 31, 0, 0)).validate()))
                .isNull();
    }
}
