package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gonghui.shared.DomainException;
import org.junit.jupiter.api.Test;

class PhoneNumberTests {

    @Test
    void normalisesSpacesDashesAndCountryCode() {
        assertThat(new PhoneNumber("+86 138-1234-5678").value()).isEqualTo("13812345678");
    }

    @Test
    void refusesNumbersThatAreNotMainlandMobiles() {
        assertThatThrownBy(() -> new PhoneNumber("12812345678")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new PhoneNumber("1381234567")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new PhoneNumber("0574-87654321")).isInstanceOf(DomainException.class);
        assertThat(PhoneNumber.isValid("19912345678")).isTrue();
    }

    @Test
    void masksTheMiddleFour() {
        assertThat(new PhoneNumber("13812345678").masked()).isEqualTo("138****5678");
    }

    @Test
    void recognisesWhatASearchTextIs() {
        assertThat(MemberSearch.kindOf("11010519491231002x")).isEqualTo(MemberSearch.TextKind.ID_NUMBER);
        assertThat(MemberSearch.kindOf("13812345678")).isEqualTo(MemberSearch.TextKind.PHONE);
        assertThat(MemberSearch.kindOf("王")).isEqualTo(MemberSearch.TextKind.NAME);
    }
}
