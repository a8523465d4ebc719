package org.gonghui.scaledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gonghui.member.Gender;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberType;
import org.gonghui.member.PhoneNumber;
import org.junit.jupiter.api.Test;

class PopulationTests {

    private static final int MEMBERS = 120_000;
    private static final Population POPULATION = new Population(CityPlan.ningbo(7, 400, 300, MEMBERS), 7);

    @Test
    void generatesValidIdNumbersWhoseBirthDateAndGenderAreConsistent() {
        for (int i = 0; i < MEMBERS; i += 7) {
            Person person = POPULATION.person(i);
            IdNumber id = new IdNumber(person.idNumber());
            assertThat(person.idNumber().charAt(17)).isEqualTo(IdNumber.checkCharacter(person.idNumber()));
            assertThat(id.birthDate()).isBefore(Population.REFERENCE_DAY);
            assertThat(person.joinedOn()).isAfterOrEqualTo(id.birthDate().plusYears(18))
                    .isBefore(Population.REFERENCE_DAY);
            if (person.type() == MemberType.RETIRED) {
                assertThat(id.ageOn(Population.REFERENCE_DAY)).isGreaterThanOrEqualTo(id.gender() == Gender.MALE ? 60 : 55);
            }
        }
    }

    @Test
    void givesEveryoneADifferentIdNumberPhoneAndCard() {
        Set<String> ids = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<String> cards = new HashSet<>();
        int duplicates = 0;
        int invalid = 0;
        int holders = 0;
        for (int i = 0; i < MEMBERS; i++) {
            Person person = POPULATION.person(i);
            duplicates += (ids.add(person.idNumber()) ? 0 : 1) + (phones.add(person.phone()) ? 0 : 1);
            invalid += PhoneNumber.isValid(person.phone()) ? 0 : 1;
            if (person.cardNumber() != null) {
                holders++;
                duplicates += cards.add(person.cardNumber()) ? 0 : 1;
                invalid += person.cardNumber().matches("[0-9]{19}") ? 0 : 1;
            }
        }
        assertThat(duplicates).isZero();
        assertThat(invalid).isZero();
        assertThat(holders / (double) MEMBERS).isBetween(0.37, 0.42);
    }

    @Test
    void numbersStayUniqueAcrossTheWholeCity() {
        Set<String> phones = new HashSet<>();
        Set<String> cards = new HashSet<>();
        int duplicates = 0;
        for (int i = 0; i < 3_550_000; i += 5) {
            duplicates += (phones.add(Population.phone(i)) ? 0 : 1) + (cards.add(Population.cardNumber(i)) ? 0 : 1);
        }
        assertThat(duplicates).isZero();
    }

    @Test
    void isTheSameForTheSameSeed() {
        Population again = new Population(CityPlan.ningbo(7, 400, 300, MEMBERS), 7);
        for (int i = 0; i < MEMBERS; i += 997) {
            assertThat(again.person(i)).isEqualTo(POPULATION.person(i));
        }
        assertThat(new Population(CityPlan.ningbo(8, 400, 300, MEMBERS), 8).person(5)).isNotEqualTo(POPULATION.person(5));
    }

    @Test
    void hasRealisticTypesStatusesAndSurnames() {
        Map<MemberType, Integer> types = new HashMap<>();
        Map<MemberStatus, Integer> statuses = new HashMap<>();
        Map<String, Integer> surnames = new HashMap<>();
        int ningbo = 0;
        for (int i = 0; i < MEMBERS; i++) {
            Person person = POPULATION.person(i);
            types.merge(person.type(), 1, Integer::sum);
            statuses.merge(person.status(), 1, Integer::sum);
            surnames.merge(person.name().substring(0, 1), 1, Integer::sum);
            if (person.idNumber().startsWith("3302")) {
                ningbo++;
            }
            assertThat(person.status() == MemberStatus.ACTIVE).isEqualTo(person.statusChangedOn() == null);
        }
        assertThat(share(types.get(MemberType.RETIRED))).isBetween(0.10, 0.14);
        assertThat(share(types.get(MemberType.MIGRANT))).isBetween(0.18, 0.22);
        assertThat(share(statuses.get(MemberStatus.ACTIVE))).isBetween(0.96, 0.98);
        assertThat(share(surnames.get("王"))).isBetween(0.065, 0.077);
        assertThat(share(surnames.get("李"))).isBetween(0.065, 0.077);
        assertThat(share(surnames.get("陈"))).isBetween(0.043, 0.053);
        assertThat(share(surnames.get("竺"))).isLessThan(0.002);
        assertThat(share(ningbo)).isBetween(0.55, 0.75);
    }

    @Test
    void givesCommonFullNamesTheirWeight() {
        SplittableRandom random = new SplittableRandom(1);
        int wangWei = 0;
        for (int i = 0; i < 200_000; i++) {
            if (ChineseNames.next(random, Gender.MALE).equals("王伟")) {
                wangWei++;
            }
        }
        // 王 (7%) × 伟 as a popular given name (45% × 30/286)
        assertThat(wangWei / 200_000.0).isBetween(0.002, 0.005);
    }

    private static double share(Integer count) {
        return count == null ? 0 : count / (double) MEMBERS;
    }
}
