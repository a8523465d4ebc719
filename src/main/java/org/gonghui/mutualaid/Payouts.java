package org.gonghui.mutualaid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying approved claims by bank transfer, exactly once. A batch takes approved claims by a conditional
 * move to "in payment" (a claim another batch took is skipped); the transfer file is a read of the batch,
 * so it can be produced again after a crash; the bank's result file settles each payment only from
 * "pending", and {@code mutualaid_paid_claim}'s key admits one paid payment per claim. Re-importing a file,
 * running a batch twice or retrying a failure therefore never pays a claim twice. File layouts:
 * {@code docs/mutualaid-bank-files.md}.
 */
@Service
public class Payouts {

    static final String TRANSFER_HEADER = "batch_no,line_no,payout_id,claim_no,account_name,account_number,amount,currency,purpose";
    static final String RESULT_HEADER = "batch_no,payout_id,amount,result,bank_ref,message";

    private final JdbcClient jdbc;
    private final ClaimRecords records;
    private final Members members;
    private final FundLedger ledger;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PlatformTime time;

    Payouts(JdbcClient jdbc, ClaimRecords records, Members members, FundLedger ledger,
            AuditLog audit, ApplicationEventPublisher events, PlatformTime time) {
        this.time = time;
        this.jdbc = jdbc;
        this.records = records;
        this.members = members;
        this.ledger = ledger;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Puts every approved claim in the admin's scope whose member has a bank account into a new batch.
     * Answers empty when there is nothing to pay (running it twice makes no second batch of the same claims).
     */
    @Transactional
    public Optional<PayoutBatchView> createBatch(CurrentUser admin) {
        TreePath scope = requireAdmin(admin);
        List<Map<String, Object>> approved = jdbc.sql("""
                select id, member_id, coalesce(approved_amount, computed_amount) as amount from mutualaid_claim
                where status = 'APPROVED' and org_path like :scope order by id""")
                .param("scope", scope.likePattern()).query().listOfRows();
        Instant now = Instant.now();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into mutualaid_payout_batch (created_at, created_by, claim_count, total) values (:at, :by, 0, 0)")
                .param("at", Timestamp.from(now)).param("by", admin.getUsername()).update(keys, "id");
        long batchId = keys.getKey().longValue();
        int count = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> row : approved) {
            long claimId = ((Number) row.get("id")).longValue();
            long memberId = ((Number) row.get("member_id")).longValue();
            if (members.find(memberId).map(MemberView::bankAccountMasked).isEmpty()) {
                continue;
            }
            int taken = jdbc.sql("""
                    update mutualaid_claim set status = 'IN_PAYMENT', version = version + 1, updated_at = :at
                    where id = :id and status = 'APPROVED'""")
                    .param("at", Timestamp.from(now)).param("id", claimId).update();
            if (taken == 0) {
                continue;
            }
            int attempt = jdbc.sql("select count(*) + 1 from mutualaid_payout where claim_id = :c").param("c", claimId)
                    .query(Integer.class).single();
            BigDecimal amount = (BigDecimal) row.get("amount");
            jdbc.sql("""
                    insert into mutualaid_payout (batch_id, claim_id, attempt, member_id, amount, status)
                    values (:b, :c, :a, :m, :amount, 'PENDING')""")
                    .param("b", batchId).param("c", claimId).param("a", attempt).param("m", memberId)
                    .param("amount", amount).update();
            records.event(claimId, admin.getUsername(), "in-payment", "PB" + String.format("%06d", batchId));
            count++;
            total = total.add(amount);
        }
        if (count == 0) {
            jdbc.sql("delete from mutualaid_payout_batch where id = :id").param("id", batchId).update();
            return Optional.empty();
        }
        jdbc.sql("update mutualaid_payout_batch set claim_count = :n, total = :t where id = :id")
                .param("n", count).param("t", total).param("id", batchId).update();
        audit.record("mutualaid.payout.batch", "mutualaid_payout_batch", batchId, count + " claims, " + total);
        return Optional.of(batch(admin, batchId));
    }

