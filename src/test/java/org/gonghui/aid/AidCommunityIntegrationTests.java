package org.gonghui.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.gonghui.aid.AidFigures.Figures;
import org.gonghui.aid.heat.HeatVisitView;
import org.gonghui.aid.heat.HeatVisits;
import org.gonghui.aid.wish.WishStatus;
import org.gonghui.aid.wish.WishView;
import org.gonghui.aid.wish.Wishes;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/** Micro-wishes from post to fulfilment, shown to donors without a name; heat visits recorded, imported, signed off. */
@IntegrationTest
class AidCommunityIntegrationTests {

    @Autowired Wishes wishes;
    @Autowired HeatVisits heat;
    @Autowired AidFigures figures;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired HardshipApplications hardship;
    @Autowired org.gonghui.hardship.internal.MeansTestData standards;
    @Autowired PlatformTime time;

    AidTestData data;
    OrganisationView point;

    @BeforeEach
    void setUp() {
        data = new AidTestData(members, organisations, hardship, standards);
        point = organisations.create(data.org("NB").treePath(), data.org("NB-HS-T01").id(), OrganisationKind.COMMUNITY,
                Fixtures.unique("心愿测试社区"), Fixtures.unique("AIDW-"));
    }

    @Test
    void aWishIsPostedShownWithoutTheNameClaimedOnceAndConfirmedByTheMember() {
        MemberView member = data.member(point.code());
        MemberView outsider = data.member(point.code());
        assertThatThrownBy(() -> wishes.post(outsider.id(), "冬衣", "天冷了", new BigDecimal("200")))
                .hasMessageContaining("aid.eligibility.not-in-archive");
        data.inArchive(member);
        assertThatThrownBy(() -> wishes.post(member.id(), "电脑", "上网课", new BigDecimal("500.01")))
                .hasMessageContaining("aid.wish.above-max");
        assertThatThrownBy(() -> wishes.post(member.id(), " ", "上网课", new BigDecimal("100")))
                .hasMessageContaining("aid.wish.title-required");
        WishView wish = wishes.post(member.id(), "一件冬衣", "孩子的棉衣小了", new BigDecimal("200.00"));

        WishView shown = wishes.open(0, 200).items().stream().filter(w -> w.id() == wish.id()).findFirst().orElseThrow();
        assertThat(shown.memberName()).isNull();
        assertThat(shown.memberId()).isZero();
        assertThat(shown.orgName()).isEqualTo(point.name());
        assertThatThrownBy(() -> wishes.claimAsMember(member.id(), wish.id())).hasMessageContaining("aid.wish.own");
        assertThatThrownBy(() -> wishes.confirm(member.id(), wish.id(), null)).hasMessageContaining("aid.wish.not-claimed");

        CurrentUser unit = data.staff("NB-JB");
        WishView claimed = wishes.claimAsUnit(unit, wish.id(), "江北爱心企业");
        assertThat(claimed.status()).isEqualTo(WishStatus.CLAIMED);
        assertThat(claimed.memberName()).isNull();
        assertThatThrownBy(() -> wishes.claimAsUnit(data.staff("NB-HS"), wish.id(), "海曙单位"))
                .hasMessageContaining("aid.wish.taken");
        assertThat(wishes.open(0, 200).items()).extracting(WishView::id).doesNotContain(wish.id());
        assertThatThrownBy(() -> wishes.withdraw(member.id(), wish.id())).hasMessageContaining("aid.wish.not-open");
        assertThatThrownBy(() -> wishes.confirm(outsider.id(), wish.id(), null)).hasMessageContaining("aid.wish.not-found");

        WishView fulfilled = wishes.confirm(member.id(), wish.id(), "谢谢！");
        assertThat(fulfilled.status()).isEqualTo(WishStatus.FULFILLED);
        assertThat(fulfilled.thanks()).isEqualTo("谢谢！");
        assertThat(wishes.inScope(data.staff("NB-HS-T01"), null, 0, 200).items()).extracting(WishView::id)
                .contains(wish.id());
        assertThat(wishes.inScope(unit, null, 0, 200).items()).extracting(WishView::id).doesNotContain(wish.id());
        Figures year = figures.of(point.treePath(), time.today().getYear());
        assertThat(year.wishesPosted()).isEqualTo(1);
        assertThat(year.wishesFulfilled()).isEqualTo(1);
    }

    @Test
    void heatVisitsAreRecordedImportedAllOrNothingAndSignedOffByASecondPerson() {
        CurrentUser recorder = data.staff("NB-HS-T01");
        String today = time.today().toString();
        HeatVisitView visit = heat.record(recorder, new HeatVisits.Visit(time.today(), "环卫工人", "南门环卫所", 35,
                "绿豆汤、毛巾、清凉油", new BigDecimal("1050.00")));
        assertThatThrownBy(() -> heat.signOff(recorder, visit.id())).hasMessageContaining("aid.heat.second-person");
        assertThatThrownBy(() -> heat.signOff(data.staff("NB-JB"), visit.id())).hasMessageContaining("aid.heat.not-found");
        HeatVisitView signed = heat.signOff(data.staff("NB-HS"), visit.id());
        assertThat(signed.signedOffBy()).isNotNull();
        assertThatThrownBy(() -> heat.signOff(data.staff("NB-HS"), visit.id())).hasMessageContaining("aid.heat.signed-off");
        assertThatThrownBy(() -> heat.record(recorder, new HeatVisits.Visit(time.today().plusDays(1), "外卖骑手", "站点", 10,
                "冰饮", new BigDecimal("100")))).hasMessageContaining("aid.heat.refused");

        String bad = "日期,慰问对象,地点,人数,发放物品,价值\n"
                + today + ",建筑工人,工地,20,防暑药品,600\n"
                + today + ",快递员,,十,西瓜,300\n";
        ImportReport refused = heat.importVisits(recorder, csv(bad));
        assertThat(refused.errors()).extracting(ImportReport.RowError::row).containsExactly(3);
        int before = heat.list(recorder, time.today().getYear()).size();
        ImportReport good = heat.importVisits(recorder, csv(today + ",建筑工人,工地,20,防暑药品,600\n"));
        assertThat(good.succeeded()).isTrue();
        assertThat(heat.list(recorder, time.today().getYear())).hasSize(before + 1);
        assertThat(heat.list(data.staff("NB-JB"), time.today().getYear())).extracting(HeatVisitView::id)
                .doesNotContain(visit.id());
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "visits.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }
}
