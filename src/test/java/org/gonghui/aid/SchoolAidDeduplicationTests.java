package org.gonghui.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gonghui.aid.grant.ChildIdentity;
import org.gonghui.aid.grant.SchoolYear;
import org.gonghui.member.IdNumber;
import org.junit.jupiter.api.Test;

/** School aid knows a child by the ID number's keyed hash and the school year, whoever applies. */
class SchoolAidDeduplicationTests {

    /** A stand-in keyed hash: deterministic and different per input, as HMAC-SHA256 is. */
    private static final Function<String, String> HASH = value -> "h" + Integer.toHexString(value.hashCode()) + value.length();

    private static String id(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    private final String child = id("33020320150612001");
    private final String sibling = id("33020320130101002");

    @Test
    void theSameChildGivesTheSameKeyWhicheverParentTypesItAndHowever() {
        SchoolYear year = new SchoolYear(2026);
        String xChild = "11010520100101023X";
        assertThat(IdNumber.isValid(xChild)).isTrue();
        assertThat(ChildIdentity.key(xChild, year, HASH)).isEqualTo(ChildIdentity.key("11010520100101023x", year, HASH))
                .isEqualTo(ChildIdentity.key(" 11010520100101023X ", year, HASH));
        assertThat(ChildIdentity.key(child, year, HASH)).isNotEqualTo(ChildIdentity.key(sibling, year, HASH));
    }

    @Test
    void theNextSchoolYearIsANewGrant() {
        assertThat(ChildIdentity.key(child, new SchoolYear(2026), HASH))
                .isNotEqualTo(ChildIdentity.key(child, new SchoolYear(2027), HASH));
    }

    @Test
    void repeatsWithinOneSetOfApplicationsNameTheFirstLine() {
        List<String> lines = List.of(child, sibling, "not a number", child.toLowerCase(), sibling);
        Map<Integer, Integer> repeats = ChildIdentity.repeats(lines, line -> line, new SchoolYear(2026), HASH);
        assertThat(repeats).containsExactlyInAnyOrderEntriesOf(Map.of(3, 0, 4, 1));
    }

    @Test
    void oneAppliesInLateSummerForTheSchoolYearAboutToStart() {
        assertThat(SchoolYear.applyingOn(LocalDate.of(2026, 6, 30))).isEqualTo(new SchoolYear(2025));
        assertThat(SchoolYear.applyingOn(LocalDate.of(2026, 7, 1))).isEqualTo(new SchoolYear(2026));
        assertThat(SchoolYear.applyingOn(LocalDate.of(2026, 12, 1)).label()).isEqualTo("2026–2027");
    }
}
