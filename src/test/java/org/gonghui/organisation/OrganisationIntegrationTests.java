package org.gonghui.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.Sheets;
import org.gonghui.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class OrganisationIntegrationTests {

    @Autowired Organisations organisations;
    @Autowired OrganisationImport importer;
    @Autowired Members members;
    @Autowired MockMvc mvc;

    private OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    @Test
    void movingAnOrganisationMovesItsWholeSubtree() {
        TreePath city = org("NB").treePath();
        OrganisationView township = organisations.create(city, org("NB-HS").id(), OrganisationKind.TOWNSHIP, "测试街道",
                Fixtures.unique("T-MOVE-"));
        OrganisationView point = organisations.create(city, township.id(), OrganisationKind.COMMUNITY, "测试社区",
                Fixtures.unique("C-MOVE-"));
        assertThat(org("NB-HS").treePath().contains(point.path())).isTrue();

        organisations.move(city, township.id(), org("NB-JB").id());

        OrganisationView moved = organisations.find(point.id()).orElseThrow();
        assertThat(org("NB-JB").treePath().contains(moved.path())).isTrue();
        assertThat(org("NB-HS").treePath().contains(moved.path())).isFalse();
        assertThat(moved.depth()).isEqualTo(4);
        assertThat(moved.path()).isEqualTo(org("NB-JB").path() + township.id() + "/" + point.id() + "/");
    }

    @Test
    void refusesMovingIntoItsOwnSubtreeAndOutsideTheScope() {
        TreePath city = org("NB").treePath();
        OrganisationView township = organisations.create(city, org("NB-HS").id(), OrganisationKind.TOWNSHIP, "甲街道",
                Fixtures.unique("T-"));
        OrganisationView point = organisations.create(city, township.id(), OrganisationKind.ENTERPRISE, "甲企业",
                Fixtures.unique("E-"));
        assertThatThrownBy(() -> organisations.move(city, township.id(), point.id()))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("organisation.move.into-own-subtree");
        TreePath haishu = org("NB-HS").treePath();
        assertThatThrownBy(() -> organisations.move(haishu, township.id(), org("NB-JB").id()))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("organisation.not-found");
    }

    @Test
    void aDistrictCannotCreateOrRenameInAnotherDistrict() {
        TreePath haishu = org("NB-HS").treePath();
        assertThatThrownBy(() -> organisations.create(haishu, org("NB-JB").id(), OrganisationKind.TOWNSHIP, "越界街道",
                Fixtures.unique("X-"))).extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> organisations.rename(haishu, org("NB-JB").id(), "改名"))
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(org("NB-JB").name()).isEqualTo("江北区总工会");
    }

    @Test
    void consoleActionsOnAnotherDistrictsOrganisationAnswerNotFound() throws Exception {
        var haishu = Fixtures.staffAt(org("NB-HS"), Role.STAFF);
        OrganisationView jiangbeiTownship = org("NB-JB-T01");
        for (String parentCode : List.of("", "NB-HS-T01", "NB-JB")) {
            mvc.perform(post("/console/organisations/{id}/move", jiangbeiTownship.id()).param("parentCode", parentCode)
                            .with(Fixtures.as(haishu)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        for (String action : List.of("rename", "close")) {
            mvc.perform(post("/console/organisations/{id}/" + action, jiangbeiTownship.id()).param("name", "改名")
                            .with(Fixtures.as(haishu)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        assertThat(org("NB-JB-T01")).isEqualTo(jiangbeiTownship);
    }

    @Test
    void closingNeedsNoActiveChildrenAndNoMembers() {
        TreePath city = org("NB").treePath();
        OrganisationView township = organisations.create(city, org("NB-HS").id(), OrganisationKind.TOWNSHIP, "乙街道",
                Fixtures.unique("T-"));
        OrganisationView point = organisations.create(city, township.id(), OrganisationKind.ENTERPRISE, "乙企业",
                Fixtures.unique("E-"));
        assertThatThrownBy(() -> organisations.close(city, township.id()))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("organisation.close.has-children");
        members.register(city, new NewMember("关闭测试", Fixtures.newIdNumber(), null, point.id(), MemberType.IN_SERVICE,
                null, null));
        assertThatThrownBy(() -> organisations.close(city, point.id()))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("organisation.close.has-members");
        assertThat(organisations.find(point.id()).orElseThrow().isActive()).isTrue();

        OrganisationView empty = organisations.create(city, township.id(), OrganisationKind.COMMUNITY, "丙社区",
                Fixtures.unique("C-"));
        assertThat(organisations.close(city, empty.id()).status()).isEqualTo(OrganisationStatus.CLOSED);
        assertThatThrownBy(() -> organisations.create(city, empty.id(), OrganisationKind.COMMUNITY, "x", Fixtures.unique("C-")))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void refusesAChildOnTheSameOrAHigherLevelAndADuplicateCode() {
        TreePath city = org("NB").treePath();
        assertThatThrownBy(() -> organisations.create(city, org("NB-HS-T01").id(), OrganisationKind.DISTRICT, "错层级",
                Fixtures.unique("D-"))).extracting(e -> ((DomainException) e).code()).isEqualTo("organisation.kind.not-allowed");
        assertThatThrownBy(() -> organisations.create(city, org("NB-HS").id(), OrganisationKind.TOWNSHIP, "重复编码",
                "NB-HS-T01")).extracting(e -> ((DomainException) e).code()).isEqualTo("organisation.code.taken");
    }

    @Test
    void importsAllRowsOrNoneWithAReportOfEveryBadRow() {
        TreePath haishu = org("NB-HS").treePath();
        String good1 = Fixtures.unique("IMP-T-");
        String good2 = Fixtures.unique("IMP-E-");
        var bad = Sheets.xlsx(importer.header(), List.of(
                List.of(good1, "导入街道", "乡镇街道总工会", "NB-HS"),
                List.of(good2, "导入企业", "ENTERPRISE", good1),
                List.of(Fixtures.unique("IMP-X-"), "越界", "TOWNSHIP", "NB-JB"),
                List.of("bad code!", "", "unknown", "NB-HS")));
        ImportReport failed = importer.importSheet(haishu, bad);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.errors()).extracting(ImportReport.RowError::row).containsExactly(4, 5);
        assertThat(failed.errors().get(1).messages()).hasSize(3);
        assertThat(organisations.findByCode(good1)).isEmpty();
        assertThat(failed.errorWorkbook(importer.header(), "row", "reason")).isNotEmpty();

        var fixed = Sheets.xlsx(importer.header(), List.of(
                List.of(good1, "导入街道", "乡镇街道总工会", "NB-HS"),
                List.of(good2, "导入企业", "ENTERPRISE", good1)));
        ImportReport done = importer.importSheet(haishu, fixed);
        assertThat(done.succeeded()).isTrue();
        assertThat(organisations.findByCode(good2).orElseThrow().path())
                .startsWith(organisations.findByCode(good1).orElseThrow().path());
    }
}