    /**
     * The bank transfer file of a batch (UTF-8 CSV). Only pending payments are listed; account numbers are
     * revealed for the file, each reveal audit-logged. Producing it again gives the same lines.
     */
    @Transactional
    public byte[] transferFile(CurrentUser admin, long batchId) {
        TreePath scope = requireAdmin(admin);
        PayoutBatchView batch = batch(admin, batchId);
        StringBuilder csv = new StringBuilder(TRANSFER_HEADER).append('\n');
        int line = 0;
        for (PayoutView payout : payouts(admin, batchId)) {
            if (!payout.status().equals("PENDING")) {
                continue;
            }
            MemberView member = members.find(payout.memberId()).orElseThrow();
            String account = members.reveal(scope, payout.memberId(), PersonalField.BANK_ACCOUNT);
            csv.append(batch.batchNo()).append(',').append(++line).append(',').append(payout.id()).append(',')
                    .append(payout.claimNo()).append(',').append(csvText(member.name())).append(',')
                    .append(account).append(',').append(payout.amount()).append(",CNY,")
                    .append(csvText("职工医疗互助金 " + payout.claimNo())).append('\n');
        }
        jdbc.sql("update mutualaid_payout_batch set exported_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now())).param("id", batchId).update();
        audit.record("mutualaid.payout.export", "mutualaid_payout_batch", batchId, line + " lines");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Imports the bank's result file for a batch. Each line settles one pending payment; lines for payments
     * already settled change nothing; the same file imported again is recognised and changes nothing.
     */
    @Transactional
    public BankResultOutcome importResult(CurrentUser admin, long batchId, byte[] file) {
        requireAdmin(admin);
        PayoutBatchView batch = batch(admin, batchId);
        String sha = sha256(file);
        boolean repeated = jdbc.sql("select count(*) from mutualaid_bank_file where sha256 = :s").param("s", sha)
                .query(Long.class).single() > 0;
        if (repeated) {
            return new BankResultOutcome(true, 0, 0, 0, List.of());
        }
        int paid = 0;
        int failed = 0;
        int already = 0;
        List<String> refused = new ArrayList<>();
        List<String[]> lines = parse(file);
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i);
            int lineNo = i + 2;
            if (cells.length < 4 || !cells[0].trim().equals(batch.batchNo())) {
                refused.add(lineNo + ": batch");
                continue;
            }
            Optional<PayoutView> payout = payout(batchId, cells[1].trim());
            if (payout.isEmpty()) {
                refused.add(lineNo + ": payout");
                continue;
            }
            if (new Money(new BigDecimal(cells[2].trim())).compareTo(payout.get().amount()) != 0) {
                refused.add(lineNo + ": amount");
                continue;
            }
            String result = cells[3].trim().toUpperCase(java.util.Locale.ROOT);
            String bankRef = cells.length > 4 ? cells[4].trim() : null;
            String message = cells.length > 5 ? cells[5].trim() : null;
            if (result.equals("SUCCESS")) {
                if (markPaid(payout.get(), bankRef, admin.getUsername())) {
                    paid++;
                } else {
                    already++;
                }
            } else if (result.equals("FAILED")) {
                if (markFailed(payout.get(), message, admin.getUsername())) {
                    failed++;
                } else {
                    already++;
                }
            } else {
                refused.add(lineNo + ": result");
            }
        }
        jdbc.sql("insert into mutualaid_bank_file (sha256, batch_id, imported_at, imported_by) values (:s, :b, :at, :by)")
                .param("s", sha).param("b", batchId).param("at", Timestamp.from(Instant.now()))
                .param("by", admin.getUsername()).update();
        jdbc.sql("""
                update mutualaid_payout_batch set settled_at = :at where id = :id
                and not exists (select 1 from mutualaid_payout p where p.batch_id = :id and p.status = 'PENDING')""")
                .param("at", Timestamp.from(Instant.now())).param("id", batchId).update();
        audit.record("mutualaid.payout.result", "mutualaid_payout_batch", batchId,
                "paid " + paid + ", failed " + failed + ", already " + already + ", refused " + refused.size());
        return new BankResultOutcome(false, paid, failed, already, List.copyOf(refused));
    }

    /** After the member fixed the bank account: the failed claim goes back to "approved" for the next batch. */
    @Transactional
    public void retry(CurrentUser staff, long claimId) {
        TreePath scope = requireAdmin(staff);
        jdbc.sql("select id from mutualaid_claim where id = :id and org_path like :scope").param("id", claimId)
                .param("scope", scope.likePattern()).query(Long.class).optional()
                .orElseThrow(() -> DomainException.notFound("mutualaid.claim.not-found"));
        int moved = jdbc.sql("""
                update mutualaid_claim set status = 'APPROVED', version = version + 1, updated_at = :at
                where id = :id and status = 'PAYMENT_FAILED' and org_path like :scope""")
                .param("at", Timestamp.from(Instant.now())).param("id", claimId).param("scope", scope.likePattern())
                .update();
        if (moved == 0) {
            throw DomainException.conflict("mutualaid.payout.retry-not-failed");
        }
        records.event(claimId, staff.getUsername(), "payment-retry", null);
        audit.record("mutualaid.payout.retry", "mutualaid_claim", claimId, null);
    }

    @Transactional(readOnly = true)
    public List<PayoutBatchView> batches(CurrentUser admin) {
        requireAdmin(admin);
        return jdbc.sql(BATCH_SELECT + " order by b.id desc limit 100").query((rs, n) -> batchView(rs)).list();
    }

    @Transactional(readOnly = true)
    public PayoutBatchView batch(CurrentUser admin, long batchId) {
        requireAdmin(admin);
        return jdbc.sql(BATCH_SELECT + " where b.id = :id").param("id", batchId).query((rs, n) -> batchView(rs))
                .optional().orElseThrow(() -> DomainException.notFound("mutualaid.payout.batch-not-found"));
    }

    @Transactional(readOnly = true)
    public List<PayoutView> payouts(CurrentUser admin, long batchId) {
        requireAdmin(admin);
        return jdbc.sql(PAYOUT_SELECT + " where p.batch_id = :b order by p.id").param("b", batchId)
                .query((rs, n) -> payoutView(rs)).list();
    }

