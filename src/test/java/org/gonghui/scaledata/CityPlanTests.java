package org.gonghui.scaledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.TreePath;
import org.junit.jupiter.api.Test;

class CityPlanTests {

    private static final CityPlan CITY = CityPlan.ningbo(20151001L, 5_450, 4_886, 3_550_000);

    @Test
    void hasTheFourLevelsInNingbosNumbers() {
        Map<OrganisationKind, Integer> kinds = new HashMap<>();
        CITY.organisations().forEach(o -> kinds.merge(o.kind(), 1, Integer::sum));
        assertThat(kinds).containsEntry(OrganisationKind.CITY, 1).containsEntry(OrganisationKind.DISTRICT, 11)
                .containsEntry(OrganisationKind.PARK, 5).containsEntry(OrganisationKind.TOWNSHIP, 152)
                .containsEntry(OrganisationKind.COMMUNITY, 5_450).containsEntry(OrganisationKind.ENTERPRISE, 4_886);
        assertThat(CITY.servicePoints()).hasSize(10_336);
    }

    @Test
    void sharesTheMembersOutExactly() {
        int sum = IntStream.range(0, CITY.servicePoints().size()).map(CITY::quota).sum();
        assertThat(sum).isEqualTo(3_550_000);
        assertThat(IntStream.range(0, CITY.servicePoints().size()).map(CITY::quota).min().getAsInt()).isPositive();
    }

    @Test
    void buildsConsistentPathsAndUniqueCodes() {
        Map<Long, PlannedOrganisation> byId = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (PlannedOrganisation org : CITY.organisations()) {
            assertThat(org.id()).isEqualTo(byId.size() + 1L);
            TreePath path = new TreePath(org.path());
            assertThat(path.last()).isEqualTo(org.id());
            assertThat(path.depth()).isEqualTo(org.depth()).isEqualTo(org.kind().level());
            if (org.parentId() != null) {
                PlannedOrganisation parent = byId.get(org.parentId());
                assertThat(new TreePath(parent.path()).contains(path)).isTrue();
                assertThat(parent.kind().mayContain(org.kind())).isTrue();
            }
            assertThat(codes.add(org.code())).as(org.code()).isTrue();
            byId.put(org.id(), org);
        }
        assertThat(codes).contains("NB", "NB-HS", "NB-HS-T01", "NB-HS-T01-C1", "NB-HS-T01-E1", "NB-HZW-T04");
    }

    @Test
    void splitsTotalsProportionallyAndExactly() {
        assertThat(CityPlan.share(10, new double[] {1, 1, 2})).containsExactly(3, 3, 4);
        assertThat(CityPlan.share(2, new double[] {1, 1, 1})).containsExactly(1, 0, 1);
    }

    @Test
    void refusesFewerServicePointsThanTownships() {
        assertThatThrownBy(() -> CityPlan.ningbo(1, 100, 5_000, 1_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
