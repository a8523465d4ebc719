package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.gonghui.member.Gender;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.shared.DomainException;
import org.junit.jupiter.api.Test;

class EligibilityTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static MemberView member(LocalDate born, MemberType type, String orgPath, String card, MemberStatus status) {
        return new MemberView(1, "张三", Gender.MALE, born, "1101**********002X", null, null, 9, "org", orgPath, type, status,
                LocalDate.of(2020, 1, 1), card);
    }

    static String reason(Eligibility e, MemberView m) {
        return e.check(m, TODAY).map(DomainException::code).orElse("ok");
    }

    @Test
    void namesTheReasonAMemberIsNotEligible() {
        Eligibility e = new Eligibility(Set.of(MemberType.IN_SERVICE), "/1/3/", true, 18, 35);
        LocalDate born30 = TODAY.minusYears(30);
        assertThat(reason(e, member(born30, MemberType.IN_SERVICE, "/1/3/7/", "6217****1234", MemberStatus.ACTIVE)))
                .isEqualTo("ok");
        assertThat(reason(e, member(born30, MemberType.RETIRED, "/1/3/7/", "6217****1234", MemberStatus.ACTIVE)))
                .isEqualTo(Refusal.NOT_ELIGIBLE_TYPE);
        assertThat(reason(e, member(born30, MemberType.IN_SERVICE, "/1/4/", "6217****1234", MemberStatus.ACTIVE)))
                .isEqualTo(Refusal.NOT_ELIGIBLE_ORG);
        assertThat(reason(e, member(born30, MemberType.IN_SERVICE, "/1/3/", null, MemberStatus.ACTIVE)))
                .isEqualTo(Refusal.NOT_ELIGIBLE_CARD);
        assertThat(reason(e, member(TODAY.minusYears(36), MemberType.IN_SERVICE, "/1/3/", "6217", MemberStatus.ACTIVE)))
                .isEqualTo(Refusal.NOT_ELIGIBLE_AGE);
        assertThat(reason(e, member(TODAY.minusYears(18), MemberType.IN_SERVICE, "/1/3/", "6217", MemberStatus.ACTIVE)))
                .isEqualTo("ok");
        assertThat(reason(e, member(TODAY.minusYears(18).plusDays(1), MemberType.IN_SERVICE, "/1/3/", "6217",
                MemberStatus.ACTIVE))).isEqualTo(Refusal.NOT_ELIGIBLE_AGE);
        assertThat(reason(e, member(born30, MemberType.IN_SERVICE, "/1/3/", "6217", MemberStatus.LEFT)))
                .isEqualTo(Refusal.NOT_ELIGIBLE_INACTIVE);
    }

    @Test
    void refusesAnInvertedAgeRange() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Eligibility(Set.of(), null, false, 40, 30))
                .isInstanceOf(DomainException.class);
    }
}
