package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.card.merchant.MerchantTestData.application;
import static org.gonghui.card.merchant.MerchantTestData.officer;
import static org.gonghui.card.merchant.MerchantTestData.outlet;

import java.time.LocalDate;
import java.util.List;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.gonghui.support.IntegrationTest;

@IntegrationTest
class MerchantNetworkIntegrationTests {

    @Autowired CardMerchants merchants;
    @Autowired MerchantCare care;
    @Autowired MerchantSettings settings;
    @Autowired OutletFinder finder;
    @Autowired Organisations organisations;
    @Autowired Members members;
    @Autowired JdbcClient jdbc;
    @Autowired(required = false) org.gonghui.account.LoggingSmsSender sms;

    @Test
    void theMemberIsTextedTheDecisionOnTheirComplaint() {
        var m = MerchantTestData.approved(merchants, settings, organisations, MerchantTestData.application(
                org.gonghui.support.Fixtures.unique("投诉餐厅"), "dining", MerchantTestData.outlet("总店", 29.87, 121.55)));
        CurrentUser officer = MerchantTestData.officer(organisations);
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        String phone = members.revealOwn(member.id(), org.gonghui.member.PersonalField.PHONE);
        long outlet = m.outlets().get(0).id();
        long dismissed = care.complain(member.id(), outlet, "服务态度差");
        care.decide(officer, dismissed, false, "调看监控未发现问题");
        org.junit.jupiter.api.Assumptions.assumeTrue(sms != null, "texts are captured by the logging sender");
        assertThat(sms.lastTo(phone)).get().asString().contains("总店").contains(String.valueOf(dismissed))
                .contains("未能认定属实").doesNotContain("服务态度差").doesNotContain("监控");
        long upheld = care.complain(member.id(), outlet, "拒绝打折");
        care.decide(officer, upheld, true, "核实属实");
        assertThat(sms.lastTo(phone)).get().asString().contains(String.valueOf(upheld)).contains("经核查属实");
        // a refused decision (already decided) texts nothing more
        assertThatThrownBy(() -> care.decide(officer, upheld, false, "again")).isInstanceOf(DomainException.class);
        assertThat(sms.lastTo(phone)).get().asString().contains(String.valueOf(upheld)).contains("经核查属实");
    }

