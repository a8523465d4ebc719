package org.gonghui.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What members are owed, one entitlement per (programme, source key). Source modules call this API; the
 * batches ({@link PaymentBatches}) pay what is entitled. Every change is posted to the programme's journal.
 */
@Service
public class Entitlements {

    static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PaymentProgrammes programmes;
    private final PaymentJournal journal;
    private final PayeeAccounts payees;
    private final PlatformTime time;

    Entitlements(JdbcClient jdbc, JdbcTemplate template, PaymentProgrammes programmes, PaymentJournal journal,
            PayeeAccounts payees, PlatformTime time) {
        this.jdbc = jdbc;
        this.template = template;
        this.programmes = programmes;
        this.journal = journal;
        this.payees = payees;
        this.time = time;
    }

    /**
     * Idempotent on (programme, sourceRef): the same request again answers the same id; a different amount or
     * member for the same key is a conflict. Posts the programme journal's "entitled" transaction.
     */
    @Transactional
    public long entitle(EntitlementRequest request) {
        return entitleAll(List.of(request)).get(0);
    }

    /** Many at once, set-based (statement batches of a thousand); the same idempotency. Ids in request order. */
    @Transactional
    public List<Long> entitleAll(List<EntitlementRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            return List.of();
        }
        Map<Key, EntitlementRequest> wanted = new LinkedHashMap<>();
        List<Key> order = new ArrayList<>(requests.size());
        for (EntitlementRequest raw : requests) {
            EntitlementRequest request = checked(raw);
            Key key = new Key(request.programme(), request.sourceRef());
            EntitlementRequest before = wanted.putIfAbsent(key, request);
            if (before != null && !sameClaim(before, request)) {
                throw DomainException.conflict("payment.entitlement.conflict", request.sourceRef());
            }
            order.add(key);
        }
        Map<Key, Long> ids = existing(wanted);
        List<EntitlementRequest> fresh = wanted.entrySet().stream().filter(e -> !ids.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        if (!fresh.isEmpty()) {
            Instant now = time.now();
            Timestamp at = Timestamp.from(now);
            // the new ids come back from the inserts themselves: a second look-up by key would depend on the
            // planner's statistics, which a bulk insert has just made stale
            Map<Key, Long> newIds = new HashMap<>();
            try {
                for (int i = 0; i < fresh.size(); i += CHUNK) {
                    List<EntitlementRequest> chunk = fresh.subList(i, Math.min(fresh.size(), i + CHUNK));
                    GeneratedKeyHolder keys = new GeneratedKeyHolder();
                    template.batchUpdate(connection -> connection.prepareStatement("""
                            insert into payment_entitlement (programme, source_ref, member_id, org_path, amount, purpose,
                              status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'ENTITLED', ?, ?)""",
                            new String[] {"id"}), new BatchPreparedStatementSetter() {
                                @Override
                                public void setValues(PreparedStatement statement, int n) throws SQLException {
                                    EntitlementRequest r = chunk.get(n);
                                    statement.setString(1, r.programme());
                                    statement.setString(2, r.sourceRef());
                                    statement.setLong(3, r.memberId());
                                    statement.setString(4, r.orgPath());
                                    statement.setBigDecimal(5, r.amount());
                                    statement.setString(6, r.purpose());
                                    statement.setTimestamp(7, at);
                                    statement.setTimestamp(8, at);
                                }

                                @Override
                                public int getBatchSize() {
                                    return chunk.size();
                                }
                            }, keys);
                    List<Map<String, Object>> generated = keys.getKeyList();
                    if (generated.size() != chunk.size()) {
                        throw new IllegalStateException("the database returned " + generated.size() + " ids for "
                                + chunk.size() + " entitlements");
                    }
                    for (int n = 0; n < chunk.size(); n++) {
                        EntitlementRequest r = chunk.get(n);
                        newIds.put(new Key(r.programme(), r.sourceRef()), ((Number) generated.get(n).get("id")).longValue());
                    }
                }
            } catch (DuplicateKeyException e) {
                throw DomainException.conflict("payment.entitlement.concurrent");
            }
            ids.putAll(newIds);
            journal.postAll(fresh.stream().map(r -> new PaymentJournal.Posting(r.programme(), PaymentJournal.ENTITLED,
                    newIds.get(new Key(r.programme(), r.sourceRef())), r.amount())).toList(), now);
        }
        return order.stream().map(ids::get).toList();
    }

    /** Only while ENTITLED or FAILED; reverses the journal's "entitled" transaction. */
    @Transactional
    public void cancel(String programme, String sourceRef, String reason) {
        programmes.require(programme);
        Map<String, Object> row = jdbc.sql("""
                select id, member_id, amount from payment_entitlement where programme = :p and source_ref = :s""")
                .param("p", programme).param("s", sourceRef == null ? "" : sourceRef).query().listOfRows()
                .stream().findFirst().orElseThrow(() -> DomainException.notFound("payment.entitlement.not-found"));
        long id = ((Number) row.get("id")).longValue();
        Instant now = time.now();
        int moved = jdbc.sql("""
                update payment_entitlement set status = 'CANCELLED', cancel_reason = :r, updated_at = :at
                where id = :id and status in ('ENTITLED', 'FAILED')""")
                .param("r", reason == null ? null : reason.substring(0, Math.min(200, reason.length())))
                .param("at", Timestamp.from(now)).param("id", id).update();
        if (moved == 0) {
            throw DomainException.conflict("payment.entitlement.not-cancellable");
        }
        journal.postAll(List.of(new PaymentJournal.Posting(programme, PaymentJournal.CANCELLED, id,
                (BigDecimal) row.get("amount"))), now);
    }

