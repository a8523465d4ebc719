package org.gonghui.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.junit.jupiter.api.Test;

class TreePathTests {

    private final TreePath city = TreePath.root(1);
    private final TreePath district = city.child(3);
    private final TreePath township = district.child(27);

    @Test
    void aNodeContainsItselfAndEverythingBelow() {
        assertThat(city.contains(township)).isTrue();
        assertThat(district.contains(district)).isTrue();
        assertThat(township.contains(district)).isFalse();
    }

    @Test
    void siblingsWithCommonDigitPrefixesAreNotInsideEachOther() {
        TreePath three = city.child(3);
        TreePath thirty = city.child(30);
        assertThat(three.contains(thirty)).isFalse();
        assertThat(thirty.contains(three.child(300))).isFalse();
        assertThat(three.likePattern()).isEqualTo("/1/3/%");
    }

    @Test
    void knowsItsIdsDepthAndLastId() {
        assertThat(township.value()).isEqualTo("/1/3/27/");
        assertThat(township.ids()).isEqualTo(List.of(1L, 3L, 27L));
        assertThat(township.depth()).isEqualTo(3);
        assertThat(township.last()).isEqualTo(27);
    }

    @Test
    void refusesMalformedPaths() {
        assertThatThrownBy(() -> new TreePath("/1/3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TreePath("/1/%/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TreePath("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScopeOfAStaffUserIsTheirOrganisationAndMembersHaveNone() {
        CurrentUser staff = new CurrentUser(1, "s", "S", null, 3L, "/1/3/", null, EnumSet.of(Role.STAFF), false, true);
        CurrentUser member = new CurrentUser(2, "m", "M", null, null, null, 9L, EnumSet.of(Role.MEMBER), false, true);
        assertThat(TreePath.scopeOf(staff)).isEqualTo(district);
        assertThatThrownBy(() -> TreePath.scopeOf(member)).isInstanceOf(DomainException.class);
    }

    @Test
    void childrenSitOnDeeperLevels() {
        assertThat(OrganisationKind.CITY.mayContain(OrganisationKind.DISTRICT)).isTrue();
        assertThat(OrganisationKind.DISTRICT.mayContain(OrganisationKind.TOWNSHIP)).isTrue();
        assertThat(OrganisationKind.PARK.mayContain(OrganisationKind.ENTERPRISE)).isTrue();
        assertThat(OrganisationKind.TOWNSHIP.mayContain(OrganisationKind.DISTRICT)).isFalse();
        assertThat(OrganisationKind.COMMUNITY.mayContain(OrganisationKind.ENTERPRISE)).isFalse();
        assertThat(OrganisationKind.DISTRICT.mayContain(OrganisationKind.PARK)).isFalse();
    }
}
