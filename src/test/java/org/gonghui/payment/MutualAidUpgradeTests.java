package org.gonghui.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mutual aid's payout data survives the move onto the engine: a database at V9_1 with old batches, payout rows,
 * paid rows and a bank file is migrated (V9_2, V9_3) and the engine holds the same payments, the journal balances,
 * the old tables are gone, and new batches and lines continue after the carried-over ids.
 */
class MutualAidUpgradeTests {

    private final JdbcDataSource dataSource = dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    private static JdbcDataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:upgrade-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return ds;
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(dataSource).outOfOrder(true)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2");
        return (target == null ? config : config.target(target)).load();
    }

    private void sql(String statement) {
        jdbc.sql(statement).update();
    }

    private void oldMutualAidData() {
        sql("insert into organisation (id, parent_id, kind, name, code, path, depth, status, created_at) values "
                + "(1, null, 'CITY', '市总工会', 'C', '/1/', 1, 'ACTIVE', now()), "
                + "(2, 1, 'DISTRICT', '区总工会', 'D', '/1/2/', 2, 'ACTIVE', now())");
        sql("insert into member (id, name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked, "
                + "bank_account_enc, bank_account_masked, org_id, member_type, status, joined_on, created_at, updated_at) "
                + "values (10, '张三', 'MALE', date '1980-01-01', 'v1:x', 'h', '1101**', 'v1:sealed-account', "
                + "'***************0001', 2, 'IN_SERVICE', 'ACTIVE', date '2020-01-01', now(), now())");
        sql("insert into mutualaid_plan (id, project, name, cover_year, kind, member_types, health_declaration, "
                + "contribution_per_share, max_shares, waiting_days, renewal_grace_days, enrolment_opens, "
                + "enrolment_closes, claim_deadline_days, second_approval_above, created_at) values (1, 'INPATIENT', "
                + "'住院', 2026, 'INPATIENT', 'IN_SERVICE', false, 70, 1, 0, 30, date '2026-01-01', date '2026-12-31', "
                + "180, 5000, now())");
        sql("insert into mutualaid_enrolment (id, plan_id, project, cover_year, member_id, org_id, org_path, channel, "
                + "shares, contribution, enrolled_on, effective_from, continuous, created_at) values (1, 1, 'INPATIENT', "
                + "2026, 10, 2, '/1/2/', 'INDIVIDUAL', 1, 70, date '2026-01-01', date '2026-01-01', true, now())");
        Object[][] claims = {{100, "APPROVED", "500.00"}, {101, "PAID", "1200.50"}, {102, "PAYMENT_FAILED", "300.00"},
                {103, "IN_PAYMENT", "80.00"}, {104, "APPROVED", "0.00"}, {105, "REJECTED", "900.00"}};
        for (Object[] c : claims) {
            sql("insert into mutualaid_claim (id, member_id, org_id, org_path, enrolment_id, plan_id, project, cover_year, "
                    + "claim_type, hospital, event_date, end_date, diagnosis, total_cost, insurance_paid, self_paid, "
                    + "invoice_no, status, computed_amount, submitted_by, submitted_at, updated_at, decided_at) values ("
                    + c[0] + ", 10, 2, '/1/2/', 1, 1, 'INPATIENT', 2026, 'INPATIENT', '医院', date '2026-03-01', "
                    + "date '2026-03-05', '肺炎', 5000, 0, 5000, 'INV" + c[0] + "', '" + c[1] + "', " + c[2]
                    + ", 'member', now(), now(), now())");
        }
        sql("insert into mutualaid_payout_batch (id, created_at, created_by, claim_count, total, exported_at, settled_at) "
                + "values (7, now(), 'admin', 2, 1500.50, now(), now()), (8, now(), 'admin', 1, 80, now(), null)");
        sql("insert into mutualaid_payout (id, batch_id, claim_id, attempt, member_id, amount, status, bank_ref, "
                + "failure_reason, settled_at) values (70, 7, 101, 1, 10, 1200.50, 'PAID', 'BR70', null, now()), "
                + "(71, 7, 102, 1, 10, 300, 'FAILED', null, '账户不存在', now()), "
                + "(72, 8, 103, 1, 10, 80, 'PENDING', null, null, null)");
        sql("insert into mutualaid_paid_claim (claim_id, payout_id, paid_at) values (101, 70, now())");
        sql("insert into mutualaid_bank_file (sha256, batch_id, imported_at, imported_by) values ('abc', 7, now(), 'admin')");
    }

    @Test
    void oldPayoutsBecomeTheEnginesPaymentsAndNothingIsLost() {
        flyway("9.1").migrate();
        oldMutualAidData();

        flyway(null).migrate();

        Map<String, Map<String, Object>> byRef = new java.util.HashMap<>();
        jdbc.sql("select * from payment_entitlement where programme = 'MUTUAL_AID'").query().listOfRows()
                .forEach(row -> byRef.put((String) row.get("source_ref"), row));
        assertThat(byRef.keySet()).containsExactlyInAnyOrder("claim:100", "claim:101", "claim:102", "claim:103");
        assertThat(byRef.get("claim:100").get("status")).isEqualTo("ENTITLED");
        assertThat(byRef.get("claim:101")).containsEntry("status", "PAID").containsEntry("bank_ref", "BR70")
                .containsEntry("batch_id", 7L);
        assertThat(byRef.get("claim:102")).containsEntry("status", "FAILED").containsEntry("failure", "账户不存在");
        assertThat(byRef.get("claim:103")).containsEntry("status", "IN_PAYMENT").containsEntry("batch_id", 8L);
        assertThat(byRef.get("claim:101").get("purpose")).isEqualTo("职工医疗互助金 MA2026-00000101");
        assertThat(byRef.get("claim:101").get("org_path")).isEqualTo("/1/2/");

        List<Map<String, Object>> lines = jdbc.sql("select * from payment_line order by id").query().listOfRows();
        assertThat(lines).extracting(l -> l.get("id")).containsExactly(70L, 71L, 72L);
        assertThat(lines).extracting(l -> l.get("status")).containsExactly("PAID", "FAILED", "PENDING");
        assertThat(lines.get(0)).containsEntry("account_enc", "v1:sealed-account").containsEntry("account_source", "REGISTRY")
                .containsEntry("account_name", "张三");
        assertThat(jdbc.sql("select entitlement_id from payment_paid where line_id = 70").query(Long.class).single())
                .isEqualTo(byRef.get("claim:101").get("id"));
        assertThat(jdbc.sql("select batch_id from payment_bank_file where sha256 = 'abc'").query(Long.class).single())
                .isEqualTo(7L);
        assertThat(jdbc.sql("select org_path from payment_batch where id = 8").query(String.class).single()).isEqualTo("/1/");

        BigDecimal expense = sum("select sum(amount) from payment_journal where debit_account = 'EXPENSE'");
        BigDecimal bank = sum("select sum(amount) from payment_journal where credit_account = 'BANK'");
        assertThat(expense).isEqualByComparingTo("2080.50");
        assertThat(bank).isEqualByComparingTo("1200.50");

        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name like 'mutualaid_pay%' "
                + "or table_name in ('mutualaid_paid_claim', 'mutualaid_bank_file')").query(Long.class).single()).isZero();
        jdbc.sql("insert into payment_batch (programme, org_path, created_at, created_by, line_count, total) "
                + "values ('MUTUAL_AID', '/1/', now(), 'admin', 0, 0)").update();
        assertThat(jdbc.sql("select max(id) from payment_batch").query(Long.class).single()).isEqualTo(9L);
    }

    private BigDecimal sum(String sql) {
        return jdbc.sql(sql).query(BigDecimal.class).single();
    }
}
