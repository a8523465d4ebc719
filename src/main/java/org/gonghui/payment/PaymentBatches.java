package org.gonghui.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gonghui.member.MemberLookup;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying entitlements by bank transfer, exactly once. A batch takes the entitled payments of one programme in the
 * staff's scope by a conditional move to "in payment" (what another batch took is skipped) and freezes each payee
 * account on its line; the transfer file is a read of the batch, so it can be produced again after a crash; the
 * bank's result file settles each line only from "pending", and {@code payment_paid}'s key admits one paid line per
 * entitlement. Re-importing a file, running a batch twice or retrying a failure therefore never pays twice. Every
 * step is one transaction: a crash half-way leaves nothing half-written. Layouts: docs/payment-bank-files.md.
 */
@Service
public class PaymentBatches {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PaymentProgrammes programmes;
    private final PaymentJournal journal;
    private final PayeeAccounts payees;
    private final MemberLookup lookup;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PlatformTime time;

    PaymentBatches(JdbcClient jdbc, JdbcTemplate template, PaymentProgrammes programmes, PaymentJournal journal,
            PayeeAccounts payees, MemberLookup lookup, PersonalDataCipher cipher, AuditLog audit,
            ApplicationEventPublisher events, PlatformTime time) {
        this.jdbc = jdbc;
        this.template = template;
        this.programmes = programmes;
        this.journal = journal;
        this.payees = payees;
        this.lookup = lookup;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.time = time;
    }

