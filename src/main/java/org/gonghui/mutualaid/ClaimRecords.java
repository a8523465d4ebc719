package org.gonghui.mutualaid;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows around a claim: its timeline, document requests, documents, and the member's year so far. */
@Component
class ClaimRecords {

    private final JdbcClient jdbc;

    ClaimRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void event(long claimId, String actor, String kind, String detail) {
        jdbc.sql("insert into mutualaid_claim_event (claim_id, at, actor, kind, detail) values (:c, :at, :a, :k, :d)")
                .param("c", claimId).param("at", Timestamp.from(Instant.now())).param("a", actor).param("k", kind)
                .param("d", detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000))).update();
    }

    List<ClaimEventView> timeline(long claimId) {
        return jdbc.sql("select * from mutualaid_claim_event where claim_id = :c order by id").param("c", claimId)
                .query((rs, n) -> new ClaimEventView(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("kind"), rs.getString("detail"))).list();
    }

    int request(long claimId, List<DocumentType> items, String note, LocalDate deadline, String by) {
        int round = jdbc.sql("select coalesce(max(round), 0) + 1 from mutualaid_document_request where claim_id = :c")
                .param("c", claimId).query(Integer.class).single();
        jdbc.sql("""
                insert into mutualaid_document_request (claim_id, round, items, note, deadline, requested_by, requested_at)
                values (:c, :r, :i, :n, :d, :by, :at)""")
                .param("c", claimId).param("r", round)
                .param("i", items.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("n", note == null || note.isBlank() ? null : note.trim()).param("d", Date.valueOf(deadline))
                .param("by", by).param("at", Timestamp.from(Instant.now())).update();
        return round;
    }

    void answerRequests(long claimId) {
        jdbc.sql("update mutualaid_document_request set answered_at = :at where claim_id = :c and answered_at is null")
                .param("at", Timestamp.from(Instant.now())).param("c", claimId).update();
    }

    List<DocumentRequestView> requests(long claimId) {
        return jdbc.sql("select * from mutualaid_document_request where claim_id = :c order by round").param("c", claimId)
                .query((rs, n) -> new DocumentRequestView(rs.getLong("id"), rs.getInt("round"),
                        Arrays.stream(rs.getString("items").split(",")).map(DocumentType::valueOf).toList(),
                        rs.getString("note"), rs.getDate("deadline").toLocalDate(), rs.getString("requested_by"),
                        rs.getTimestamp("requested_at").toInstant(),
                        rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()))
                .list();
    }

    long document(long claimId, DocumentType type, String originalName, DocumentStore.Stored stored, String by) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into mutualaid_document (claim_id, doc_type, original_name, content_type, size_bytes, sha256,
                  storage_key, uploaded_by, uploaded_at)
                values (:c, :t, :n, :ct, :s, :h, :k, :by, :at)""")
                .param("c", claimId).param("t", type.name()).param("n", safeName(originalName))
                .param("ct", stored.contentType()).param("s", stored.size()).param("h", stored.sha256())
                .param("k", stored.key()).param("by", by).param("at", Timestamp.from(Instant.now())).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<DocumentView> documents(long claimId) {
        return jdbc.sql("select * from mutualaid_document where claim_id = :c order by id").param("c", claimId)
                .query((rs, n) -> documentView(rs)).list();
    }

    Optional<DocumentView> documentOf(long claimId, long documentId) {
        return jdbc.sql("select * from mutualaid_document where claim_id = :c and id = :d").param("c", claimId)
                .param("d", documentId).query((rs, n) -> documentView(rs)).optional();
    }

    String storageKey(long documentId) {
        return jdbc.sql("select storage_key from mutualaid_document where id = :d").param("d", documentId)
                .query(String.class).single();
    }

    /** Another claim with this invoice number that is not rejected, if any. */
    Optional<Long> invoiceInUse(String invoiceNo, Long exceptClaim) {
        return jdbc.sql("""
                select id from mutualaid_claim where invoice_no = :i and status <> 'REJECTED' and id <> :c
                order by id limit 1""")
                .param("i", invoiceNo.trim()).param("c", exceptClaim == null ? -1L : exceptClaim)
                .query(Long.class).optional();
    }

    /** A claim of the member's cover year as the rules need it (rejected claims are left out). */
    record YearClaim(long id, long memberId, LocalDate admitted, ClaimStatus status, String explanation,
            java.math.BigDecimal amount, String disease) {

        boolean granted() {
            return ClaimStatus.GRANTED.contains(status);
        }

        boolean withFirstStaySubsidy() {
            return ExplanationLine.decodeAll(explanation).stream().anyMatch(line -> line.code().equals("first-stay"));
        }
    }

    private static final String YEAR_CLAIMS = """
            select id, member_id, event_date, status, explanation, coalesce(approved_amount, computed_amount) as amount,
                   disease
            from mutualaid_claim where plan_id = :p and status <> 'REJECTED'""";

    /** The member's claims under this plan that are not rejected, in the order they were filed. */
    List<YearClaim> yearClaims(long memberId, long planId) {
        return jdbc.sql(YEAR_CLAIMS + " and member_id = :m order by id").param("p", planId).param("m", memberId)
                .query((rs, n) -> yearClaim(rs)).list();
    }

    /** The same for many members at once (batch approval). */
    List<YearClaim> yearClaims(long planId, java.util.Collection<Long> memberIds) {
        return jdbc.sql(YEAR_CLAIMS + " and member_id in (:m) order by id").param("p", planId).param("m", memberIds)
                .query((rs, n) -> yearClaim(rs)).list();
    }

    /** The member's year around a claim ({@code null}: a claim being filed now, after all the others). */
    BenefitCalculator.YearHistory history(long memberId, long planId, Long claimId) {
        return history(yearClaims(memberId, planId), claimId);
    }

    /**
     * The member's year as seen from one claim: the amounts and diseases granted on the other claims, the
     * diseases of open claims filed before it, and every other stay for the first-stay subsidy.
     */
    static BenefitCalculator.YearHistory history(List<YearClaim> claims, Long claimId) {
        Money paid = Money.ZERO;
        Set<String> diseasesPaid = new HashSet<>();
        Set<String> diseasesClaimed = new HashSet<>();
        List<BenefitCalculator.OtherStay> stays = new java.util.ArrayList<>();
        for (YearClaim other : claims) {
            if (claimId != null && other.id() == claimId) {
                continue;
            }
            boolean filedBefore = claimId == null || other.id() < claimId;
            if (other.granted()) {
                paid = paid.plus(new Money(other.amount()));
                if (other.disease() != null) {
                    diseasesPaid.add(other.disease());
                }
            } else if (filedBefore && other.disease() != null) {
                diseasesClaimed.add(other.disease());
            }
            stays.add(new BenefitCalculator.OtherStay(other.admitted(), filedBefore, other.granted(),
                    other.granted() && other.withFirstStaySubsidy()));
        }
        return new BenefitCalculator.YearHistory(paid, diseasesPaid, diseasesClaimed, stays);
    }

    private static YearClaim yearClaim(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new YearClaim(rs.getLong("id"), rs.getLong("member_id"), rs.getDate("event_date").toLocalDate(),
                ClaimStatus.valueOf(rs.getString("status")), rs.getString("explanation"), rs.getBigDecimal("amount"),
                rs.getString("disease"));
    }

    private static DocumentView documentView(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DocumentView(rs.getLong("id"), rs.getLong("claim_id"), DocumentType.valueOf(rs.getString("doc_type")),
                rs.getString("original_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }

    private static String safeName(String name) {
        String clean = name == null ? "document" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
        if (clean.isEmpty()) {
            clean = "document";
        }
        return clean.length() > 200 ? clean.substring(clean.length() - 200) : clean;
    }
}
