package org.gonghui.mutualaid;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Double-entry posting to a fund (one project, one cover year). Each business event is posted at most
 * once, identified by its source key ({@code enrolment:17}, {@code claim-approved:42} …), so a retried or
 * repeated operation never counts money twice. Callers serialise on the business row before posting.
 */
@Component
class FundLedger {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    FundLedger(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Contributions received: bank up, income up. */
    boolean contribution(String project, CoverYear year, String source, Money amount) {
        return post(project, year, "CONTRIBUTION", source, amount, FundAccount.BANK, FundAccount.CONTRIBUTIONS);
    }

    /** A benefit granted: expense up, owed to the member. */
    boolean benefitApproved(String project, CoverYear year, long claimId, Money amount) {
        return post(project, year, "BENEFIT_APPROVED", "claim-approved:" + claimId, amount, FundAccount.BENEFITS,
                FundAccount.PAYABLE);
    }

    /** A benefit paid: the debt settled from the bank. */
    boolean benefitPaid(String project, CoverYear year, long claimId, Money amount) {
        return post(project, year, "BENEFIT_PAID", "claim-paid:" + claimId, amount, FundAccount.PAYABLE,
                FundAccount.BANK);
    }

    boolean post(String project, CoverYear year, String kind, String source, Money amount, FundAccount debit,
            FundAccount credit) {
        if (!amount.isPositive()) {
            return false;
        }
        boolean exists = jdbc.sql("select count(*) from mutualaid_ledger_txn where source = :s").param("s", source)
                .query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("""
                insert into mutualaid_ledger_txn (project, cover_year, kind, source, amount, posted_at)
                values (:p, :y, :k, :s, :a, :at)""")
                .param("p", project).param("y", year.startYear()).param("k", kind).param("s", source)
                .param("a", amount.amount()).param("at", Timestamp.from(Instant.now())).update();
        long txn = jdbc.sql("select id from mutualaid_ledger_txn where source = :s").param("s", source)
                .query(Long.class).single();
        line(txn, project, year, debit, amount);
        line(txn, project, year, credit, amount.negate());
        return true;
    }

    /** One posting of a batch: what {@link #post} takes. */
    record Posting(String project, CoverYear year, String kind, String source, Money amount, FundAccount debit,
            FundAccount credit) {
    }

    /**
     * Posts many business events at once, in statement batches. For callers that have just moved each
     * event's row conditionally (so none of them can have been posted before).
     */
    void postAll(List<Posting> postings) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < postings.size(); i += 1000) {
            List<Posting> chunk = postings.subList(i, Math.min(postings.size(), i + 1000)).stream()
                    .filter(p -> p.amount().isPositive()).toList();
            if (chunk.isEmpty()) {
                continue;
            }
            template.batchUpdate("""
                    insert into mutualaid_ledger_txn (project, cover_year, kind, source, amount, posted_at)
                    values (?, ?, ?, ?, ?, ?)""", chunk.stream().map(p -> new Object[] {p.project(),
                    p.year().startYear(), p.kind(), p.source(), p.amount().amount(), now}).toList());
            Map<String, Long> ids = new HashMap<>();
            jdbc.sql("select id, source from mutualaid_ledger_txn where source in (:s)")
                    .param("s", chunk.stream().map(Posting::source).toList())
                    .query((rs, n) -> Map.entry(rs.getString("source"), rs.getLong("id"))).list()
                    .forEach(e -> ids.put(e.getKey(), e.getValue()));
            List<Object[]> lines = new ArrayList<>(chunk.size() * 2);
            for (Posting p : chunk) {
                long txn = ids.get(p.source());
                lines.add(new Object[] {txn, p.project(), p.year().startYear(), p.debit().name(), p.amount().amount()});
                lines.add(new Object[] {txn, p.project(), p.year().startYear(), p.credit().name(),
                        p.amount().negate().amount()});
            }
            template.batchUpdate("""
                    insert into mutualaid_ledger_line (txn_id, project, cover_year, account, amount)
                    values (?, ?, ?, ?, ?)""", lines);
        }
    }

    private void line(long txn, String project, CoverYear year, FundAccount account, Money amount) {
        jdbc.sql("""
                insert into mutualaid_ledger_line (txn_id, project, cover_year, account, amount)
                values (:t, :p, :y, :a, :m)""")
                .param("t", txn).param("p", project).param("y", year.startYear()).param("a", account.name())
                .param("m", amount.amount()).update();
    }
}
