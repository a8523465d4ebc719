package org.gonghui.mutualaid;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computing and approving many claims at once (a year-end run, or a reviewer's "approve all that the rules
 * pay"): the same aggregate rules as one-by-one review — recompute, maker-checker, optimistic version —
 * but loaded, saved and posted to the ledger in statement batches. Claims the rules do not pay stay under
 * review for a person; claims someone changed meanwhile are left alone.
 */
@Service
public class ClaimBatches {

    private static final int CHUNK = 2000;

    private final ClaimRepository repository;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Plans plans;
    private final FundLedger ledger;
    private final ClaimPayments payments;
    private final AuditLog audit;
    private final ClaimRecords records;
    private final Claims claims;
    private final PlatformTime time;

    ClaimBatches(ClaimRepository repository, JdbcClient jdbc, JdbcTemplate template, Plans plans, FundLedger ledger, ClaimPayments payments,
            AuditLog audit, ClaimRecords records, Claims claims, PlatformTime time) {
        this.records = records;
        this.claims = claims;
        this.time = time;
        this.repository = repository;
        this.jdbc = jdbc;
        this.template = template;
        this.plans = plans;
        this.ledger = ledger;
        this.payments = payments;
        this.audit = audit;
    }

    /** Approves every claim under review for a plan in the reviewer's subtree that the rules pay. */
    @Transactional
    public BatchApproval approveUnderReview(CurrentUser reviewer, String project, CoverYear year) {
        if (!reviewer.isStaff() || !(reviewer.has(Role.REVIEWER) || reviewer.has(Role.ADMIN))) {
            throw DomainException.forbidden("mutualaid.claim.reviewers-only");
        }
        TreePath scope = new TreePath(reviewer.orgPath());
        PlanView plan = plans.require(project, year);
        List<Long> ids = jdbc.sql("""
                select id from mutualaid_claim where plan_id = :p and status = 'UNDER_REVIEW' and org_path like :scope
                order by member_id, event_date, id""")
                .param("p", plan.id()).param("scope", scope.likePattern()).query(Long.class).list();
        Map<Long, List<ClaimRecords.YearClaim>> years = new HashMap<>();
        Set<Long> decidedMembers = new HashSet<>();
        int approved = 0;
        int incomplete = 0;
        int second = 0;
        int notPayable = 0;
        int conflicts = 0;
        Money total = Money.ZERO;
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunkIds = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            Map<Long, Claim> byId = new HashMap<>();
            repository.findAllById(chunkIds).forEach(c -> byId.put(c.id(), c));
            Map<Long, BenefitCalculator.Cover> covers = covers(byId.values());
            loadYears(plan.id(), byId.values(), years);
            Map<Long, Set<DocumentType>> uploaded = uploaded(chunkIds);
            List<Claim> changed = new ArrayList<>();
            List<Integer> versions = new ArrayList<>();
            for (Long id : chunkIds) {
                Claim claim = byId.get(id);
                List<ClaimRecords.YearClaim> memberYear = years.get(claim.memberId());
                Benefit benefit = BenefitCalculator.compute(plan.rules(), covers.get(claim.enrolmentId()), claim.facts(time.zone()),
                        ClaimRecords.history(memberYear, claim.id()));
                claim.recordBenefit(benefit);
                if (!benefit.payable() || !claim.amountToPay().isPositive()) {
                    notPayable++;
                    continue;
                }
                if (!DocumentChecklist.missing(claim.claimType(), uploaded.getOrDefault(id, Set.of()), List.of()).isEmpty()) {
                    incomplete++;
                    continue;
                }
                int version = claim.version();
                boolean done = claim.approve(reviewer.getUsername(), plan.rules().secondApprovalAbove());
                changed.add(claim);
                versions.add(version);
                if (done) {
                    granted(memberYear, claim);
                }
            }
            int[] counts = save(changed, versions);
            List<FundLedger.Posting> postings = new ArrayList<>();
            List<Claim> granted = new ArrayList<>();
            List<Object[]> events = new ArrayList<>();
            Timestamp now = Timestamp.from(Instant.now());
            for (int k = 0; k < changed.size(); k++) {
                Claim claim = changed.get(k);
                if (counts[k] == 0) {
                    conflicts++;
                    continue;
                }
                boolean done = claim.status() == ClaimStatus.APPROVED;
                events.add(new Object[] {claim.id(), now, reviewer.getUsername(), done ? "approved" : "first-approval",
                        claim.amountToPay().toString()});
                if (done) {
                    decidedMembers.add(claim.memberId());
                    approved++;
                    total = total.plus(claim.amountToPay());
                    granted.add(claim);
                    postings.add(new FundLedger.Posting(plan.project(), year, "BENEFIT_APPROVED",
                            "claim-approved:" + claim.id(), claim.amountToPay(), FundAccount.BENEFITS, FundAccount.PAYABLE));
                } else {
                    second++;
                }
            }
            template.batchUpdate("insert into mutualaid_claim_event (claim_id, at, actor, kind, detail) values (?, ?, ?, ?, ?)",
                    events);
            ledger.postAll(postings);
            payments.entitle(granted);
        }
        // as after one approval: the members' other open claims follow the year as it now stands
        for (Long member : decidedMembers) {
            if (years.get(member).stream().anyMatch(c -> ClaimStatus.OPEN.contains(c.status()))) {
                claims.recomputeOpenClaims(member, plan.id(), -1, reviewer.getUsername());
            }
        }
        audit.record("mutualaid.claim.batch-approve", "mutualaid_plan", plan.id(),
                approved + " approved, " + second + " awaiting second approval, " + notPayable + " not payable, "
                        + incomplete + " with documents missing");
        return new BatchApproval(ids.size(), approved, second, notPayable, incomplete, conflicts, total);
    }

    private int[] save(List<Claim> claims, List<Integer> versions) {
        List<Object[]> rows = new ArrayList<>(claims.size());
        for (int k = 0; k < claims.size(); k++) {
            Claim c = claims.get(k);
            rows.add(new Object[] {c.status().name(), c.computedAmount(), c.explanation(), c.firstApprover(),
                    c.secondApprover(), c.decidedAt() == null ? null : Timestamp.from(c.decidedAt()),
                    Timestamp.from(c.updatedAt()), c.id(), versions.get(k)});
        }
        int[] counts = new int[rows.size()];
        int at = 0;
        for (int[] batch : template.batchUpdate("""
                update mutualaid_claim set status = ?, computed_amount = ?, explanation = ?, first_approver = ?,
                  second_approver = ?, decided_at = ?, updated_at = ?, version = version + 1
                where id = ? and version = ? and status = 'UNDER_REVIEW'""", rows, 1000, (ps, row) -> {
                    for (int c = 0; c < row.length; c++) {
                        ps.setObject(c + 1, row[c]);
                    }
                })) {
            for (int count : batch) {
                counts[at++] = count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : count;
            }
        }
        return counts;
    }

    private Map<Long, BenefitCalculator.Cover> covers(java.util.Collection<Claim> claims) {
        Set<Long> enrolmentIds = claims.stream().map(Claim::enrolmentId).collect(Collectors.toSet());
        Map<Long, BenefitCalculator.Cover> covers = new HashMap<>();
        jdbc.sql("select id, shares, continuous, effective_from from mutualaid_enrolment where id in (:ids)")
                .param("ids", enrolmentIds)
                .query((rs, n) -> Map.entry(rs.getLong("id"), new BenefitCalculator.Cover(rs.getInt("shares"),
                        rs.getBoolean("continuous"), rs.getDate("effective_from").toLocalDate())))
                .list().forEach(e -> covers.put(e.getKey(), e.getValue()));
        return covers;
    }

    /** The cover year of members not seen yet: their claims under the plan that are not rejected. */
    private void loadYears(long planId, java.util.Collection<Claim> claims, Map<Long, List<ClaimRecords.YearClaim>> years) {
        Set<Long> members = claims.stream().map(Claim::memberId).filter(m -> !years.containsKey(m))
                .collect(Collectors.toSet());
        if (members.isEmpty()) {
            return;
        }
        members.forEach(m -> years.put(m, new ArrayList<>()));
        records.yearClaims(planId, members).forEach(c -> years.get(c.memberId()).add(c));
    }

    /** The document types uploaded to each claim (claims under review have no open request, only the checklist). */
    private Map<Long, Set<DocumentType>> uploaded(List<Long> claimIds) {
        Map<Long, Set<DocumentType>> uploaded = new HashMap<>();
        jdbc.sql("select claim_id, doc_type from mutualaid_document where claim_id in (:ids)").param("ids", claimIds)
                .query((rs, n) -> uploaded.computeIfAbsent(rs.getLong("claim_id"), k -> new HashSet<>())
                        .add(DocumentType.valueOf(rs.getString("doc_type"))))
                .list();
        return uploaded;
    }

    /** The claim, approved in this batch, now counts as granted for the member's later claims in it. */
    private static void granted(List<ClaimRecords.YearClaim> year, Claim claim) {
        year.removeIf(c -> c.id() == claim.id());
        year.add(new ClaimRecords.YearClaim(claim.id(), claim.memberId(), claim.eventDate(), ClaimStatus.APPROVED,
                claim.explanation(), claim.amountToPay().amount(), claim.disease()));
    }
}
