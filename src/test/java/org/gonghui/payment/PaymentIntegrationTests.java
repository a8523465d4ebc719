package org.gonghui.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gonghui.member.MemberView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PaymentIntegrationTests {

    @Autowired
    PaymentTestSupport support;
    @Autowired
    Entitlements entitlements;
    @Autowired
    PaymentBatches batches;
    @Autowired
    PaymentJournal journal;
    @Autowired
    PayeeAccounts payees;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentFigures figures;

    private long paidRows(long entitlementId) {
        return jdbc.sql("select count(*) from payment_paid where entitlement_id = :e").param("e", entitlementId)
                .query(Long.class).single();
    }

    private long journalPayments(long entitlementId) {
        return jdbc.sql("select count(*) from payment_journal where source = :s").param("s", "paid:" + entitlementId)
                .query(Long.class).single();
    }

    private EntitlementView view(long id) {
        return batches.entitlement(support.admin("NB"), id);
    }

    private void assertJournalBalanced() {
        LedgerBalances balances = journal.balances(PaymentTestSupport.PROGRAMME);
        assertThat(balances.balanced()).isTrue();
        BigDecimal owed = jdbc.sql("""
                select coalesce(sum(amount), 0) from payment_entitlement where programme = :p and status <> 'CANCELLED'""")
                .param("p", PaymentTestSupport.PROGRAMME).query(BigDecimal.class).single();
        BigDecimal paid = jdbc.sql("""
                select coalesce(sum(amount), 0) from payment_entitlement where programme = :p and status = 'PAID'""")
                .param("p", PaymentTestSupport.PROGRAMME).query(BigDecimal.class).single();
        assertThat(balances.expense()).as("expense = entitled, not cancelled").isEqualByComparingTo(owed);
        assertThat(balances.payable().negate()).as("payable = owed, not paid").isEqualByComparingTo(owed.subtract(paid));
        assertThat(balances.bank().negate()).as("bank = paid").isEqualByComparingTo(paid);
    }

    @Test
    void theSameRequestAnswersTheSameEntitlementAndAnotherAmountIsAConflict() {
        MemberView member = support.memberWithAccount("NB-HS-T01-E1");
        EntitlementRequest request = support.request(member, "300.5");

        long id = entitlements.entitle(request);
        long again = entitlements.entitle(request);
        List<Long> many = entitlements.entitleAll(List.of(request, support.request(member, "20")));

        assertThat(again).isEqualTo(id);
        assertThat(many.get(0)).isEqualTo(id);
        assertThat(many.get(1)).isNotEqualTo(id);
        EntitlementView view = entitlements.find(PaymentTestSupport.PROGRAMME, request.sourceRef()).orElseThrow();
        assertThat(view.amount()).isEqualTo(new BigDecimal("300.50"));
        assertThat(view.status()).isEqualTo(EntitlementStatus.ENTITLED);
        assertThat(view.payeeMasked()).endsWith(PaymentTestSupport.registryAccount(member.id()).substring(15));
        assertThatThrownBy(() -> entitlements.entitle(new EntitlementRequest(request.programme(), request.sourceRef(),
                member.id(), member.orgPath(), new BigDecimal("301"), "测试补助")))
                .isInstanceOf(DomainException.class).hasMessageContaining("payment.entitlement.conflict");
        assertThat(jdbc.sql("select count(*) from payment_journal where source = :s").param("s", "entitled:" + id)
                .query(Long.class).single()).isEqualTo(1);
        assertJournalBalanced();
    }

    @Test
    void refusesBadRequestsAndWritesNothingOfTheList() {
        MemberView member = support.memberWithAccount("NB-HS-T01-E1");
        EntitlementRequest good = support.request(member, "10");
        long before = jdbc.sql("select count(*) from payment_entitlement").query(Long.class).single();
        for (EntitlementRequest bad : List.of(
                new EntitlementRequest("NO_SUCH", "x:1", member.id(), member.orgPath(), BigDecimal.TEN, "补助"),
                new EntitlementRequest(PaymentTestSupport.PROGRAMME, "x:1", member.id(), member.orgPath(), new BigDecimal("0"), "补助"),
                new EntitlementRequest(PaymentTestSupport.PROGRAMME, "x:1", member.id(), member.orgPath(), new BigDecimal("1.005"), "补助"),
                new EntitlementRequest(PaymentTestSupport.PROGRAMME, "x:1", member.id(), "not a path", BigDecimal.TEN, "补助"),
                new EntitlementRequest(PaymentTestSupport.PROGRAMME, "", member.id(), member.orgPath(), BigDecimal.TEN, "补助"),
                new EntitlementRequest(PaymentTestSupport.PROGRAMME, "x:1", member.id(), member.orgPath(), BigDecimal.TEN, " "))) {
            assertThatThrownBy(() -> entitlements.entitleAll(List.of(good, bad))).isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).kind()).isEqualTo(DomainException.Kind.INVALID));
        }
        assertThat(jdbc.sql("select count(*) from payment_entitlement").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void paysOnceWhateverIsReimported() {
        MemberView member = support.memberWithAccount("NB-HS-T01-E1");
        long id = support.entitle(member, "2000");
        CurrentUser admin = support.admin("NB");
        String sourceRef = view(id).sourceRef();

        BatchView batch = batches.createBatch(admin, PaymentTestSupport.PROGRAMME).orElseThrow();
        assertThat(view(id).status()).isEqualTo(EntitlementStatus.IN_PAYMENT);
        byte[] transfer = batches.transferFile(admin, batch.id());
        assertThat(new String(transfer, StandardCharsets.UTF_8)).startsWith(BankFiles.TRANSFER_HEADER)
                .contains(sourceRef + "," + member.name() + "," + PaymentTestSupport.registryAccount(member.id()) + ",2000.00,CNY,");
        byte[] result = PaymentTestSupport.bankResult(transfer, ref -> "SUCCESS");

        ResultOutcome first = batches.importResult(admin, batch.id(), result);
        ResultOutcome sameFile = batches.importResult(admin, batch.id(), result);
        ResultOutcome sameLines = batches.importResult(admin, batch.id(),
                (new String(result, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(first.paid()).isGreaterThanOrEqualTo(1);
        assertThat(sameFile.repeatedFile()).isTrue();
        assertThat(sameLines.paid()).isZero();
        assertThat(sameLines.alreadySettled()).isEqualTo(first.paid() + first.failed());
        EntitlementView paid = view(id);
        assertThat(paid.status()).isEqualTo(EntitlementStatus.PAID);
        assertThat(paid.bankRef()).startsWith("BR");
        assertThat(paid.paidAt()).isNotNull();
        assertThat(paidRows(id)).isEqualTo(1);
        assertThat(journalPayments(id)).isEqualTo(1);
        assertThat(batches.batch(admin, batch.id()).settledAt()).isNotNull();
        assertThat(support.events).filteredOn(e -> e instanceof EntitlementPaid p && p.entitlementId() == id)
                .singleElement().satisfies(e -> assertThat(((EntitlementPaid) e).amount()).isEqualByComparingTo("2000"));
        assertThat(support.events).filteredOn(e -> e instanceof EntitlementInPayment p && p.entitlementId() == id)
                .singleElement().satisfies(e -> assertThat(((EntitlementInPayment) e).batchNo()).isEqualTo(batch.batchNo()));
        assertThat(entitlements.ofMember(member.id())).extracting(EntitlementView::id).containsExactly(id);
        assertJournalBalanced();
    }

    @Test
    void generatingTwiceOrCrashingBeforeExportNeverPaysTwice() {
        MemberView member = support.memberWithAccount("NB-HS-T01-E1");
        long id = support.entitle(member, "1500");
        CurrentUser admin = support.admin("NB");
        String sourceRef = view(id).sourceRef();

        BatchView batch = batches.createBatch(admin, PaymentTestSupport.PROGRAMME).orElseThrow();
        // the process "crashes" here: entitlements are in payment, no file was exported
        assertThat(view(id).status()).isEqualTo(EntitlementStatus.IN_PAYMENT);
        assertThat(batches.createBatch(admin, PaymentTestSupport.PROGRAMME)).as("a second run finds nothing new").isEmpty();
        byte[] exported = batches.transferFile(admin, batch.id());
        byte[] exportedAgain = batches.transferFile(admin, batch.id());

        assertThat(exportedAgain).isEqualTo(exported);
        assertThat(new String(exported, StandardCharsets.UTF_8).lines().filter(l -> l.contains("," + sourceRef + ","))
                .count()).isEqualTo(1);
        batches.importResult(admin, batch.id(), PaymentTestSupport.bankResult(exported, ref -> "SUCCESS"));
        assertThat(paidRows(id)).isEqualTo(1);
    }

    @Test
    void aCrashHalfWayThroughTheResultFileLeavesNothingAndTheNextImportPaysOnce() {
        MemberView one = support.memberWithAccount("NB-HS-T01-E1");
        MemberView two = support.memberWithAccount("NB-HS-T01-E1");
        long first = support.entitle(one, "100");
        long second = support.entitle(two, "200");
        CurrentUser admin = support.admin("NB");
        BatchView batch = batches.createBatch(admin, PaymentTestSupport.PROGRAMME).orElseThrow();
        byte[] result = PaymentTestSupport.bankResult(batches.transferFile(admin, batch.id()), ref -> "SUCCESS");

        support.crashOnPaid = second;
        try {
            assertThatThrownBy(() -> batches.importResult(admin, batch.id(), result)).hasMessageContaining("crash");
        } finally {
            support.crashOnPaid = null;
        }
        assertThat(view(first).status()).as("nothing half-written").isEqualTo(EntitlementStatus.IN_PAYMENT);
        assertThat(paidRows(first) + paidRows(second) + journalPayments(first)).isZero();

        ResultOutcome outcome = batches.importResult(admin, batch.id(), result);
        assertThat(outcome.repeatedFile()).as("the crashed import was not recorded").isFalse();
        assertThat(view(first).status()).isEqualTo(EntitlementStatus.PAID);
        assertThat(view(second).status()).isEqualTo(EntitlementStatus.PAID);
        assertThat(paidRows(first)).isEqualTo(1);
        assertThat(paidRows(second)).isEqualTo(1);
        assertJournalBalanced();
    }

    @Test
    void retriesAFailedPaymentAfterTheAccountIsFixedAndStillPaysOnce() {
        MemberView member = support.memberWithAccount("NB-HS-T01-E1");
        long id = support.entitle(member, "1800");
        String sourceRef = view(id).sourceRef();
        CurrentUser admin = support.admin("NB");
        BatchView firstBatch = batches.createBatch(admin, PaymentTestSupport.PROGRAMME).orElseThrow();
        byte[] firstFile = batches.transferFile(admin, firstBatch.id());
        ResultOutcome failed = batches.importResult(admin, firstBatch.id(),
                PaymentTestSupport.bankResult(firstFile, ref -> ref.equals(sourceRef) ? "FAILED" : "SUCCESS"));
        assertThat(failed.failed()).isGreaterThanOrEqualTo(1);
        assertThat(view(id).status()).isEqualTo(EntitlementStatus.FAILED);
        assertThat(view(id).failure()).isEqualTo("账户不存在");
        assertThatThrownBy(() -> batches.retry(support.staff("NB"), id)).hasMessageContaining("payment.admin-only");

        String fixed = Fixtures.newCardNumber();
        payees.giveOwn(member.id(), fixed, "宁波银行");
        assertThat(batches.retry(admin, id).status()).isEqualTo(EntitlementStatus.ENTITLED);
        assertThatThrownBy(() -> batches.retry(admin, id)).hasMessageContaining("payment.retry.not-failed");
        BatchView secondBatch = batches.createBatch(admin, PaymentTestSupport.PROGRAMME).orElseThrow();
        byte[] secondFile = batches.transferFile(admin, secondBatch.id());
        assertThat(new String(secondFile, StandardCharsets.UTF_8)).contains("," + fixed + ",");
        batches.importResult(admin, secondBatch.id(), PaymentTestSupport.bankResult(secondFile, ref -> "SUCCESS"));
        // the bank later "confirms" the first attempt after all: it was settled as failed, nothing changes
        ResultOutcome late = batches.importResult(admin, firstBatch.id(), PaymentTestSupport.bankResult(firstFile, ref -> "SUCCESS"));

        assertThat(late.paid()).isZero();
        assertThat(view(id).status()).isEqualTo(EntitlementStatus.PAID);
        assertThat(paidRows(id)).isEqualTo(1);
        assertThat(journalPayments(id)).isEqualTo(1);
        List<Map<String, Object>> attempts = jdbc.sql(
                "select attempt, status, account_source from payment_line where entitlement_id = :e order by attempt")
                .param("e", id).query().listOfRows();
        assertThat(attempts).extracting(row -> row.get("status")).containsExactly("FAILED", "PAID");
        assertThat(attempts).extracting(row -> row.get("account_source")).containsExactly("REGISTRY", "OWN");
        assertThat(support.events).filteredOn(e -> e instanceof EntitlementRetried r && r.entitlementId() == id).hasSize(1);
        assertThat(support.events).filteredOn(e -> e instanceof EntitlementFailed f && f.entitlementId() == id).hasSize(1);
        assertJournalBalanced();
    }

    @Test
    void refusesResultLinesThatDoNotMatchTheBatch() {
        MemberView member = support.memberWithAccount("NB-HS-T01-E1");
        long id = support.entitle(member, "1200");
        CurrentUser admin = support.admin("NB");
        BatchView batch = batches.createBatch(admin, PaymentTestSupport.PROGRAMME).orElseThrow();
        byte[] transfer = batches.transferFile(admin, batch.id());
        String good = new String(PaymentTestSupport.bankResult(transfer, ref -> "SUCCESS"), StandardCharsets.UTF_8);
        String[] lines = good.split("\n");
        String line = lines[1];
        String[] c = line.split(",", -1);
        String tampered = lines[0] + "\n" + c[0] + "," + c[1] + ",99999.00,SUCCESS,X,\n" + "PB999999," + c[1] + "," + c[2]
                + ",SUCCESS,X,\n" + c[0] + ",123456789," + c[2] + ",SUCCESS,X,\n" + c[0] + "," + c[1] + "," + c[2]
                + ",MAYBE,X,\n" + c[0] + "," + c[1] + ",abc,SUCCESS,X,\n";

        ResultOutcome outcome = batches.importResult(admin, batch.id(), tampered.getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.refused()).containsExactly("2: amount", "3: batch", "4: payment", "5: result", "6: amount");
        assertThat(outcome.paid()).isZero();
        assertThat(view(id).status()).isEqualTo(EntitlementStatus.IN_PAYMENT);
        assertThatThrownBy(() -> batches.importResult(admin, batch.id(), "a,b\n1,2".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("payment.result.layout");
        assertThatThrownBy(() -> batches.importResult(admin, batch.id(), new byte[0])).hasMessageContaining("upload.empty");
    }

    @Test
    void aDistrictsAdminNeitherSeesNorPaysAnotherDistrictsPayments() {
        MemberView jiangbei = support.memberWithAccount("NB-JB");
        long id = support.entitle(jiangbei, "700");
        CurrentUser haishuAdmin = support.admin("NB-HS");

        batches.createBatch(haishuAdmin, PaymentTestSupport.PROGRAMME);
        assertThat(view(id).status()).as("Haishu's batch does not take Jiangbei's payment").isEqualTo(EntitlementStatus.ENTITLED);
        assertThatThrownBy(() -> batches.entitlement(haishuAdmin, id)).hasMessageContaining("payment.entitlement.not-found");
        BatchView jiangbeiBatch = batches.createBatch(support.admin("NB-JB"), PaymentTestSupport.PROGRAMME).orElseThrow();
        assertThat(view(id).batchNo()).isEqualTo(jiangbeiBatch.batchNo());
        assertThatThrownBy(() -> batches.batch(haishuAdmin, jiangbeiBatch.id())).hasMessageContaining("payment.batch.not-found");
        assertThatThrownBy(() -> batches.transferFile(haishuAdmin, jiangbeiBatch.id())).hasMessageContaining("not-found");
        assertThat(batches.batches(haishuAdmin, null)).extracting(BatchView::id).doesNotContain(jiangbeiBatch.id());
        assertThat(batches.batches(support.staff("NB"), null)).extracting(BatchView::id).contains(jiangbeiBatch.id());
        assertThatThrownBy(() -> batches.createBatch(support.staff("NB-JB"), PaymentTestSupport.PROGRAMME))
                .hasMessageContaining("payment.admin-only");
    }

    @Test
    void twoBatchesAtOnceTakeDisjointPayments() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(support.entitle(support.memberWithAccount("NB-HS-T01-E1"), String.valueOf(10 + i)));
        }
        CurrentUser admin = support.admin("NB");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Long> make = () -> {
                start.await();
                return batches.createBatch(admin, PaymentTestSupport.PROGRAMME).map(BatchView::id).orElse(0L);
            };
            Future<Long> a = pool.submit(make);
            Future<Long> b = pool.submit(make);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        for (long id : ids) {
            assertThat(jdbc.sql("select count(*) from payment_line where entitlement_id = :e").param("e", id)
                    .query(Long.class).single()).as("one line for %s", id).isEqualTo(1);
            assertThat(view(id).status()).isEqualTo(EntitlementStatus.IN_PAYMENT);
        }
        assertThat(jdbc.sql("""
                select count(*) from payment_batch b where b.line_count <> (select count(*) from payment_line l where l.batch_id = b.id)""")
                .query(Long.class).single()).as("each batch's count matches its lines").isZero();
    }

    @Test
    void payeeIsTheOwnAccountElseTheCardElseTheRegistryAndMembersWithoutStayEntitled() {
        CurrentUser admin = support.admin("NB-HS");
        String card = Fixtures.newCardNumber();
        MemberView withCard = support.member("NB-HS-T01-E1", card);
        support.members.changeBankAccount(withCard.id(), PaymentTestSupport.registryAccount(withCard.id()));
        MemberView withOwn = support.member("NB-HS-T01-E1", Fixtures.newCardNumber());
        String own = Fixtures.newCardNumber();
        payees.giveOwn(withOwn.id(), own, "中国银行");
        MemberView registry = support.memberWithAccount("NB-HS-T01-E1");
        MemberView none = support.member("NB-HS-T01-E1", null);
        long cardId = support.entitle(withCard, "11");
        long ownId = support.entitle(withOwn, "12");
        long registryId = support.entitle(registry, "13");
        long noneId = support.entitle(none, "14");

        BatchView batch = batches.createBatch(admin, PaymentTestSupport.PROGRAMME).orElseThrow();
        String file = new String(batches.transferFile(admin, batch.id()), StandardCharsets.UTF_8);

        assertThat(file).contains("," + card + ",11.00,").contains("," + own + ",12.00,")
                .contains("," + PaymentTestSupport.registryAccount(registry.id()) + ",13.00,");
        assertThat(view(noneId).status()).as("no account: waits").isEqualTo(EntitlementStatus.ENTITLED);
        assertThat(view(noneId).payeeMasked()).isNull();
        assertThat(batches.lines(admin, batch.id())).filteredOn(l -> l.entitlementId() == ownId).singleElement()
                .satisfies(l -> {
                    assertThat(l.accountSource()).isEqualTo(PayeeAccounts.Source.OWN);
                    assertThat(l.accountMasked()).endsWith(own.substring(own.length() - 4)).doesNotContain(own.substring(0, 8));
                });
        assertThat(view(cardId).payeeMasked()).endsWith(card.substring(card.length() - 4));
        String stored = jdbc.sql("select account_enc from payment_line where entitlement_id = :e").param("e", ownId)
                .query(String.class).single();
        assertThat(stored).doesNotContain(own);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'payment.transfer-file' and record_id = :b")
                .param("b", String.valueOf(batch.id())).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> payees.giveOwn(none.id(), "1234567890123", "宁波银行"))
                .hasMessageContaining("payment.payee.account-invalid");
    }

    @Test
    void cancellingReversesTheJournalAndOnlyWhileNotInPayment() {
        MemberView member = support.memberWithAccount("NB-JB");
        long id = support.entitle(member, "88.80");
        String sourceRef = view(id).sourceRef();

        entitlements.cancel(PaymentTestSupport.PROGRAMME, sourceRef, "重复申请");

        assertThat(view(id).status()).isEqualTo(EntitlementStatus.CANCELLED);
        assertThatThrownBy(() -> entitlements.cancel(PaymentTestSupport.PROGRAMME, sourceRef, "again"))
                .hasMessageContaining("payment.entitlement.not-cancellable");
        assertThat(batches.createBatch(support.admin("NB-JB"), PaymentTestSupport.PROGRAMME).stream()
                .flatMap(b -> batches.lines(support.admin("NB-JB"), b.id()).stream())
                .filter(l -> l.entitlementId() == id)).isEmpty();
        assertJournalBalanced();
    }

    @Test
    void figuresCountWhatWasPaidInTheSubtreeAndYear() {
        MemberView jiangbei = support.memberWithAccount("NB-JB");
        long id = support.entitle(jiangbei, "123.45");
        CurrentUser admin = support.admin("NB-JB");
        int year = org.gonghui.support.PlatformZone.today().getYear();
        java.util.function.Function<String, BigDecimal> paidIn = code -> figures.of(support.org(code).treePath(), year)
                .stream().filter(p -> p.programme().equals(PaymentTestSupport.PROGRAMME))
                .map(PaymentFigures.Paid::amount).findFirst().orElse(BigDecimal.ZERO);
        BigDecimal jiangbeiBefore = paidIn.apply("NB-JB");
        BigDecimal haishuBefore = paidIn.apply("NB-HS");

        BatchView batch = batches.createBatch(admin, PaymentTestSupport.PROGRAMME).orElseThrow();
        batches.importResult(admin, batch.id(), PaymentTestSupport.bankResult(batches.transferFile(admin, batch.id()),
                ref -> ref.equals(view(id).sourceRef()) ? "SUCCESS" : "FAILED"));

        assertThat(paidIn.apply("NB-JB").subtract(jiangbeiBefore)).isEqualByComparingTo("123.45");
        assertThat(paidIn.apply("NB-HS")).isEqualByComparingTo(haishuBefore);
    }
}