    /**
     * Puts every entitled payment of the programme in the admin's scope whose member has a payee account into a
     * new batch. Answers empty when there is nothing to pay (running it twice makes no second batch of the same).
     */
    @Transactional
    public Optional<BatchView> createBatch(CurrentUser admin, String programme) {
        TreePath scope = requirePayer(admin);
        programmes.require(programme);
        List<Candidate> entitled = jdbc.sql("""
                select id, source_ref, member_id, amount from payment_entitlement
                where programme = :p and status = 'ENTITLED' and org_path like :scope order by id""")
                .param("p", programme).param("scope", scope.likePattern())
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("source_ref"), rs.getLong("member_id"),
                        rs.getBigDecimal("amount"))).list();
        if (entitled.isEmpty()) {
            return Optional.empty();
        }
        List<Long> memberIds = entitled.stream().map(Candidate::memberId).distinct().toList();
        Map<Long, PayeeAccounts.Payee> payee = payees.resolveAll(memberIds);
        List<Candidate> payable = entitled.stream().filter(c -> payee.containsKey(c.memberId())).toList();
        if (payable.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, MemberLookup.Listed> names = lookup.byIds(payable.stream().map(Candidate::memberId).toList());
        Instant now = time.now();
        Timestamp at = Timestamp.from(now);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into payment_batch (programme, org_path, created_at, created_by, line_count, total)
                values (:p, :path, :at, :by, 0, 0)""")
                .param("p", programme).param("path", scope.value()).param("at", at).param("by", admin.getUsername())
                .update(keys, "id");
        long batchId = keys.getKey().longValue();
        String batchNo = Entitlements.batchNo(batchId);
        Set<Long> taken = new HashSet<>();
        for (int i = 0; i < payable.size(); i += Entitlements.CHUNK) {
            // what another batch is taking right now is skipped, not waited for (and never taken twice)
            List<Long> locked = jdbc.sql("""
                    select id from payment_entitlement where id in (:ids) and status = 'ENTITLED'
                    order by id for update skip locked""")
                    .param("ids", payable.subList(i, Math.min(payable.size(), i + Entitlements.CHUNK)).stream()
                            .map(Candidate::id).toList())
                    .query(Long.class).list();
            if (locked.isEmpty()) {
                continue;
            }
            jdbc.sql("""
                    update payment_entitlement set status = 'IN_PAYMENT', batch_id = :b, updated_at = :at
                    where id in (:ids) and status = 'ENTITLED'""")
                    .param("b", batchId).param("at", at).param("ids", locked).update();
            taken.addAll(locked);
        }
        List<Candidate> mine = payable.stream().filter(c -> taken.contains(c.id())).toList();
        if (mine.isEmpty()) {
            jdbc.sql("delete from payment_batch where id = :id").param("id", batchId).update();
            return Optional.empty();
        }
        Map<Long, Integer> attempts = attempts(mine.stream().map(Candidate::id).toList());
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        List<Object[]> lines = new ArrayList<>(mine.size());
        for (Candidate c : mine) {
            PayeeAccounts.Payee account = payee.get(c.memberId());
            MemberLookup.Listed member = names.get(c.memberId());
            String name = member == null ? "" : member.name();
            lines.add(new Object[] {batchId, c.id(), attempts.getOrDefault(c.id(), 0) + 1, c.memberId(), c.amount(),
                    name.length() > 60 ? name.substring(0, 60) : name, cipher.encrypt(account.account()),
                    account.masked(), account.source().name()});
            total = total.add(c.amount());
        }
        for (int i = 0; i < lines.size(); i += Entitlements.CHUNK) {
            template.batchUpdate("""
                    insert into payment_line (batch_id, entitlement_id, attempt, member_id, amount, account_name,
                      account_enc, account_masked, account_source, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""",
                    lines.subList(i, Math.min(lines.size(), i + Entitlements.CHUNK)));
        }
        jdbc.sql("update payment_batch set line_count = :n, total = :t where id = :id")
                .param("n", mine.size()).param("t", total).param("id", batchId).update();
        for (Candidate c : mine) {
            events.publishEvent(new EntitlementInPayment(c.id(), programme, c.sourceRef(), c.memberId(), batchNo));
        }
        audit.record("payment.batch", "payment_batch", batchId, programme + ": " + mine.size() + " payments, " + total);
        return Optional.of(batch(admin, batchId));
    }

    /**
     * The bank transfer file of a batch (UTF-8 CSV): its pending lines with the frozen payee accounts in clear text;
     * the export is audit-logged with the number of accounts it reveals. Producing it again gives the same lines.
     */
    @Transactional
    public byte[] transferFile(CurrentUser admin, long batchId) {
        requirePayer(admin);
        BatchView batch = batch(admin, batchId);
        StringBuilder csv = new StringBuilder(BankFiles.TRANSFER_HEADER).append('\n');
        int[] line = {0};
        jdbc.sql("""
                select l.id, l.account_name, l.account_enc, l.amount, e.source_ref, e.purpose from payment_line l
                join payment_entitlement e on e.id = l.entitlement_id
                where l.batch_id = :b and l.status = 'PENDING' order by l.id""")
                .param("b", batchId).query(rs -> {
                    csv.append(BankFiles.transferLine(batch.batchNo(), ++line[0], rs.getLong("id"),
                            rs.getString("source_ref"), rs.getString("account_name"),
                            cipher.decrypt(rs.getString("account_enc")), rs.getBigDecimal("amount"),
                            rs.getString("purpose")));
                });
        jdbc.sql("update payment_batch set exported_at = :at where id = :id")
                .param("at", Timestamp.from(time.now())).param("id", batchId).update();
        audit.record("payment.transfer-file", "payment_batch", batchId, line[0] + " accounts revealed");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Imports the bank's result file for a batch. Each line settles one pending payment; lines for payments
     * already settled change nothing; the same file imported again is recognised and changes nothing; lines that do
     * not match the batch (batch number, payment, amount, result) are refused with their reason.
     */
    @Transactional
    public ResultOutcome importResult(CurrentUser admin, long batchId, byte[] file) {
        requirePayer(admin);
        BatchView batch = batch(admin, batchId);
        List<BankFiles.Read> read = BankFiles.readResult(file, batch.batchNo());
        jdbc.sql("select id from payment_batch where id = :id for update").param("id", batchId).query(Long.class).single();
        String sha = sha256(file);
        if (jdbc.sql("select count(*) from payment_bank_file where sha256 = :s").param("s", sha).query(Long.class)
                .single() > 0) {
            return new ResultOutcome(true, 0, 0, 0, List.of());
        }
        Map<Long, Line> lines = new HashMap<>();
        jdbc.sql("""
                select l.id, l.entitlement_id, l.member_id, l.amount, l.status, e.programme, e.source_ref
                from payment_line l join payment_entitlement e on e.id = l.entitlement_id where l.batch_id = :b""")
                .param("b", batchId).query(rs -> {
                    lines.put(rs.getLong("id"), new Line(rs.getLong("id"), rs.getLong("entitlement_id"),
                            rs.getLong("member_id"), rs.getBigDecimal("amount"), rs.getString("status"),
                            rs.getString("programme"), rs.getString("source_ref")));
                });
        List<String> refused = new ArrayList<>();
        List<BankFiles.ResultLine> successes = new ArrayList<>();
        List<BankFiles.ResultLine> failures = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int already = 0;
        for (BankFiles.Read r : read) {
            if (r.refusal() != null) {
                refused.add(r.refusal());
                continue;
            }
            BankFiles.ResultLine result = r.line();
            Line line = lines.get(result.paymentId());
            if (line == null) {
                refused.add(result.lineNo() + ": payment");
            } else if (line.amount().compareTo(result.amount()) != 0) {
                refused.add(result.lineNo() + ": amount");
            } else if (!line.status().equals("PENDING") || !seen.add(line.id())) {
                already++;
            } else if (result.success()) {
                successes.add(result);
            } else {
                failures.add(result);
            }
        }
        Instant now = time.now();
        Timestamp at = Timestamp.from(now);
        List<Line> paid = settle(successes, lines, "PAID", at);
        List<Line> failed = settle(failures, lines, "FAILED", at);
        already += successes.size() - paid.size() + failures.size() - failed.size();
        Map<Long, BankFiles.ResultLine> byLine = new HashMap<>();
        successes.forEach(s -> byLine.put(s.paymentId(), s));
        failures.forEach(f -> byLine.put(f.paymentId(), f));
        if (!paid.isEmpty()) {
            template.batchUpdate("insert into payment_paid (entitlement_id, line_id, paid_at) values (?, ?, ?)",
                    paid.stream().map(l -> new Object[] {l.entitlementId(), l.id(), at}).toList());
            template.batchUpdate("""
                    update payment_entitlement set status = 'PAID', paid_at = ?, bank_ref = ?, failure = null, updated_at = ?
                    where id = ? and status = 'IN_PAYMENT'""",
                    paid.stream().map(l -> new Object[] {at, byLine.get(l.id()).bankRef(), at, l.entitlementId()}).toList());
            journal.postAll(paid.stream().map(l -> new PaymentJournal.Posting(l.programme(), PaymentJournal.PAID,
                    l.entitlementId(), l.amount())).toList(), now);
        }
        if (!failed.isEmpty()) {
            template.batchUpdate("""
                    update payment_entitlement set status = 'FAILED', failure = ?, updated_at = ?
                    where id = ? and status = 'IN_PAYMENT'""",
                    failed.stream().map(l -> new Object[] {byLine.get(l.id()).message(), at, l.entitlementId()}).toList());
        }
        for (Line l : paid) {
            events.publishEvent(new EntitlementPaid(l.entitlementId(), l.programme(), l.sourceRef(), l.memberId(),
                    l.amount(), byLine.get(l.id()).bankRef(), now));
        }
        for (Line l : failed) {
            events.publishEvent(new EntitlementFailed(l.entitlementId(), l.programme(), l.sourceRef(), l.memberId(),
                    byLine.get(l.id()).message()));
        }
        jdbc.sql("insert into payment_bank_file (sha256, batch_id, imported_at, imported_by) values (:s, :b, :at, :by)")
                .param("s", sha).param("b", batchId).param("at", at).param("by", admin.getUsername()).update();
        jdbc.sql("""
                update payment_batch set settled_at = :at where id = :id and settled_at is null
                and not exists (select 1 from payment_line l where l.batch_id = :id and l.status = 'PENDING')""")
                .param("at", at).param("id", batchId).update();
        audit.record("payment.result-file", "payment_batch", batchId, "paid " + paid.size() + ", failed "
                + failed.size() + ", already " + already + ", refused " + refused.size());
        return new ResultOutcome(false, paid.size(), failed.size(), already, List.copyOf(refused));
    }

    /** After the account is fixed: the failed entitlement waits for the next batch again. */
    @Transactional
    public EntitlementView retry(CurrentUser admin, long entitlementId) {
        TreePath scope = requirePayer(admin);
        EntitlementView view = entitlements(scope, entitlementId);
        int moved = jdbc.sql("""
                update payment_entitlement set status = 'ENTITLED', batch_id = null, updated_at = :at
                where id = :id and status = 'FAILED' and org_path like :scope""")
                .param("at", Timestamp.from(time.now())).param("id", entitlementId).param("scope", scope.likePattern())
                .update();
        if (moved == 0) {
            throw DomainException.conflict("payment.retry.not-failed");
        }
        events.publishEvent(new EntitlementRetried(entitlementId, view.programme(), view.sourceRef(), view.memberId()));
        audit.record("payment.retry", "payment_entitlement", entitlementId, view.sourceRef());
        return entitlements(scope, entitlementId);
    }

    /** Batches made in the staff's scope (by them or below), newest first. */
    @Transactional(readOnly = true)
    public List<BatchView> batches(CurrentUser staff, String programme) {
        TreePath scope = requireStaff(staff);
        return jdbc.sql(BATCH_SELECT + " where b.org_path like :scope and (:p = '' or b.programme = :p) order by b.id desc limit 100")
                .param("scope", scope.likePattern()).param("p", programme == null ? "" : programme)
                .query((rs, n) -> batchView(rs)).list();
    }

    /** A batch made in the staff's scope; another organisation's is not found. */
    @Transactional(readOnly = true)
    public BatchView batch(CurrentUser staff, long batchId) {
        TreePath scope = requireStaff(staff);
        return jdbc.sql(BATCH_SELECT + " where b.id = :id and b.org_path like :scope").param("id", batchId)
                .param("scope", scope.likePattern()).query((rs, n) -> batchView(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("payment.batch.not-found"));
    }

    @Transactional(readOnly = true)
    public List<PaymentLineView> lines(CurrentUser staff, long batchId) {
        batch(staff, batchId);
        return jdbc.sql("""
                select l.*, e.source_ref from payment_line l join payment_entitlement e on e.id = l.entitlement_id
                where l.batch_id = :b order by l.id""").param("b", batchId).query((rs, n) -> lineView(rs)).list();
    }

    /** Entitlements of the scope in one status (e.g. FAILED, or ENTITLED: waiting, perhaps for an account). */
    @Transactional(readOnly = true)
    public List<EntitlementView> entitlements(CurrentUser staff, String programme, EntitlementStatus status, int limit) {
        TreePath scope = requireStaff(staff);
        return jdbc.sql(Entitlements.SELECT + """
                 where e.org_path like :scope and e.status = :st and (:p = '' or e.programme = :p)
                order by e.id desc limit :limit""")
                .param("scope", scope.likePattern()).param("st", status.name()).param("p", programme == null ? "" : programme)
                .param("limit", Math.max(1, Math.min(limit, 500))).query((rs, n) -> Entitlements.view(rs)).list();
    }

    /** An entitlement in the staff's scope. */
    @Transactional(readOnly = true)
    public EntitlementView entitlement(CurrentUser staff, long entitlementId) {
        return entitlements(requireStaff(staff), entitlementId);
    }

    private EntitlementView entitlements(TreePath scope, long id) {
        return jdbc.sql(Entitlements.SELECT + " where e.id = :id and e.org_path like :scope").param("id", id)
                .param("scope", scope.likePattern()).query((rs, n) -> Entitlements.view(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("payment.entitlement.not-found"));
    }

    private List<Line> settle(List<BankFiles.ResultLine> results, Map<Long, Line> lines, String status, Timestamp at) {
        List<Line> settled = new ArrayList<>();
        for (int i = 0; i < results.size(); i += Entitlements.CHUNK) {
            List<BankFiles.ResultLine> chunk = results.subList(i, Math.min(results.size(), i + Entitlements.CHUNK));
            int[] counts = template.batchUpdate("""
                    update payment_line set status = ?, bank_ref = ?, failure_reason = ?, settled_at = ?
                    where id = ? and status = 'PENDING'""", chunk.stream().map(r -> new Object[] {status, r.bankRef(),
                    r.success() ? null : r.message(), at, r.paymentId()}).toList());
            for (int j = 0; j < counts.length; j++) {
                if (counts[j] != 0) {
                    settled.add(lines.get(chunk.get(j).paymentId()));
                }
            }
        }
        return settled;
    }

    private Map<Long, Integer> attempts(List<Long> entitlementIds) {
        Map<Long, Integer> attempts = new HashMap<>();
        for (int i = 0; i < entitlementIds.size(); i += Entitlements.CHUNK) {
            jdbc.sql("""
                    select entitlement_id, max(attempt) as attempt from payment_line where entitlement_id in (:ids)
                    group by entitlement_id""")
                    .param("ids", entitlementIds.subList(i, Math.min(entitlementIds.size(), i + Entitlements.CHUNK)))
                    .query(rs -> {
                        attempts.put(rs.getLong("entitlement_id"), rs.getInt("attempt"));
                    });
        }
        return attempts;
    }

    /** Staff of any organisation see their subtree's payments. */
    static TreePath requireStaff(CurrentUser user) {
        if (user == null || !user.isStaff() || user.orgPath() == null) {
            throw DomainException.forbidden("payment.staff-only");
        }
        return new TreePath(user.orgPath());
    }

    /** Only administrators make batches, handle bank files and retry, within their scope. */
    static TreePath requirePayer(CurrentUser user) {
        TreePath scope = requireStaff(user);
        if (!user.has(Role.ADMIN)) {
            throw DomainException.forbidden("payment.admin-only");
        }
        return scope;
    }

    private record Candidate(long id, String sourceRef, long memberId, BigDecimal amount) {
    }

    private record Line(long id, long entitlementId, long memberId, BigDecimal amount, String status, String programme,
            String sourceRef) {
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
              (select count(*) from payment_line l where l.batch_id = b.id and l.status = 'PAID') as paid,
              (select count(*) from payment_line l where l.batch_id = b.id and l.status = 'FAILED') as failed,
              (select count(*) from payment_line l where l.batch_id = b.id and l.status = 'PENDING') as pending
            from payment_batch b""";

    private static BatchView batchView(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BatchView(rs.getLong("id"), Entitlements.batchNo(rs.getLong("id")), rs.getString("programme"),
                rs.getString("org_path"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getInt("line_count"), rs.getBigDecimal("total"), instant(rs, "exported_at"),
                instant(rs, "settled_at"), rs.getInt("paid"), rs.getInt("failed"), rs.getInt("pending"));
    }

    private static PaymentLineView lineView(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PaymentLineView(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("entitlement_id"),
                rs.getString("source_ref"), rs.getInt("attempt"), rs.getLong("member_id"), rs.getString("account_name"),
                rs.getString("account_masked"), PayeeAccounts.Source.valueOf(rs.getString("account_source")),
                rs.getBigDecimal("amount"), rs.getString("status"), rs.getString("bank_ref"),
                rs.getString("failure_reason"), instant(rs, "settled_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