    @Transactional(readOnly = true)
    public Optional<EntitlementView> find(String programme, String sourceRef) {
        return jdbc.sql(SELECT + " where e.programme = :p and e.source_ref = :s").param("p", programme)
                .param("s", sourceRef).query((rs, n) -> view(rs)).optional().map(this::withCurrentPayee);
    }

    /** The member's own payments, newest first. */
    @Transactional(readOnly = true)
    public List<EntitlementView> ofMember(long memberId) {
        List<EntitlementView> views = jdbc.sql(SELECT + " where e.member_id = :m order by e.id desc")
                .param("m", memberId).query((rs, n) -> view(rs)).list();
        if (views.stream().noneMatch(v -> v.payeeMasked() == null)) {
            return views;
        }
        String current = payees.currentMasked(memberId).orElse(null);
        return views.stream().map(v -> v.payeeMasked() != null || v.status() != EntitlementStatus.ENTITLED ? v
                : withPayee(v, current)).toList();
    }

    private EntitlementView withCurrentPayee(EntitlementView view) {
        if (view.payeeMasked() != null || view.status() != EntitlementStatus.ENTITLED) {
            return view;
        }
        return withPayee(view, payees.currentMasked(view.memberId()).orElse(null));
    }

    private static EntitlementView withPayee(EntitlementView v, String masked) {
        return new EntitlementView(v.id(), v.programme(), v.sourceRef(), v.memberId(), v.amount(), v.purpose(),
                v.status(), v.batchNo(), v.paidAt(), v.bankRef(), v.failure(), masked);
    }

    static final String SELECT = """
            select e.*, (select l.account_masked from payment_line l where l.entitlement_id = e.id
                         order by l.attempt desc limit 1) as payee_masked
            from payment_entitlement e""";

    static EntitlementView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        long batch = rs.getLong("batch_id");
        Timestamp paid = rs.getTimestamp("paid_at");
        return new EntitlementView(rs.getLong("id"), rs.getString("programme"), rs.getString("source_ref"),
                rs.getLong("member_id"), rs.getBigDecimal("amount"), rs.getString("purpose"),
                EntitlementStatus.valueOf(rs.getString("status")), batchNo(batch),
                paid == null ? null : paid.toInstant(), rs.getString("bank_ref"), rs.getString("failure"),
                rs.getString("payee_masked"));
    }

    static String batchNo(long batchId) {
        return batchId == 0 ? null : "PB" + String.format("%06d", batchId);
    }

    private record Key(String programme, String sourceRef) {
    }

    private Map<Key, Long> existing(Map<Key, EntitlementRequest> wanted) {
        Map<Key, Long> found = new HashMap<>();
        Map<String, List<Key>> byProgramme = new LinkedHashMap<>();
        wanted.keySet().forEach(k -> byProgramme.computeIfAbsent(k.programme(), p -> new ArrayList<>()).add(k));
        byProgramme.forEach((programme, keys) -> {
            for (int i = 0; i < keys.size(); i += CHUNK) {
                jdbc.sql("""
                        select id, source_ref, member_id, amount from payment_entitlement
                        where programme = :p and source_ref in (:refs)""")
                        .param("p", programme)
                        .param("refs", keys.subList(i, Math.min(keys.size(), i + CHUNK)).stream().map(Key::sourceRef).toList())
                        .query((rs, n) -> {
                            Key key = new Key(programme, rs.getString("source_ref"));
                            EntitlementRequest asked = wanted.get(key);
                            if (asked.memberId() != rs.getLong("member_id")
                                    || asked.amount().compareTo(rs.getBigDecimal("amount")) != 0) {
                                throw DomainException.conflict("payment.entitlement.conflict", key.sourceRef());
                            }
                            return Map.entry(key, rs.getLong("id"));
                        }).list().forEach(e -> found.put(e.getKey(), e.getValue()));
            }
        });
        return found;
    }

    private static boolean sameClaim(EntitlementRequest a, EntitlementRequest b) {
        return a.memberId() == b.memberId() && a.amount().compareTo(b.amount()) == 0;
    }

    /** The request with its amount at scale 2; anything malformed is refused as bad input. */
    private EntitlementRequest checked(EntitlementRequest r) {
        if (r == null) {
            throw DomainException.invalid("payment.entitlement.invalid", "request");
        }
        programmes.require(r.programme());
        if (r.sourceRef() == null || !r.sourceRef().matches("[\\p{L}\\p{N}:_\\-./]{1,80}")) {
            throw DomainException.invalid("payment.entitlement.invalid", "sourceRef");
        }
        if (r.memberId() <= 0) {
            throw DomainException.invalid("payment.entitlement.invalid", "memberId");
        }
        try {
            new TreePath(r.orgPath());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("payment.entitlement.invalid", "orgPath");
        }
        BigDecimal amount = r.amount();
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw DomainException.invalid("payment.entitlement.invalid", "amount");
        }
        String purpose = r.purpose() == null ? "" : r.purpose().strip().replaceAll("[,\\r\\n\"]", " ");
        if (purpose.isEmpty() || purpose.length() > 60) {
            throw DomainException.invalid("payment.entitlement.invalid", "purpose");
        }
        return new EntitlementRequest(r.programme(), r.sourceRef(), r.memberId(), r.orgPath(),
                amount.setScale(2, RoundingMode.UNNECESSARY), purpose);
    }
}
