package org.gonghui.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.gonghui.aid.grant.AidKind;
import org.gonghui.aid.grant.BudgetView;
import org.gonghui.aid.grant.Budgets;
import org.gonghui.aid.grant.GrantReview;
import org.gonghui.aid.grant.GrantStatus;
import org.gonghui.aid.grant.GrantView;
import org.gonghui.aid.grant.Grants;
import org.gonghui.aid.grant.SchoolLevel;
import org.gonghui.aid.grant.SchoolYear;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.payment.EntitlementView;
import org.gonghui.payment.Entitlements;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applications from the member up: the township checks, the district approves (a second approver above the limit),
 * eligibility is read again at approval, the budget is committed (never overspent), money becomes a payment
 * entitlement; school aid once per child and school year whichever parent applies.
 */
@IntegrationTest
class AidGrantIntegrationTests {

    @Autowired Grants grants;
    @Autowired GrantReview review;
    @Autowired Budgets budgets;
    @Autowired Entitlements entitlements;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired HardshipApplications hardship;
    @Autowired org.gonghui.hardship.internal.MeansTestData standards;
    @Autowired PlatformTime time;
    @Autowired JdbcClient jdbc;

    AidTestData data;
    OrganisationView point;
    CurrentUser township;
    CurrentUser district;
    CurrentUser secondDistrict;
    int schoolYear;

    @BeforeEach
    void setUp() {
        data = new AidTestData(members, organisations, hardship, standards);
        point = organisations.create(data.org("NB").treePath(), data.org("NB-HS-T01").id(), OrganisationKind.ENTERPRISE,
                Fixtures.unique("助学测试企业"), Fixtures.unique("AID-"));
        township = data.staff("NB-HS-T01");
        district = data.staff("NB-HS");
        secondDistrict = data.staff("NB-HS");
        schoolYear = SchoolYear.applyingOn(time.today()).startYear();
    }

    private MemberView memberInArchive() {
        MemberView member = data.member(point.code());
        data.inArchive(member);
        return member;
    }

    private BudgetView budget(AidKind kind, int year, String amount) {
        return budgets.set(district, point.id(), kind, year, new BigDecimal(amount));
    }

