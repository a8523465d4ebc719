package org.gonghui.payment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each programme's double-entry journal. A transaction is one row with its debit and credit account and one
 * positive amount, so it balances by construction; its source key ({@code entitled:17}, {@code paid:17},
 * {@code cancelled:17}) posts a business event at most once (a second posting breaks the unique key).
 */
@Component
public class PaymentJournal {

    static final String ENTITLED = "ENTITLED";
    static final String PAID = "PAID";
    static final String CANCELLED = "CANCELLED";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PaymentJournal(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record Posting(String programme, String kind, long entitlementId, BigDecimal amount) {

        String source() {
            return kind.toLowerCase(java.util.Locale.ROOT) + ":" + entitlementId;
        }

        LedgerAccount debit() {
            return switch (kind) {
                case ENTITLED -> LedgerAccount.EXPENSE;
                case PAID -> LedgerAccount.PAYABLE;
                case CANCELLED -> LedgerAccount.PAYABLE;
                default -> throw new IllegalArgumentException(kind);
            };
        }

        LedgerAccount credit() {
            return switch (kind) {
                case ENTITLED -> LedgerAccount.PAYABLE;
                case PAID -> LedgerAccount.BANK;
                case CANCELLED -> LedgerAccount.EXPENSE;
                default -> throw new IllegalArgumentException(kind);
            };
        }
    }

    /** Posts these business events, in statement batches; callers have moved each row conditionally first. */
    void postAll(List<Posting> postings, Instant at) {
        Timestamp now = Timestamp.from(at);
        for (int i = 0; i < postings.size(); i += 2000) {
            List<Object[]> rows = new ArrayList<>();
            for (Posting p : postings.subList(i, Math.min(postings.size(), i + 2000))) {
                rows.add(new Object[] {p.programme(), p.kind(), p.source(), p.debit().name(), p.credit().name(),
                        p.amount(), now});
            }
            template.batchUpdate("""
                    insert into payment_journal (programme, kind, source, debit_account, credit_account, amount, posted_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    /** A programme's trial balance. */
    @Transactional(readOnly = true)
    public LedgerBalances balances(String programme) {
        Map<LedgerAccount, BigDecimal> balance = new EnumMap<>(LedgerAccount.class);
        for (LedgerAccount account : LedgerAccount.values()) {
            balance.put(account, BigDecimal.ZERO.setScale(2));
        }
        jdbc.sql("""
                select debit_account as account, sum(amount) as amount from payment_journal where programme = :p
                group by debit_account
                union all
                select credit_account, -sum(amount) from payment_journal where programme = :p group by credit_account""")
                .param("p", programme)
                .query((rs, n) -> Map.entry(LedgerAccount.valueOf(rs.getString("account")), rs.getBigDecimal("amount")))
                .list().forEach(e -> balance.merge(e.getKey(), e.getValue(), BigDecimal::add));
        long count = jdbc.sql("select count(*) from payment_journal where programme = :p").param("p", programme)
                .query(Long.class).single();
        return new LedgerBalances(programme, balance.get(LedgerAccount.EXPENSE), balance.get(LedgerAccount.PAYABLE),
                balance.get(LedgerAccount.BANK), count);
    }
}
