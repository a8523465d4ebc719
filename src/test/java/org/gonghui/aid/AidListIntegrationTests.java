package org.gonghui.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.gonghui.aid.grant.AidKind;
import org.gonghui.aid.grant.AidLists;
import org.gonghui.aid.grant.Budgets;
import org.gonghui.aid.grant.GrantForm;
import org.gonghui.aid.grant.GrantReview;
import org.gonghui.aid.grant.GrantStatus;
import org.gonghui.aid.grant.GrantView;
import org.gonghui.aid.grant.ListApproval;
import org.gonghui.aid.grant.ListStatus;
import org.gonghui.aid.grant.ListView;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.payment.Entitlements;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A township's festival list (送温暖): members of its subtree in the archive, money or goods, all-or-nothing import,
 * submitted (checked), approved by the district with every line's standing read again — a member who left the archive
 * in between is dropped with the reason shown on the list.
 */
@IntegrationTest
class AidListIntegrationTests {

    @Autowired AidLists lists;
    @Autowired GrantReview review;
    @Autowired Budgets budgets;
    @Autowired Entitlements entitlements;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired HardshipApplications hardship;
    @Autowired org.gonghui.hardship.internal.MeansTestData standards;
    @Autowired PlatformTime time;
    @Autowired MockMvc mvc;

    AidTestData data;
    OrganisationView township;
    OrganisationView point;
    CurrentUser townshipStaff;
    int year;

    @BeforeEach
    void setUp() {
        data = new AidTestData(members, organisations, hardship, standards);
        township = data.org("NB-HS-T01");
        point = organisations.create(data.org("NB").treePath(), township.id(), OrganisationKind.COMMUNITY,
                Fixtures.unique("名单测试社区"), Fixtures.unique("AIDL-"));
        townshipStaff = data.staff("NB-HS-T01");
        year = time.today().getYear();
        budgets.set(data.staff("NB-HS"), point.id(), AidKind.FESTIVAL, year, new BigDecimal("100000"));
    }

    private String idOf(MemberView member) {
        return members.revealOwn(member.id(), PersonalField.ID_NUMBER);
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "list.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDistrictApprovesTheListAndWhoLeftTheArchiveSinceIsDroppedWithTheReason() throws Exception {
        MemberView stays = data.member(point.code());
        data.inArchive(stays);
        MemberView leaves = data.member(point.code());
        long leavesArchive = data.inArchive(leaves);
        MemberView goods = data.member(point.code());
        data.inArchive(goods);

        ListView list = lists.create(townshipStaff, AidKind.FESTIVAL, year, "春节送温暖");
        lists.add(townshipStaff, list.id(), new AidLists.Line(idOf(stays), stays.name(), new BigDecimal("800"), null));
        lists.add(townshipStaff, list.id(), new AidLists.Line(idOf(leaves), leaves.name(), new BigDecimal("800"), null));
        GrantView inKind = lists.add(townshipStaff, list.id(),
                new AidLists.Line(idOf(goods), goods.name(), new BigDecimal("300"), "大米一袋、食用油一桶"));
        assertThat(inKind.form()).isEqualTo(GrantForm.GOODS);
        ListView submitted = lists.submit(townshipStaff, list.id());
        assertThat(submitted.status()).isEqualTo(ListStatus.SUBMITTED);
        assertThat(lists.lines(townshipStaff, list.id())).extracting(GrantView::status).containsOnly(GrantStatus.CHECKED);
        assertThatThrownBy(() -> lists.approve(townshipStaff, list.id())).hasMessageContaining("aid.list.approve-above");

        data.leave(leavesArchive, leaves);
        ListApproval approval = lists.approve(data.staff("NB-HS"), list.id());
        assertThat(approval.approved()).isEqualTo(2);
        assertThat(approval.dropped()).singleElement().satisfies(g -> {
            assertThat(g.memberId()).isEqualTo(leaves.id());
            assertThat(g.status()).isEqualTo(GrantStatus.DROPPED);
        });
        assertThat(approval.list().status()).isEqualTo(ListStatus.APPROVED);
        assertThat(entitlements.find("FESTIVAL", "grant:" + approval.dropped().get(0).id())).isEmpty();
        assertThat(entitlements.find("FESTIVAL", "grant:" + inKind.id())).as("goods are handed out, not paid").isEmpty();
        GrantView money = lists.lines(townshipStaff, list.id()).stream().filter(g -> g.memberId() == stays.id()).findFirst()
                .orElseThrow();
        assertThat(entitlements.find("FESTIVAL", "grant:" + money.id())).isPresent();

        mvc.perform(get("/console/aid/lists/" + list.id()).with(Fixtures.as(townshipStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已不在困难职工档案中")));
        GrantView handed = review.handOut(townshipStaff, inKind.id(), lists.lines(townshipStaff, list.id()).stream()
                .filter(g -> g.id() == inKind.id()).findFirst().orElseThrow().version());
        assertThat(handed.status()).isEqualTo(GrantStatus.HANDED_OUT);
        mvc.perform(get("/console/aid/lists/" + list.id()).with(Fixtures.as(data.staff("NB-JB"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void anImportedListIsAllOrNothingWithEveryBadLineNamed() {
        MemberView a = data.member(point.code());
        data.inArchive(a);
        MemberView notInArchive = data.member(point.code());
        MemberView elsewhere = data.member("NB-JB-T01-E1");
        ListView list = lists.create(townshipStaff, AidKind.FESTIVAL, year, "中秋慰问");
        String bad = "身份证号,姓名,金额,物资\n"
                + idOf(a) + "," + a.name() + ",500,\n"
                + idOf(notInArchive) + "," + notInArchive.name() + ",500,\n"
                + idOf(elsewhere) + "," + elsewhere.name() + ",500,\n"
                + idOf(a) + "," + a.name() + ",500,\n"
                + idOf(a) + ",别人,五百,\n"
                + "123," + a.name() + ",500,\n";
        ImportReport report = lists.importLines(townshipStaff, list.id(), csv(bad));
        assertThat(report.succeeded()).isFalse();
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(3, 4, 5, 6, 7);
        assertThat(lists.lines(townshipStaff, list.id())).isEmpty();
        ImportReport good = lists.importLines(townshipStaff, list.id(), csv(idOf(a) + "," + a.name() + ",500.50,\n"));
        assertThat(good.succeeded()).isTrue();
        assertThat(lists.lines(townshipStaff, list.id())).singleElement()
                .satisfies(g -> assertThat(g.amount()).isEqualByComparingTo("500.50"));
        assertThatThrownBy(() -> lists.create(townshipStaff, AidKind.SCHOOL, year, "助学")).hasMessageContaining("aid.list.kind");
    }
}