    private static String childId(int n) {
        String first17 = "330203" + (2010 + n % 8) + "0612" + String.format("%03d", n % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static int children = (int) (System.nanoTime() % 500);

    private static String newChildId() {
        return childId(children++);
    }

    @Test
    void schoolAidGoesFromTheMemberThroughTownshipAndDistrictToAPaymentEntitlement() {
        MemberView parent = memberInArchive();
        BudgetView budget = budget(AidKind.SCHOOL, schoolYear, "10000");
        String child = newChildId();
        GrantView applied = grants.applyForSchoolAid(parent.id(), "王小明", child, SchoolLevel.JUNIOR_HIGH, "海曙中学");
        assertThat(applied.status()).isEqualTo(GrantStatus.APPLIED);
        assertThat(applied.amount()).isEqualByComparingTo("2500.00");
        assertThat(applied.childIdMasked()).isEqualTo(child.substring(0, 4) + "**********" + child.substring(14));
        assertThat(applied.childNameMasked()).isEqualTo("王**");
        assertThat(jdbc.sql("select child_id_enc from aid_grant where id = :id").param("id", applied.id())
                .query(String.class).single()).startsWith("v1:").doesNotContain(child);

        GrantView checked = review.check(township, applied.id(), applied.version(), new BigDecimal("9999"), "入户核实");
        assertThat(checked.status()).isEqualTo(GrantStatus.CHECKED);
        assertThat(checked.amount()).as("school aid's amount is the level's").isEqualByComparingTo("2500.00");
        assertThatThrownBy(() -> review.approve(township, applied.id(), checked.version()))
                .hasMessageContaining("aid.approve.district-only");
        GrantView approved = review.approve(district, applied.id(), checked.version());
        assertThat(approved.status()).isEqualTo(GrantStatus.APPROVED);
        assertThat(approved.paymentStatus()).isEqualTo("ENTITLED");

        EntitlementView entitlement = entitlements.find("SCHOOL_AID", "grant:" + applied.id()).orElseThrow();
        assertThat(entitlement.memberId()).isEqualTo(parent.id());
        assertThat(entitlement.amount()).isEqualByComparingTo("2500.00");
        assertThat(budgets.list(district, schoolYear)).filteredOn(b -> b.id() == budget.id()).singleElement()
                .satisfies(b -> assertThat(b.figures().committed()).isEqualByComparingTo("2500.00"));
        assertThat(grants.timeline(applied.id())).extracting(e -> e.kind()).containsExactly("applied", "checked", "approved");
        assertThat(grants.own(parent.id())).extracting(GrantView::id).containsExactly(applied.id());
    }

    @Test
    void twoParentsWhoAreBothMembersGetOneGrantPerChildAndSchoolYear() {
        MemberView mother = memberInArchive();
        MemberView father = memberInArchive();
        String child = newChildId();
        GrantView first = grants.applyForSchoolAid(mother.id(), "李小花", child, SchoolLevel.PRIMARY, "南门小学");
        assertThatThrownBy(() -> grants.applyForSchoolAid(father.id(), "李小花", child.toLowerCase(), SchoolLevel.PRIMARY, "南门小学"))
                .isInstanceOf(DomainException.class).hasMessageContaining("aid.school.child-already");
        assertThatThrownBy(() -> grants.applyForSchoolAid(mother.id(), "李小花", child, SchoolLevel.SENIOR_HIGH, "另一所"))
                .hasMessageContaining("aid.school.child-already");
        GrantView sibling = grants.applyForSchoolAid(father.id(), "李小草", newChildId(), SchoolLevel.PRIMARY, "南门小学");
        assertThat(sibling.status()).isEqualTo(GrantStatus.APPLIED);

        review.reject(township, first.id(), first.version(), "材料不实");
        GrantView again = grants.applyForSchoolAid(father.id(), "李小花", child, SchoolLevel.PRIMARY, "南门小学");
        assertThat(again.memberId()).as("once refused, the child may be applied for again").isEqualTo(father.id());
    }

    @Test
    void aMemberNotInTheArchiveCannotApplyAndBadInputIsRefused() {
        MemberView outsider = data.member(point.code());
        assertThatThrownBy(() -> grants.applyForSchoolAid(outsider.id(), "张三", newChildId(), SchoolLevel.PRIMARY, "小学"))
                .hasMessageContaining("aid.eligibility.not-in-archive");
        assertThatThrownBy(() -> grants.applyForHardshipAid(outsider.id(), AidKind.LIVING, new BigDecimal("500"), "生病"))
                .hasMessageContaining("aid.eligibility.not-in-archive");
        MemberView member = memberInArchive();
        assertThatThrownBy(() -> grants.applyForSchoolAid(member.id(), "张三", "330203201006120019", SchoolLevel.PRIMARY, "小学"))
                .hasMessageContaining("member.id-number");
        assertThatThrownBy(() -> grants.applyForSchoolAid(member.id(), "张三", newChildId(), null, "小学"))
                .hasMessageContaining("aid.school.level-required");
        String adult = "330203" + "1980" + "0101" + "123";
        assertThatThrownBy(() -> grants.applyForSchoolAid(member.id(), "张三", adult + IdNumber.checkCharacter(adult),
                SchoolLevel.COLLEGE, "大学")).hasMessageContaining("aid.school.child-age");
        assertThatThrownBy(() -> grants.applyForHardshipAid(member.id(), AidKind.LIVING, new BigDecimal("10.001"), "生病"))
                .hasMessageContaining("aid.amount.fen");
        assertThatThrownBy(() -> grants.applyForHardshipAid(member.id(), AidKind.LIVING, new BigDecimal("20000.01"), "生病"))
                .hasMessageContaining("aid.amount.above-max");
        assertThatThrownBy(() -> grants.applyForHardshipAid(member.id(), AidKind.SCHOOL, new BigDecimal("100"), "生病"))
                .hasMessageContaining("aid.apply.kind");
        assertThatThrownBy(() -> grants.applyForHardshipAid(member.id(), AidKind.MEDICAL, new BigDecimal("100"), "  "))
                .hasMessageContaining("aid.apply.reason-required");
        grants.applyForHardshipAid(member.id(), AidKind.MEDICAL, new BigDecimal("100"), "住院");
        assertThatThrownBy(() -> grants.applyForHardshipAid(member.id(), AidKind.MEDICAL, new BigDecimal("100"), "又住院"))
                .hasMessageContaining("aid.apply.open-exists");
        assertThat(jdbc.sql("select count(*) from aid_grant where member_id = :m").param("m", member.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aGrantAboveTheLimitNeedsASecondDifferentApproverAndTheCheckerMayNotApprove() {
        MemberView member = memberInArchive();
        budget(AidKind.LIVING, time.today().getYear(), "20000");
        GrantView applied = grants.applyForHardshipAid(member.id(), AidKind.LIVING, new BigDecimal("5000"), "重病，无收入");
        CurrentUser districtChecker = data.staff("NB-HS");
        GrantView checked = review.check(districtChecker, applied.id(), applied.version(), null, null);
        assertThatThrownBy(() -> review.approve(districtChecker, applied.id(), checked.version()))
                .hasMessageContaining("aid.approve.not-checker");
        GrantView first = review.approve(district, applied.id(), checked.version());
        assertThat(first.status()).isEqualTo(GrantStatus.AWAITING_SECOND_APPROVAL);
        assertThat(entitlements.find("HARDSHIP_LIVING", "grant:" + applied.id())).isEmpty();
        assertThatThrownBy(() -> review.approve(district, applied.id(), first.version()))
                .hasMessageContaining("aid.approve.second-person");
        assertThatThrownBy(() -> review.approve(secondDistrict, applied.id(), checked.version()))
                .hasMessageContaining("aid.grant.changed");
        GrantView second = review.approve(secondDistrict, applied.id(), first.version());
        assertThat(second.status()).isEqualTo(GrantStatus.APPROVED);
        assertThat(entitlements.find("HARDSHIP_LIVING", "grant:" + applied.id())).isPresent();

        MemberView small = memberInArchive();
        GrantView modest = grants.applyForHardshipAid(small.id(), AidKind.LIVING, new BigDecimal("3000.00"), "生活困难");
        GrantView modestChecked = review.check(township, modest.id(), modest.version(), null, null);
        assertThat(review.approve(district, modest.id(), modestChecked.version()).status())
                .as("at the limit one approver is enough").isEqualTo(GrantStatus.APPROVED);
    }

    @Test
    void whoLeftTheArchiveBeforeApprovalIsDroppedWithTheReasonAndNothingIsCommitted() {
        MemberView member = data.member(point.code());
        long archive = data.inArchive(member);
        BudgetView budget = budget(AidKind.MEDICAL, time.today().getYear(), "8000");
        GrantView applied = grants.applyForHardshipAid(member.id(), AidKind.MEDICAL, new BigDecimal("1200"), "住院自付");
        GrantView checked = review.check(township, applied.id(), applied.version(), null, null);
        data.leave(archive, member);
        GrantView dropped = review.approve(district, applied.id(), checked.version());
        assertThat(dropped.status()).isEqualTo(GrantStatus.DROPPED);
        assertThat(dropped.statusReason()).isEqualTo("aid.drop.left-archive");
        assertThat(entitlements.find("HARDSHIP_MEDICAL", "grant:" + applied.id())).isEmpty();
        assertThat(budgets.list(district, time.today().getYear())).filteredOn(b -> b.id() == budget.id()).singleElement()
                .satisfies(b -> assertThat(b.figures().committed()).isEqualByComparingTo("0.00"));
    }

    @Test
    void anApprovalTheBudgetDoesNotCoverIsRefusedWholeAndBudgetsAreSetOnlyBelowOneself() {
        MemberView member = memberInArchive();
        GrantView applied = grants.applyForHardshipAid(member.id(), AidKind.MEDICAL, new BigDecimal("1500"), "住院自付");
        GrantView checked = review.check(township, applied.id(), applied.version(), null, null);
        budget(AidKind.MEDICAL, time.today().getYear(), "1000");
        assertThatThrownBy(() -> review.approve(district, applied.id(), checked.version()))
                .isInstanceOf(DomainException.class).hasMessageContaining("aid.budget.exhausted");
        assertThat(grants.inScope(district, applied.id()).status()).isEqualTo(GrantStatus.CHECKED);
        assertThat(entitlements.find("HARDSHIP_MEDICAL", "grant:" + applied.id())).isEmpty();
        budget(AidKind.MEDICAL, time.today().getYear(), "1500");
        assertThat(review.approve(district, applied.id(), checked.version()).status()).isEqualTo(GrantStatus.APPROVED);
        assertThatThrownBy(() -> budget(AidKind.MEDICAL, time.today().getYear(), "1499.99"))
                .hasMessageContaining("aid.budget.below-committed");
        assertThatThrownBy(() -> budgets.set(data.staff("NB-JB"), point.id(), AidKind.MEDICAL, time.today().getYear(),
                new BigDecimal("100"))).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> budgets.set(district, data.org("NB-HS").id(), AidKind.MEDICAL, time.today().getYear(),
                new BigDecimal("100"))).hasMessageContaining("aid.budget.own-organisation");
    }

    @Test
    void staffSeeOnlyTheirSubtreesGrantsAndTheChildsIdNumberIsRevealedOnlyWithAnAuditLine() {
        MemberView member = memberInArchive();
        String child = newChildId();
        GrantView applied = grants.applyForSchoolAid(member.id(), "赵小宝", child, SchoolLevel.VOCATIONAL, "职高");
        CurrentUser jiangbei = data.staff("NB-JB");
        assertThatThrownBy(() -> grants.inScope(jiangbei, applied.id())).hasMessageContaining("aid.grant.not-found");
        assertThatThrownBy(() -> review.check(jiangbei, applied.id(), applied.version(), null, null))
                .hasMessageContaining("aid.grant.not-found");
        assertThatThrownBy(() -> grants.revealChildId(jiangbei, applied.id())).hasMessageContaining("aid.grant.not-found");
        assertThat(grants.search(jiangbei, null, AidKind.SCHOOL, 0, 200).items()).extracting(GrantView::id)
                .doesNotContain(applied.id());
        assertThat(grants.search(township, null, AidKind.SCHOOL, 0, 200).items()).extracting(GrantView::id)
                .contains(applied.id());
        MemberView other = data.member(point.code());
        assertThatThrownBy(() -> grants.ownGrant(other.id(), applied.id())).hasMessageContaining("aid.grant.not-found");

        long reveals = jdbc.sql("select count(*) from audit_log where action = 'aid.grant.reveal-child-id'").query(Long.class).single();
        assertThat(grants.revealChildId(township, applied.id())).isEqualTo(child);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'aid.grant.reveal-child-id'").query(Long.class)
                .single()).isEqualTo(reveals + 1);
    }
}