    @Test
    void fromApplicationThroughSelectionApprovalReviewToExit() {
        // a merchant applies online
        long id = merchants.apply(application(Fixtures.unique("海曙茶楼"), "dining", outlet("鼓楼店", 29.8747, 121.5487)));
        MerchantView applied = merchants.officerFind(officer(organisations), id);
        assertThat(applied.status()).isEqualTo(MerchantStatus.APPLIED);
        assertThat(applied.contactPhoneMasked()).isEqualTo("139****0000");
        assertThat(jdbc.sql("select contact_phone_enc from card_merchant where id = :id").param("id", id)
                .query(String.class).single()).doesNotContain("13905740000");
        assertThat(finder.nearest("dining", 29.8747, 121.5487, 50)).noneMatch(o -> o.merchantId() == id);

        // two reviewers tick the checklist; one finds a criterion not met, then changes the tick after a visit
        CurrentUser reviewer = officer(organisations);
        CurrentUser second = officer(organisations);
        CurrentUser approver = officer(organisations);
        settings.criteria().forEach(c -> merchants.check(reviewer, id, c, true, "现场核实"));
        merchants.check(second, id, "premises", false, "后厨卫生不达标");
        assertThatThrownBy(() -> merchants.approve(approver, id, "HT-1", PlatformZone.today(), PlatformZone.today().plusYears(1), null))
                .hasMessageContaining("card.merchant.approve.criteria");
        merchants.check(second, id, "premises", true, "整改后复查合格");
        assertThatThrownBy(() -> merchants.approve(reviewer, id, "HT-1", PlatformZone.today(), PlatformZone.today().plusYears(1), null))
                .as("a reviewer cannot also approve").hasMessageContaining("card.merchant.approve.second-person");
        assertThatThrownBy(() -> merchants.approve(approver, id, "HT-1", PlatformZone.today(), PlatformZone.today(), null))
                .hasMessageContaining("card.merchant.contract.term");
        MerchantView approved = merchants.approve(approver, id, "HT-2026-001", PlatformZone.today(),
                PlatformZone.today().plusYears(2), "同意");
        assertThat(approved.status()).isEqualTo(MerchantStatus.ACTIVE);
        assertThat(approved.merchantId()).isNotNull();
        assertThat(approved.contractUntil()).isEqualTo(PlatformZone.today().plusYears(2));
        assertThat(merchants.checks(id)).hasSize(settings.criteria().size() + 1);
        assertThat(finder.nearest("dining", 29.8747, 121.5487, 50)).anyMatch(o -> o.merchantId() == id);

        // management: a member rates and complains, the officer upholds, inspects and reviews the quarter
        long outletId = merchants.outlets(id).get(0).id();
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        care.rate(member.id(), outletId, 2, "上菜慢");
        care.rate(member.id(), outletId, 1, "上菜太慢"); // replaces the first
        for (int i = 0; i < 3; i++) {
            long complaint = care.complain(member.id(), outletId, "拒绝给持卡会员打折 " + i);
            care.decide(approver, complaint, true, "核实属实");
        }
        assertThatThrownBy(() -> care.decide(approver, jdbc.sql("select max(id) from card_complaint").query(Long.class).single(),
                false, "again")).hasMessageContaining("card.merchant.complaint.decided");
        assertThat(jdbc.sql("select text_enc from card_complaint where card_merchant_id = :id").param("id", id)
                .query(String.class).list()).noneMatch(t -> t.contains("拒绝"));
        care.inspect(approver, id, outletId, PlatformZone.today(), 55, "价目表未公示会员价");
        LocalDate today = PlatformZone.today();
        var review = care.review(approver, id, today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
        assertThat(review.inputs().upheldComplaints()).isEqualTo(3);
        assertThat(review.inputs().averageStars()).isEqualByComparingTo("1");
        assertThat(review.score().flagged()).isTrue();
        assertThat(merchants.officerFind(approver, id).flagged()).isTrue();

        // the federation decides the exit: notice today, discounts stop in 30 days
        assertThatThrownBy(() -> merchants.exit(approver, id, "投诉属实", today)).hasMessageContaining("card.merchant.exit.date");
        MerchantView exiting = merchants.exit(approver, id, "本季度三起投诉属实，巡查不合格", today.plusDays(30));
        assertThat(exiting.status()).isEqualTo(MerchantStatus.EXITING);
        assertThat(exiting.exitSide()).isEqualTo("FEDERATION");
        assertThat(exiting.discountsOn(today.plusDays(29))).isTrue();
        assertThat(exiting.discountsOn(today.plusDays(30))).isFalse();
    }

    @Test
    void aMerchantLeavesOnItsOwnNotice() {
        var m = MerchantTestData.approved(merchants, settings, organisations,
                application(Fixtures.unique("江北超市"), "supermarket", outlet("洪塘店", 29.92, 121.50)));
        MerchantView exiting = merchants.exit(m.account(), 0, "门店装修停业", PlatformZone.today().plusDays(15));
        assertThat(exiting.exitSide()).isEqualTo("MERCHANT");
        assertThat(exiting.id()).isEqualTo(m.id());
    }

    @Test
    void badApplicationsAreRefusedAndNothingIsKept() {
        long before = jdbc.sql("select count(*) from card_merchant").query(Long.class).single();
        long outletsBefore = jdbc.sql("select count(*) from card_outlet").query(Long.class).single();
        var good = application("好店", "cinema", outlet("店", 29.87, 121.55));
        assertThatThrownBy(() -> merchants.apply(new MerchantApplication("好店", "91350100M000100Y44", good.categories(),
                good.committedDiscount(), good.contactName(), good.contactPhone(), good.outlets())))
                .hasMessageContaining("card.merchant.licence.invalid");
        assertThatThrownBy(() -> merchants.apply(new MerchantApplication("好店", good.licenceCode(), List.of("casino"),
                good.committedDiscount(), good.contactName(), good.contactPhone(), good.outlets())))
                .hasMessageContaining("card.merchant.category.invalid");
        assertThatThrownBy(() -> merchants.apply(new MerchantApplication("好店", good.licenceCode(), good.categories(),
                good.committedDiscount(), good.contactName(), "12345", good.outlets())))
                .hasMessageContaining("card.merchant.phone.invalid");
        assertThatThrownBy(() -> merchants.apply(new MerchantApplication("好店", good.licenceCode(), good.categories(),
                good.committedDiscount(), good.contactName(), good.contactPhone(),
                List.of(outlet("店", 29.87, 121.55), outlet("坏", 95, 121.55)))))
                .hasMessageContaining("card.merchant.outlet.position");
        assertThatThrownBy(() -> merchants.apply(new MerchantApplication("好店", good.licenceCode(), good.categories(),
                good.committedDiscount(), good.contactName(), good.contactPhone(), List.of())))
                .hasMessageContaining("card.merchant.outlets.none");
        assertThat(jdbc.sql("select count(*) from card_merchant").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from card_outlet").query(Long.class).single()).isEqualTo(outletsBefore);
        merchants.apply(good);
        assertThatThrownBy(() -> merchants.apply(good)).hasMessageContaining("card.merchant.licence.taken");
    }

    @Test
    void onlyCityOfficersManageMerchants() {
        CurrentUser district = Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.ADMIN);
        long id = merchants.apply(application(Fixtures.unique("店"), "health", outlet("店", 29.87, 121.55)));
        assertThatThrownBy(() -> merchants.check(district, id, "licence", true, null))
                .isInstanceOf(DomainException.class).hasMessageContaining("card.merchant.officers-only");
        CurrentUser member = Fixtures.member(1);
        assertThatThrownBy(() -> merchants.all(member)).hasMessageContaining("card.merchant.officers-only");
    }

    @Test
    void theNearestOutletsOfACategoryComeNearestFirstAndOnlyFromLiveMerchants() {
        var random = new java.util.Random();
        // off the coast of 象山县 (within 100 km of its centre), away from the demo data and other tests' outlets
        double lat = 29.30 + random.nextDouble() * 0.25;
        double lng = 122.40 + random.nextDouble() * 0.25;
        var m = MerchantTestData.approved(merchants, settings, organisations, application(Fixtures.unique("影城"), "cinema",
                MerchantTestData.outlet("远", "象山县", lat + 0.05, lng), MerchantTestData.outlet("近", "象山县", lat + 0.001, lng),
                MerchantTestData.outlet("中", "象山县", lat, lng + 0.01)));
        var found = finder.nearest("cinema", lat, lng, 3);
        assertThat(found).extracting(OutletView::name).containsExactly("近", "中", "远");
        assertThat(found.get(0).metres()).isBetween(100L, 120L);
        assertThat(finder.nearest("cinema", lat, lng, 1)).extracting(OutletView::name).containsExactly("近");
        assertThat(finder.nearest("dining", lat, lng, 3)).noneMatch(o -> o.merchantId() == m.id());
        assertThatThrownBy(() -> finder.nearest("cinema", 91, lng, 3)).hasMessageContaining("card.merchant.outlet.position");
    }
}
