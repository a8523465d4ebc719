package org.gonghui.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.gonghui.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (never run by the build; command in docs/payment-benchmarks.md): {@code bench.payments}
 * entitlements (default 100,000) of one programme created with {@code entitleAll}, put into one batch, its bank
 * transfer file written, and a result file of as many lines imported; then checks that every entitlement is paid
 * exactly once, the journal balances and the same file imported again changes nothing. Figures go to stdout and
 * target/payment-benchmark.txt.
 */
@IntegrationTest
class PaymentBenchmark {

    @Autowired
    Organisations organisations;
    @Autowired
    Members members;
    @Autowired
    Entitlements entitlements;
    @Autowired
    PaymentBatches batches;
    @Autowired
    PaymentJournal journal;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    private final int total = Integer.getInteger("bench.payments", 100_000);
    /** Where the members are paid: {@code card} (their 5·1 card, the default) or {@code own} (an account they gave). */
    private final String payee = System.getProperty("bench.payee", "card");

    @Test
    void createExportImport() {
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        OrganisationView township = organisations.findByCode("NB-HS-T01").orElseThrow();
        OrganisationView unit = organisations.create(city.treePath(), township.id(), OrganisationKind.ENTERPRISE,
                "支付基准企业" + run + "工会", "PAYBENCH-" + run);
        report("== payment benchmark: %,d entitlements, one batch, payees: %s, on %s", total, payee,
                TestDatabase.isPostgres() ? "PostgreSQL" : "H2");

        // setup (untimed): the members, each with a 5·1 card (or an account they gave for payments)
        long t0 = System.nanoTime();
        int base = (int) (System.currentTimeMillis() / 1000 % 40) * 200_000; // birth dates 1960 to about 1983
        for (int i = 0; i < total; i += 1000) {
            List<NewMember> rows = new ArrayList<>();
            for (int k = i; k < Math.min(total, i + 1000); k++) {
                rows.add(new NewMember("收款人" + k, idNumber(base + k), null, unit.id(), MemberType.IN_SERVICE,
                        PlatformZone.today().minusYears(2), payee.equals("card") ? Fixtures.newCardNumber() : null));
            }
            members.registerAll(rows, "payment benchmark");
        }
        List<Long> memberIds = jdbc.queryForList("select id from member where org_id = ? order by id", Long.class,
                unit.id());
        if (!payee.equals("card")) {
            Timestamp now = Timestamp.from(Instant.now());
            List<Object[]> payees = new ArrayList<>();
            for (long id : memberIds) {
                String account = Fixtures.newCardNumber();
                payees.add(new Object[] {id, cipher.encrypt(account), Masking.bankAccount(account), "宁波银行", now});
            }
            jdbc.batchUpdate("insert into payment_payee (member_id, account_enc, account_masked, bank, updated_at) "
                    + "values (?, ?, ?, ?, ?)", payees);
        }
        if (TestDatabase.isPostgres()) {
            jdbc.execute("analyze");
        }
        report("setup: %,d members with payee accounts in %.1f s (not part of the figures)", memberIds.size(),
                (System.nanoTime() - t0) / 1e9);

        List<EntitlementRequest> requests = new ArrayList<>(memberIds.size());
        for (int i = 0; i < memberIds.size(); i++) {
            requests.add(new EntitlementRequest(PaymentTestSupport.PROGRAMME, "bench:" + run + ":" + i, memberIds.get(i),
                    unit.path(), new BigDecimal(100 + i % 4900).movePointLeft(i % 3 == 0 ? 0 : 1), "基准测试补助"));
        }
        CurrentUser admin = Fixtures.staffAt(unit, Role.ADMIN, Role.STAFF);

        long t = System.nanoTime();
        List<Long> ids = entitlements.entitleAll(requests);
        double entitle = seconds(t);
        if (TestDatabase.isPostgres()) {
            jdbc.execute("analyze");
        }
        t = System.nanoTime();
        BatchView batch = batches.createBatch(admin, PaymentTestSupport.PROGRAMME).orElseThrow();
        double create = seconds(t);
        t = System.nanoTime();
        byte[] transfer = batches.transferFile(admin, batch.id());
        double export = seconds(t);
        byte[] result = PaymentTestSupport.bankResult(transfer, ref -> "SUCCESS");
        t = System.nanoTime();
        ResultOutcome outcome = batches.importResult(admin, batch.id(), result);
        double importing = seconds(t);
        t = System.nanoTime();
        ResultOutcome again = batches.importResult(admin, batch.id(), result);
        double reimport = seconds(t);

        long paidOnce = jdbc.queryForObject("""
                select count(*) from payment_paid p join payment_entitlement e on e.id = p.entitlement_id
                where e.org_path = ? and e.status = 'PAID'""", Long.class, unit.path());
        long lines = jdbc.queryForObject("select count(*) from payment_line where batch_id = ?", Long.class, batch.id());
        report("entitleAll:    %,8d entitlements  %6.2f s", ids.size(), entitle);
        report("createBatch:   %,8d lines         %6.2f s", batch.lineCount(), create);
        report("transferFile:  %,8d lines         %6.2f s  (%,d bytes)", transfer.length == 0 ? 0
                : new String(transfer, StandardCharsets.UTF_8).lines().count() - 1, export, transfer.length);
        report("importResult:  %,8d paid          %6.2f s", outcome.paid(), importing);
        report("same file:     repeated=%s          %6.2f s", again.repeatedFile(), reimport);
        report("check: %,d entitlements, %,d lines, %,d paid exactly once, journal balanced: %s", ids.size(), lines,
                paidOnce, journal.balances(PaymentTestSupport.PROGRAMME).balanced());
        assertThat(batch.lineCount()).isEqualTo(total);
        assertThat(outcome.paid()).isEqualTo(total);
        assertThat(outcome.refused()).isEmpty();
        assertThat(paidOnce).isEqualTo(total);
        assertThat(again.repeatedFile()).isTrue();
        assertThat(jdbc.queryForObject("select count(distinct account_source) from payment_line where batch_id = ?",
                Long.class, batch.id())).isEqualTo(1);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static String idNumber(int n) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n / 1000);
        String first17 = "330298" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "payment-benchmark.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
