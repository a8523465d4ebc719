package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationStatus;
import org.gonghui.organisation.OrganisationView;
import org.junit.jupiter.api.Test;

class RoutingRuleTests {

    private static final OrganisationView CITY = org(1, null, OrganisationKind.CITY, "/1/");
    private static final OrganisationView DISTRICT = org(2, 1L, OrganisationKind.DISTRICT, "/1/2/");
    private static final OrganisationView TOWNSHIP = org(3, 2L, OrganisationKind.TOWNSHIP, "/1/2/3/");
    private static final OrganisationView EMPLOYER = org(4, 3L, OrganisationKind.ENTERPRISE, "/1/2/3/4/");
    private static final List<OrganisationView> AT_EMPLOYER = List.of(CITY, DISTRICT, TOWNSHIP, EMPLOYER);

    @Test
    void aMembersRequestGoesToTheirServicePointByDefault() {
        RoutingRule.Decision decision = RoutingRule.route(AT_EMPLOYER, true, RequestType.CONSULTATION, false,
                Routing.SERVICE_POINT);
        assertThat(decision.handling()).isEqualTo(EMPLOYER);
        assertThat(decision.excludedOrgPath()).isNull();
    }

    @Test
    void theTownshipRuleSendsItToTheTownshipAboveTheServicePoint() {
        assertThat(RoutingRule.route(AT_EMPLOYER, true, RequestType.ASSISTANCE, false, Routing.TOWNSHIP).handling())
                .isEqualTo(TOWNSHIP);
    }

    @Test
    void aMemberRegisteredAtATownshipIsServedThere() {
        assertThat(RoutingRule.route(List.of(CITY, DISTRICT, TOWNSHIP), true, RequestType.CONSULTATION, false,
                Routing.SERVICE_POINT).handling()).isEqualTo(TOWNSHIP);
        assertThat(RoutingRule.route(List.of(CITY, DISTRICT, TOWNSHIP), true, RequestType.CONSULTATION, false,
                Routing.TOWNSHIP).handling()).isEqualTo(TOWNSHIP);
    }

    @Test
    void aComplaintAgainstTheEmployerGoesAboveItsServicePointWhichIsExcluded() {
        for (Routing routing : Routing.values()) {
            RoutingRule.Decision decision = RoutingRule.route(AT_EMPLOYER, true, RequestType.COMPLAINT, true, routing);
            assertThat(decision.handling()).isEqualTo(TOWNSHIP);
            assertThat(decision.excludedOrgPath()).isEqualTo("/1/2/3/4/");
        }
    }

    @Test
    void aComplaintAgainstATownshipRollEmployerGoesToTheDistrict() {
        RoutingRule.Decision decision = RoutingRule.route(List.of(CITY, DISTRICT, TOWNSHIP), true, RequestType.COMPLAINT,
                true, Routing.SERVICE_POINT);
        assertThat(decision.handling()).isEqualTo(DISTRICT);
        assertThat(decision.excludedOrgPath()).isEqualTo("/1/2/3/");
    }

    @Test
    void aComplaintNotAgainstTheEmployerFollowsTheDefaultRule() {
        RoutingRule.Decision decision = RoutingRule.route(AT_EMPLOYER, true, RequestType.COMPLAINT, false,
                Routing.SERVICE_POINT);
        assertThat(decision.handling()).isEqualTo(EMPLOYER);
        assertThat(decision.excludedOrgPath()).isNull();
    }

    @Test
    void aNonMemberIsHandledWhereTheyWereRegistered() {
        assertThat(RoutingRule.route(AT_EMPLOYER, false, RequestType.CONSULTATION, false, Routing.TOWNSHIP).handling())
                .isEqualTo(EMPLOYER);
        assertThat(RoutingRule.route(List.of(CITY), false, RequestType.LEGAL_AID, false, Routing.SERVICE_POINT)
                .handling()).isEqualTo(CITY);
        assertThat(RoutingRule.route(AT_EMPLOYER, false, RequestType.COMPLAINT, true, Routing.SERVICE_POINT).handling())
                .isEqualTo(TOWNSHIP);
    }

    private static OrganisationView org(long id, Long parent, OrganisationKind kind, String path) {
        return new OrganisationView(id, parent, kind, "org" + id, "C" + id, path, path.split("/").length - 1,
                OrganisationStatus.ACTIVE);
    }
}