    private boolean markPaid(PayoutView payout, String bankRef, String actor) {
        Instant now = Instant.now();
        int settled = jdbc.sql("""
                update mutualaid_payout set status = 'PAID', bank_ref = :ref, settled_at = :at
                where id = :id and status = 'PENDING'""")
                .param("ref", bankRef).param("at", Timestamp.from(now)).param("id", payout.id()).update();
        if (settled == 0) {
            return false;
        }
        boolean firstPayment = jdbc.sql("select count(*) from mutualaid_paid_claim where claim_id = :c")
                .param("c", payout.claimId()).query(Long.class).single() == 0;
        if (!firstPayment) {
            throw DomainException.conflict("mutualaid.payout.already-paid", payout.claimNo());
        }
        jdbc.sql("insert into mutualaid_paid_claim (claim_id, payout_id, paid_at) values (:c, :p, :at)")
                .param("c", payout.claimId()).param("p", payout.id()).param("at", Timestamp.from(now)).update();
        jdbc.sql("""
                update mutualaid_claim set status = 'PAID', version = version + 1, updated_at = :at
                where id = :id and status = 'IN_PAYMENT'""")
                .param("at", Timestamp.from(now)).param("id", payout.claimId()).update();
        Map<String, Object> claim = jdbc.sql("select project, cover_year from mutualaid_claim where id = :id")
                .param("id", payout.claimId()).query().singleRow();
        ledger.benefitPaid((String) claim.get("project"), new CoverYear(((Number) claim.get("cover_year")).intValue()),
                payout.claimId(), payout.amount());
        records.event(payout.claimId(), actor, "paid", bankRef);
        events.publishEvent(new ClaimPaid(payout.claimId(), payout.memberId(), payout.amount().amount(), time.today()));
        return true;
    }

    private boolean markFailed(PayoutView payout, String message, String actor) {
        Instant now = Instant.now();
        int settled = jdbc.sql("""
                update mutualaid_payout set status = 'FAILED', failure_reason = :msg, settled_at = :at
                where id = :id and status = 'PENDING'""")
                .param("msg", message == null ? null : message.substring(0, Math.min(200, message.length())))
                .param("at", Timestamp.from(now)).param("id", payout.id()).update();
        if (settled == 0) {
            return false;
        }
        jdbc.sql("""
                update mutualaid_claim set status = 'PAYMENT_FAILED', version = version + 1, updated_at = :at
                where id = :id and status = 'IN_PAYMENT'""")
                .param("at", Timestamp.from(now)).param("id", payout.claimId()).update();
        records.event(payout.claimId(), actor, "payment-failed", message);
        return true;
    }

    private Optional<PayoutView> payout(long batchId, String payoutId) {
        if (!payoutId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return jdbc.sql(PAYOUT_SELECT + " where p.batch_id = :b and p.id = :id").param("b", batchId)
                .param("id", Long.parseLong(payoutId)).query((rs, n) -> payoutView(rs)).optional();
    }

    private static List<String[]> parse(byte[] file) {
        if (file == null || file.length == 0) {
            throw DomainException.invalid("upload.empty");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(file),
                StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").trim().equals(RESULT_HEADER)) {
                throw DomainException.invalid("mutualaid.payout.result-layout", RESULT_HEADER);
            }
            List<String[]> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.split(",", -1));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("mutualaid.payout.result-layout", RESULT_HEADER);
        }
    }

    static TreePath requireAdmin(CurrentUser user) {
        if (user == null || !user.isStaff() || !user.has(Role.ADMIN)) {
            throw DomainException.forbidden("mutualaid.payout.admin-only");
        }
        return new TreePath(user.orgPath());
    }

    private static String csvText(String text) {
        return text.replace(",", " ").replace("\n", " ").replace("\"", "'");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String BATCH_SELECT = """
            select b.*,
              (select count(*) from mutualaid_payout p where p.batch_id = b.id and p.status = 'PAID') as paid,
              (select count(*) from mutualaid_payout p where p.batch_id = b.id and p.status = 'FAILED') as failed,
              (select count(*) from mutualaid_payout p where p.batch_id = b.id and p.status = 'PENDING') as pending
            from mutualaid_payout_batch b""";

    private static final String PAYOUT_SELECT = """
            select p.*, c.cover_year from mutualaid_payout p join mutualaid_claim c on c.id = p.claim_id""";

    private static PayoutBatchView batchView(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PayoutBatchView(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getInt("claim_count"), new Money(rs.getBigDecimal("total")), instant(rs, "exported_at"),
                instant(rs, "settled_at"), rs.getInt("paid"), rs.getInt("failed"), rs.getInt("pending"));
    }

    private static PayoutView payoutView(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PayoutView(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("claim_id"),
                Claims.claimNo(new CoverYear(rs.getInt("cover_year")), rs.getLong("claim_id")), rs.getInt("attempt"),
                rs.getLong("member_id"), new Money(rs.getBigDecimal("amount")), rs.getString("status"),
                rs.getString("bank_ref"), rs.getString("failure_reason"), instant(rs, "settled_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
