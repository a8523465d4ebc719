package org.gonghui.aid.grant;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Optional;
import org.gonghui.hardship.HardshipArchives;
import org.gonghui.hardship.HardshipStanding;
import org.gonghui.organisation.TreePath;
import org.gonghui.payment.EntitlementRequest;
import org.gonghui.payment.Entitlements;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deciding grants, from the service point up: the township (any staff in scope) checks, the district or city (a
 * reviewer or admin there) approves; above {@link AidSettings#secondApprovalAbove()} the first approval waits for a
 * second, different approver. At approval the member's standing in the hardship archive is read again: whoever has
 * left it (or whose tier no longer qualifies) is dropped with the reason, not paid. A final approval commits the
 * amount to the budget ({@link Budgets}: refused as a whole when it is not covered) and turns money into a payment
 * entitlement ({@code grant:<id>}), whose progress the grant then follows ({@link PaymentFollower}).
 *
 * <p>Every change names the version the user saw and is one conditional update: of two people deciding the same grant
 * at once, one wins and the other is told it changed.
 */
@Service
public class GrantReview {

    private final JdbcClient jdbc;
    private final GrantRecords records;
    private final Budgets budgets;
    private final HardshipArchives archives;
    private final Entitlements entitlements;
    private final AidSettings settings;
    private final AuditLog audit;
    private final PlatformTime time;

    GrantReview(JdbcClient jdbc, GrantRecords records, Budgets budgets, HardshipArchives archives,
            Entitlements entitlements, AidSettings settings, AuditLog audit, PlatformTime time) {
        this.jdbc = jdbc;
        this.records = records;
        this.budgets = budgets;
        this.archives = archives;
        this.entitlements = entitlements;
        this.settings = settings;
        this.audit = audit;
        this.time = time;
    }

    /** The township checks an application, optionally setting the amount (not for school aid, whose amount is fixed). */
    @Transactional
    public GrantView check(CurrentUser user, long id, Integer version, BigDecimal amount, String note) {
        GrantView grant = decidable(user, id, version);
        require(grant, GrantStatus.APPLIED);
        long fen = Amounts.fen(grant.amount());
        if (amount != null && grant.kind() != AidKind.SCHOOL) {
            fen = Amounts.fen(amount);
            if (fen > settings.maxGrantFen()) {
                throw DomainException.invalid("aid.amount.above-max", settings.maxGrant());
            }
        }
        move(grant, GrantStatus.CHECKED, "checked_by = :by, checked_at = :at, amount_fen = " + fen, user, null);
        String detail = Amounts.yuan(fen) + (note == null || note.isBlank() ? "" : " " + note.strip());
        return done(grant.id(), user, "checked", detail);
    }

    /** Approves (first or second approval); see the class comment. Answers the grant as it now stands. */
    @Transactional
    public GrantView approve(CurrentUser user, long id, Integer version) {
        GrantView grant = decidable(user, id, version);
        return approve(user, grant, archives.current(grant.memberId()));
    }

    /** The approval of one grant with the member's standing read (for a list: all at once) by the caller. */
    GrantView approve(CurrentUser user, GrantView grant, Optional<HardshipStanding> standing) {
        requireApprover(user, grant);
        if (grant.status() != GrantStatus.CHECKED && grant.status() != GrantStatus.AWAITING_SECOND_APPROVAL) {
            throw DomainException.conflict("aid.grant.status", grant.status().name());
        }
        String dropped = standing.isEmpty() ? "aid.drop.left-archive"
                : settings.eligible(grant.kind(), standing.get().tier().name()) ? null : "aid.drop.tier";
        if (dropped != null) {
            String reason = dropped + (standing.isPresent() ? ":" + standing.get().tier().name() : "");
            move(grant, GrantStatus.DROPPED, "status_reason = :reason, child_key = null", user, reason);
            return done(grant.id(), user, "dropped", reason);
        }
        long fen = Amounts.fen(grant.amount());
        if (grant.status() == GrantStatus.CHECKED && fen > settings.secondApprovalAboveFen()) {
            move(grant, GrantStatus.AWAITING_SECOND_APPROVAL, "first_approved_by = :by, first_approved_at = :at", user, null);
            return done(grant.id(), user, "first-approval", grant.amount().toPlainString());
        }
        if (grant.status() == GrantStatus.AWAITING_SECOND_APPROVAL && user.getUsername().equals(grant.firstApprovedBy())) {
            throw DomainException.forbidden("aid.approve.second-person");
        }
        BudgetView budget = budgets.chargeableFor(grant.orgPath(), grant.kind(), grant.year())
                .orElseThrow(() -> DomainException.conflict("aid.budget.none", grant.year()));
        budgets.commit(budget, fen);
        boolean money = grant.form() == GrantForm.MONEY;
        move(grant, GrantStatus.APPROVED, "approved_by = :by, approved_at = :at, budget_id = " + budget.id()
                + (money ? ", payment_status = 'ENTITLED'" : ""), user, null);
        if (money) {
            entitlements.entitle(new EntitlementRequest(grant.kind().paymentProgramme(), "grant:" + grant.id(),
                    grant.memberId(), grant.orgPath(), grant.amount(), purpose(grant)));
        }
        return done(grant.id(), user, "approved", grant.amount().toPlainString() + " / " + budget.orgName());
    }

    /** Refuses an open grant with a reason; a school-aid grant's child may then be applied for again. */
    @Transactional
    public GrantView reject(CurrentUser user, long id, Integer version, String reason) {
        GrantView grant = decidable(user, id, version);
        if (!grant.status().isOpen()) {
            throw DomainException.conflict("aid.grant.status", grant.status().name());
        }
        String why = Grants.text(reason, 500, "aid.reject.reason-required");
        move(grant, GrantStatus.REJECTED, "status_reason = :reason, child_key = null", user, why);
        return done(grant.id(), user, "rejected", why);
    }

    /** Staff record that approved goods were handed over. */
    @Transactional
    public GrantView handOut(CurrentUser user, long id, Integer version) {
        GrantView grant = decidable(user, id, version);
        require(grant, GrantStatus.APPROVED);
        if (grant.form() != GrantForm.GOODS) {
            throw DomainException.conflict("aid.grant.not-goods");
        }
        move(grant, GrantStatus.HANDED_OUT, "handed_out_by = :by, handed_out_at = :at", user, null);
        return done(grant.id(), user, "handed-out", grant.goods());
    }

    private GrantView decidable(CurrentUser user, long id, Integer version) {
        TreePath scope = TreePath.scopeOf(user);
        GrantView grant = records.find(id).filter(g -> scope.contains(g.orgPath()))
                .orElseThrow(() -> DomainException.notFound("aid.grant.not-found"));
        if (version != null && version != grant.version()) {
            throw DomainException.conflict("aid.grant.changed");
        }
        return grant;
    }

    /** Approvers are reviewers or admins at the district level or above, and never the person who checked. */
    private void requireApprover(CurrentUser user, GrantView grant) {
        if (!(user.has(Role.REVIEWER) || user.has(Role.ADMIN)) || new TreePath(user.orgPath()).depth() > 2) {
            throw DomainException.forbidden("aid.approve.district-only");
        }
        if (user.getUsername().equals(grant.checkedBy())) {
            throw DomainException.forbidden("aid.approve.not-checker");
        }
    }

    private static void require(GrantView grant, GrantStatus status) {
        if (grant.status() != status) {
            throw DomainException.conflict("aid.grant.status", grant.status().name());
        }
    }

    private void move(GrantView grant, GrantStatus to, String set, CurrentUser user, String reason) {
        int changed = jdbc.sql("update aid_grant set status = :to, version = version + 1, " + set
                        + " where id = :id and version = :v")
                .param("to", to.name()).param("by", user.getUsername()).param("at", Timestamp.from(time.now()))
                .param("reason", reason == null ? "" : reason).param("id", grant.id()).param("v", grant.version())
                .update();
        if (changed == 0) {
            throw DomainException.conflict("aid.grant.changed");
        }
    }

    private GrantView done(long id, CurrentUser user, String kind, String detail) {
        records.event(id, user.getUsername(), kind, detail);
        audit.record("aid.grant." + kind, "aid_grant", id, detail);
        return records.find(id).orElseThrow();
    }

    private static String purpose(GrantView grant) {
        return switch (grant.kind()) {
            case LIVING -> "工会生活救助";
            case MEDICAL -> "工会医疗救助";
            case FESTIVAL -> "工会送温暖";
            case SCHOOL -> "工会金秋助学" + grant.schoolYearLabel();
        };
    }
}
