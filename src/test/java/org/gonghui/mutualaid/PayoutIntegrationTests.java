package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gonghui.member.MemberView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PayoutIntegrationTests {

    @Autowired
    MutualAidScenario scenario;
    @Autowired
    Payouts payouts;
    @Autowired
    Claims claims;
    @Autowired
    JdbcClient jdbc;

    /** The bank's answer to a transfer file: every line with the result chosen per claim number. */
    static byte[] bankResult(byte[] transferFile, Function<String, String> resultByClaimNo) {
        StringBuilder out = new StringBuilder(Payouts.RESULT_HEADER).append('\n');
        List<String> lines = new String(transferFile, StandardCharsets.UTF_8).lines().skip(1).toList();
        for (String line : lines) {
            String[] c = line.split(",");
            String result = resultByClaimNo.apply(c[3]);
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
        return jdbc.sql("select count(*) from mutualaid_paid_claim where claim_id = :c").param("c", claimId)
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
    void paysOnceWhateverIsReimported() {
        MemberView member = withAccount(scenario.enrolledStaff("NB-HS-T01", 1).get(0));
        ClaimView claim = scenario.approved(member, "2000");
        CurrentUser admin = scenario.admin();

        PayoutBatchView batch = payouts.createBatch(admin).orElseThrow();
        byte[] transfer = payouts.transferFile(admin, batch.id());
        assertThat(new String(transfer, StandardCharsets.UTF_8)).startsWith(Payouts.TRANSFER_HEADER)
                .contains(claim.claimNo() + "," + member.name() + ",6222020200");
        byte[] result = bankResult(transfer, no -> "SUCCESS");

        BankResultOutcome first = payouts.importResult(admin, batch.id(), result);
        BankResultOutcome sameFile = payouts.importResult(admin, batch.id(), result);
        byte[] sameLinesOtherFile = (new String(result, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        BankResultOutcome sameLines = payouts.importResult(admin, batch.id(), sameLinesOtherFile);

        assertThat(first.paid()).isGreaterThanOrEqualTo(1);
        assertThat(sameFile.repeatedFile()).isTrue();
        assertThat(sameLines.paid()).isZero();
        assertThat(sameLines.alreadySettled()).isEqualTo(first.paid() + first.failed());
        assertThat(status(claim.id())).isEqualTo(ClaimStatus.PAID);
        assertThat(paidRows(claim.id())).isEqualTo(1);
        assertThat(ledgerPayments(claim.id())).isEqualTo(1);
        assertThat(payouts.batch(admin, batch.id()).settledAt()).isNotNull();
    }

    @Test
    void generatingTwiceOrCrashingBeforeExportNeverPaysTwice() {
        MemberView member = withAccount(scenario.enrolledStaff("NB-HS-T01", 1).get(0));
        ClaimView claim = scenario.approved(member, "1500");
        CurrentUser admin = scenario.admin();

        PayoutBatchView batch = payouts.createBatch(admin).orElseThrow();
        // the process "crashes" here: claims are marked in payment, no file was exported
        assertThat(status(claim.id())).isEqualTo(ClaimStatus.IN_PAYMENT);
        assertThat(payouts.createBatch(admin)).as("a second run finds nothing new to pay").isEmpty();
        byte[] exported = payouts.transferFile(admin, batch.id());
        byte[] exportedAgain = payouts.transferFile(admin, batch.id());

        assertThat(exportedAgain).isEqualTo(exported);
        assertThat(new String(exported, StandardCharsets.UTF_8)).contains(claim.claimNo());
        long linesForClaim = new String(exported, StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("," + claim.claimNo() + ",")).count();
        assertThat(linesForClaim).isEqualTo(1);
        payouts.importResult(admin, batch.id(), bankResult(exported, no -> "SUCCESS"));
        assertThat(paidRows(claim.id())).isEqualTo(1);
    }

    @Test
    void retriesFailedPaymentAfterAccountIsFixedAndStillPaysOnce() {
        MemberView member = withAccount(scenario.enrolledStaff("NB-HS-T01", 1).get(0));
        ClaimView claim = scenario.approved(member, "1800");
        CurrentUser admin = scenario.admin();
        PayoutBatchView first = payouts.createBatch(admin).orElseThrow();
        byte[] firstFile = payouts.transferFile(admin, first.id());
        byte[] failure = bankResult(firstFile, no -> no.equals(claim.claimNo()) ? "FAILED" : "SUCCESS");

        BankResultOutcome failed = payouts.importResult(admin, first.id(), failure);
        assertThat(failed.failed()).isGreaterThanOrEqualTo(1);
        assertThat(status(claim.id())).isEqualTo(ClaimStatus.PAYMENT_FAILED);
        withAccount(member);
        payouts.retry(admin, claim.id());
        PayoutBatchView second = payouts.createBatch(admin).orElseThrow();
        byte[] secondFile = payouts.transferFile(admin, second.id());
        payouts.importResult(admin, second.id(), bankResult(secondFile, no -> "SUCCESS"));
        // the bank later "confirms" the first attempt after all: it was settled as failed, nothing changes
        byte[] lateSuccess = bankResult(firstFile, no -> "SUCCESS");
        BankResultOutcome late = payouts.importResult(admin, first.id(), lateSuccess);

        assertThat(late.paid()).isZero();
        assertThat(status(claim.id())).isEqualTo(ClaimStatus.PAID);
        assertThat(paidRows(claim.id())).isEqualTo(1);
        assertThat(ledgerPayments(claim.id())).isEqualTo(1);
        List<Map<String, Object>> attempts = jdbc.sql(
                "select attempt, status from mutualaid_payout where claim_id = :c order by attempt")
                .param("c", claim.id()).query().listOfRows();
        assertThat(attempts).extracting(row -> row.get("status")).containsExactly("FAILED", "PAID");
    }

    @Test
    void refusesResultLinesThatDoNotMatchTheBatch() {
        MemberView member = withAccount(scenario.enrolledStaff("NB-HS-T01", 1).get(0));
        scenario.approved(member, "1200");
        CurrentUser admin = scenario.admin();
        PayoutBatchView batch = payouts.createBatch(admin).orElseThrow();
        byte[] transfer = payouts.transferFile(admin, batch.id());
        String tampered = new String(bankResult(transfer, no -> "SUCCESS"), StandardCharsets.UTF_8)
                .replaceFirst("\n(PB[0-9]+),([0-9]+),([0-9.]+),", "\n$1,$2,99999.00,");

        BankResultOutcome outcome = payouts.importResult(admin, batch.id(), tampered.getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.refused()).singleElement().asString().endsWith("amount");
    }
}
