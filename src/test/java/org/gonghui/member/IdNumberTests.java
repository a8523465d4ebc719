package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.gonghui.shared.DomainException;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;

class IdNumberTests {

    @Test
    void acceptsTheStandardsExample() {
        IdNumber id = new IdNumber("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(id.areaCode()).isEqualTo("110105");
    }

    @Test
    void acceptsLowerCaseCheckCharacterAndSurroundingSpaces() {
        assertThat(new IdNumber(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void refusesAOneDigitChange() {
        assertThatThrownBy(() -> new IdNumber("11010519491231003X"))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("member.id-number.check-digit");
        assertThatThrownBy(() -> new IdNumber("110105194912310021"))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("member.id-number.check-digit");
    }

    @Test
    void refusesWrongLengthAndCharacters() {
        assertThatThrownBy(() -> new IdNumber("1101051949123100")).extracting(e -> ((DomainException) e).code())
                .isEqualTo("member.id-number.format");
        assertThatThrownBy(() -> new IdNumber("11010519491231002Y")).extracting(e -> ((DomainException) e).code())
                .isEqualTo("member.id-number.format");
        assertThatThrownBy(() -> new IdNumber(null)).isInstanceOf(DomainException.class);
    }

    @Test
    void refusesAnImpossibleOrFutureBirthDate() {
        String feb30 = "11010519900230001";
        assertThatThrownBy(() -> new IdNumber(feb30 + IdNumber.checkCharacter(feb30)))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("member.id-number.birth-date");
        String future = "110105" + (PlatformZone.today().getYear() + 1) + "0101001";
        assertThatThrownBy(() -> new IdNumber(future + IdNumber.checkCharacter(future)))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("member.id-number.birth-date");
    }

    @Test
    void derivesGenderFromTheOddOrEvenSequence() {
        String man = "33020319850615001";
        String woman = "33020319850615002";
        assertThat(new IdNumber(man + IdNumber.checkCharacter(man)).gender()).isEqualTo(Gender.MALE);
        assertThat(new IdNumber(woman + IdNumber.checkCharacter(woman)).gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void masksAllButTheFirstAndLastFour() {
        assertThat(new IdNumber("11010519491231002X").masked()).isEqualTo("1101**********002X");
        assertThat(new IdNumber("11010519491231002X").toString()).doesNotContain("19491231");
    }

    @Test
    void computesAgeOnADay() {
        assertThat(new IdNumber("11010519491231002X").ageOn(LocalDate.of(2026, 12, 30))).isEqualTo(76);
        assertThat(new IdNumber("11010519491231002X").ageOn(LocalDate.of(2026, 12, 31))).isEqualTo(77);
    }
}
