package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gonghui.member.MemberView;
import org.gonghui.payment.BatchView;
import org.gonghui.payment.EntitlementStatus;
import org.gonghui.payment.Entitlements;
import org.gonghui.payment.PaymentBatches;
import org.gonghui.payment.ResultOutcome;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mutual aid pays its approved claims through the payment engine, each exactly once. */
@IntegrationTest
class PayoutIntegrationTests {

    static final String PROGRAMME = ClaimPayments.PROGRAMME;
    static final String RESULT_HEADER = "batch_no,payment_id,amount,result,bank_ref,message";
    static final String TRANSFER_HEADER =
            "batch_no,line_no,payment_id,source_ref,account_name,account_number,amount,currency,purpose";

    @Autowired
    MutualAidScenario scenario;
    @Autowired
    PaymentBatches payouts;
    @Autowired
    Entitlements entitlements;
    @Autowired
    Claims claims;
    @Autowired
    ClaimReview review;
    @Autowired
    JdbcClient jdbc;

    /** The bank's answer to a transfer file: every line with the result chosen per claim number. */
    static byte[] bankResult(byte[] transferFile, Function<String, String> resultByClaimNo) {
        StringBuilder out = new StringBuilder(RESULT_HEADER).append('\n');
        List<String> lines = new String(transferFile, StandardCharsets.UTF_8).lines().skip(1).toList();
        for (String line : lines) {
            String[] c = line.split(",");
            String claimNo = c[8].substring(c[8].lastIndexOf(' ') + 1);
            String result = resultByClaimNo.apply(claimNo);
            out.append(c[0]).append(',').append(c[2]).append(',').append(c[6]).append(',').append(result).append(',')
                    .append(result.equals("SUCCESS") ? "BR" + c[2] : "").append(',')
                    .append(result.equals("SUCCESS") ? "" : "账户不存在").append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private MemberView withAccount(MemberView member) {
        scenario.members.changeBankAccount(member.id(), "6222020200" + String.format("%09d", member.id()));
        return member;
    }

    private long paidRows(long claimId) {
        return jdbc.sql("""
                select count(*) from payment_paid p join payment_entitlement e on e.id = p.entitlement_id
                where e.programme = 'MUTUAL_AID' and e.source_ref = :s""").param("s", "claim:" + claimId)
                .query(Long.class).single();
    }

    private long ledgerPayments(long claimId) {
        return jdbc.sql("select count(*) from mutualaid_ledger_txn where source = :s").param("s", "claim-paid:" + claimId)
                .query(Long.class).single();
    }

    private ClaimStatus status(long claimId) {
        return claims.details(scenario.admin(), claimId).claim().status();
    }

    @Test
    void anApprovedClaimIsOwedOnceThroughTheEngine() {
        MemberView member = withAccount(scenario.enrolledStaff("NB-HS-T01", 1).get(0));
        ClaimView claim = scenario.approved(member, "2000");

        var payment = entitlements.find(PROGRAMME, "claim:" + claim.id()).orElseThrow();
        assertThat(payment.amount()).isEqualByComparingTo((claim.approvedAmount() != null ? claim.approvedAmount()
                : claim.computedAmount()).amount());
        assertThat(payment.memberId()).isEqualTo(member.id());
        assertThat(payment.status()).isEqualTo(EntitlementStatus.ENTITLED);
        assertThat(payment.purpose()).endsWith(claim.claimNo());
    }

    @Test
    void paysOnceWhateverIsReimported() {
        MemberView member = withAccount(scenario.enrolledStaff("NB-HS-T01", 1).get(0));
        ClaimView claim = scenario.approved(member, "2000");
        CurrentUser admin = scenario.admin();

        BatchView batch = payouts.createBatch(admin, PROGRAMME).orElseThrow();
        assertThat(status(claim.id())).isEqualTo(ClaimStatus.IN_PAYMENT);
        byte[] transfer = payouts.transferFile(admin, batch.id());
        assertThat(new String(transfer, StandardCharsets.UTF_8)).startsWith(TRANSFER_HEADER)
                .contains("claim:" + claim.id() + "," + member.name() + ",6222020200")
                .contains("职工医疗互助金 " + claim.claimNo());
        byte[] result = bankResult(transfer, no -> "SUCCESS");

        ResultOutcome first = payouts.importResult(admin, batch.id(), result);
        ResultOutcome sameFile = payouts.importResult(admin, batch.id(), result);
        byte[] sameLinesOtherFile = (new String(result, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        ResultOutcome sameLines = payouts.importResult(admin, batch.id(), sameLinesOtherFile);

        assertThat(first.paid()).isGreaterThanOrEqualTo(1);
        assertThat(sameFile.repeatedFile()).isTrue();
        assertThat(sameLines.paid()).isZero();
        assertThat(sameLines.alreadySettled()).isEqualTo(first.paid() + first.failed());
        assertThat(status(claim.id())).isEqualTo(ClaimStatus.PAID);
        assertThat(paidRows(claim.id())).isEqualTo(1);
        assertThat(ledgerPayments(claim.id())).isEqualTo(1);
        assertThat(payouts.batch(admin, batch.id()).settledAt()).isNotNull();
        assertThat(claims.details(scenario.admin(), claim.id()).timeline()).extracting(ClaimEventView::kind)
                .contains("in-payment", "paid");
    }

    @Test
    void generatingTwiceOrCrashingBeforeExportNeverPaysTwice() {
        MemberView member = withAccount(scenario.enrolledStaff("NB-HS-T01", 1).get(0));
        ClaimView claim = scenario.approved(member, "1500");
        CurrentUser admin = scenario.admin();

        BatchView batch = payouts.createBatch(admin, PROGRAMME).orElseThrow();
        // the process "crashes" here: claims are marked in payment, no file was exported
        assertThat(status(claim.id())).isEqualTo(ClaimStatus.IN_PAYMENT);
        assertThat(payouts.createBatch(admin, PROGRAMME)).as("a second run finds nothing new to pay").isEmpty();
        byte[] exported = payouts.transferFile(admin, batch.id());
        byte[] exportedAgain = payouts.transferFile(admin, batch.id());

        assertThat(exportedAgain).isEqualTo(exported);
        assertThat(new String(exported, StandardCharsets.UTF_8)).contains(claim.claimNo());
        long linesForClaim = new String(exported, StandardCharsets.UTF_8).lines()
                .filter(line -> line.endsWith(" " + claim.claimNo())).count();
        assertThat(linesForClaim).isEqualTo(1);
        payouts.importResult(admin, batch.id(), bankResult(exported, no -> "SUCCESS"));
        assertThat(paidRows(claim.id())).isEqualTo(1);
    }

    @Test
    void retriesFailedPaymentAfterAccountIsFixedAndStillPaysOnce() {
        MemberView member = withAccount(scenario.enrolledStaff("NB-HS-T01", 1).get(0));
        ClaimView claim = scenario.approved(member, "1800");
        CurrentUser admin = scenario.admin();
        BatchView first = payouts.createBatch(admin, PROGRAMME).orElseThrow();
        byte[] firstFile = payouts.transferFile(admin, first.id());
        byte[] failure = bankResult(firstFile, no -> no.equals(claim.claimNo()) ? "FAILED" : "SUCCESS");

        ResultOutcome failed = payouts.importResult(admin, first.id(), failure);
        assertThat(failed.failed()).isGreaterThanOrEqualTo(1);
        assertThat(status(claim.id())).isEqualTo(ClaimStatus.PAYMENT_FAILED);
        withAccount(member);
        review.retryPayment(admin, claim.id());
        assertThat(status(claim.id())).isEqualTo(ClaimStatus.APPROVED);
        assertThatThrownBy(() -> review.retryPayment(admin, claim.id()))
                .hasMessageContaining("mutualaid.payout.retry-not-failed");
        BatchView second = payouts.createBatch(admin, PROGRAMME).orElseThrow();
        byte[] secondFile = payouts.transferFile(admin, second.id());
        payouts.importResult(admin, second.id(), bankResult(secondFile, no -> "SUCCESS"));
        // the bank later "confirms" the first attempt after all: it was settled as failed, nothing changes
        byte[] lateSuccess = bankResult(firstFile, no -> "SUCCESS");
        ResultOutcome late = payouts.importResult(admin, first.id(), lateSuccess);

        assertThat(late.paid()).isZero();
        assertThat(status(claim.id())).isEqualTo(ClaimStatus.PAID);
        assertThat(paidRows(claim.id())).isEqualTo(1);
        assertThat(ledgerPayments(claim.id())).isEqualTo(1);
        List<Map<String, Object>> attempts = jdbc.sql("""
                select l.attempt, l.status from payment_line l join payment_entitlement e on e.id = l.entitlement_id
                where e.programme = 'MUTUAL_AID' and e.source_ref = :s order by l.attempt""")
                .param("s", "claim:" + claim.id()).query().listOfRows();
        assertThat(attempts).extracting(row -> row.get("status")).containsExactly("FAILED", "PAID");
    }

    @Test
    void refusesResultLinesThatDoNotMatchTheBatch() {
        MemberView member = withAccount(scenario.enrolledStaff("NB-HS-T01", 1).get(0));
        scenario.approved(member, "1200");
        CurrentUser admin = scenario.admin();
        BatchView batch = payouts.createBatch(admin, PROGRAMME).orElseThrow();
        byte[] transfer = payouts.transferFile(admin, batch.id());
        String tampered = new String(bankResult(transfer, no -> "SUCCESS"), StandardCharsets.UTF_8)
                .replaceFirst("\n(PB[0-9]+),([0-9]+),([0-9.]+),", "\n$1,$2,99999.00,");

        ResultOutcome outcome = payouts.importResult(admin, batch.id(), tampered.getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.refused()).singleElement().asString().endsWith("amount");
    }
}
