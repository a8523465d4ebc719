package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gonghui.member.MemberView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The fund balances after every operation of a randomised sequence, and its figures agree with the claims. */
@IntegrationTest
class FundLedgerIntegrationTests {

    @Autowired
    MutualAidScenario scenario;
    @Autowired
    Fund fund;
    @Autowired
    org.gonghui.payment.PaymentBatches payouts;
    @Autowired
    ClaimReview review;
    @Autowired
    org.gonghui.payment.PaymentJournal journal;
    @Autowired
    JdbcClient jdbc;

    @Test
    void ledgerBalancesAfterEveryOperationOfARandomSequence() {
        long seed = Long.getLong("fund.seed", System.nanoTime());
        Random random = new Random(seed);
        CurrentUser admin = scenario.admin();
        List<MemberView> enrolled = new ArrayList<>();
        List<ClaimView> open = new ArrayList<>();
        List<Long> batches = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            int op = enrolled.isEmpty() ? 0 : random.nextInt(7);
            String what;
            try {
                switch (op) {
                    case 0 -> {
                        List<MemberView> staff = scenario.enrolledStaff("NB-HS-T01", 1 + random.nextInt(3));
                        staff.forEach(m -> scenario.members.changeBankAccount(m.id(),
                                "6222020200" + String.format("%09d", m.id())));
                        enrolled.addAll(staff);
                        what = "enrol " + staff.size();
                    }
                    case 1, 2 -> {
                        MemberView member = enrolled.get(random.nextInt(enrolled.size()));
                        ClaimView claim = scenario.submitComplete(member, String.valueOf(100 + random.nextInt(20000)));
                        review.accept(admin, claim.id(), null);
                        open.add(claim);
                        what = "submit " + claim.id();
                    }
                    case 3 -> {
                        if (open.isEmpty()) {
                            continue;
                        }
                        ClaimView claim = open.remove(random.nextInt(open.size()));
                        ClaimView view = review.approve(admin, claim.id(), null);
                        if (view.status() == ClaimStatus.AWAITING_SECOND_APPROVAL) {
                            review.approve(scenario.admin(), claim.id(), null);
                        }
                        what = "approve " + claim.id();
                    }
                    case 4 -> {
                        var batch = payouts.createBatch(admin, ClaimPayments.PROGRAMME);
                        batch.ifPresent(b -> batches.add(b.id()));
                        what = "batch " + batch.map(org.gonghui.payment.BatchView::id).orElse(null);
                    }
                    case 5 -> {
                        if (batches.isEmpty()) {
                            continue;
                        }
                        long batch = batches.get(random.nextInt(batches.size()));
                        byte[] result = PayoutIntegrationTests.bankResult(payouts.transferFile(admin, batch),
                                no -> random.nextInt(4) == 0 ? "FAILED" : "SUCCESS");
                        payouts.importResult(admin, batch, result);
                        if (random.nextBoolean()) {
                            payouts.importResult(admin, batch, result);
                        }
                        what = "import " + batch;
                    }
                    default -> {
                        List<Long> failed = jdbc.sql("select id from mutualaid_claim where status = 'PAYMENT_FAILED'")
                                .query(Long.class).list();
                        if (failed.isEmpty()) {
                            continue;
                        }
                        review.retryPayment(admin, failed.get(random.nextInt(failed.size())));
                        what = "retry";
                    }
                }
            } catch (DomainException e) {
                what = "refused " + e.code();
            }
            assertBalanced("seed " + seed + ", step " + step + " (" + what + ")");
        }
    }

    private void assertBalanced(String when) {
        assertThat(fund.unbalancedTransactions()).as(when).isZero();
        Map<FundAccount, Money> balances = fund.balances(ReferenceRules.INPATIENT, scenario.year());
        Money total = balances.values().stream().reduce(Money.ZERO, Money::plus);
        assertThat(total).as(when).isEqualTo(Money.ZERO);
        Money granted = sum("""
                select coalesce(sum(coalesce(approved_amount, computed_amount)), 0) from mutualaid_claim
                where project = 'INPATIENT' and cover_year = :y
                  and status in ('APPROVED', 'IN_PAYMENT', 'PAID', 'PAYMENT_FAILED')""");
        Money paid = sum("""
                select coalesce(sum(l.amount), 0) from payment_line l join payment_entitlement e on e.id = l.entitlement_id
                join mutualaid_claim c on e.programme = 'MUTUAL_AID' and e.source_ref = concat('claim:', c.id)
                where l.status = 'PAID' and c.project = 'INPATIENT' and c.cover_year = :y""");
        Money contributions = sum("""
                select coalesce(sum(contribution), 0) from mutualaid_enrolment where project = 'INPATIENT' and cover_year = :y""");
        assertThat(balances.get(FundAccount.BENEFITS)).as(when + ": benefits = granted claims").isEqualTo(granted);
        assertThat(balances.get(FundAccount.PAYABLE).negate()).as(when + ": payable").isEqualTo(granted.minus(paid));
        assertThat(balances.get(FundAccount.CONTRIBUTIONS).negate()).as(when + ": income").isEqualTo(contributions);
        assertThat(balances.get(FundAccount.BANK)).as(when + ": bank").isEqualTo(contributions.minus(paid));
        FundReport report = fund.report(ReferenceRules.INPATIENT, scenario.year(), PlatformZone.today());
        assertThat(report.balanced()).as(when).isTrue();
        assertThat(journal.balances(ClaimPayments.PROGRAMME).balanced()).as(when + ": the engine's journal").isTrue();
        assertThat(report.enrolments()).as(when + ": enrolments counted as written").isEqualTo(jdbc.sql("""
                select count(*) from mutualaid_enrolment where project = 'INPATIENT' and cover_year = :y""")
                .param("y", scenario.year().startYear()).query(Long.class).single());
    }

    private Money sum(String sql) {
        return new Money(jdbc.sql(sql).param("y", scenario.year().startYear()).query(java.math.BigDecimal.class).single());
    }
}
