package org.gonghui.aid.grant;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly aid budgets per organisation and kind. A grant is charged to the budget of the nearest organisation above the
 * member (or the member's own) that has one for the kind and year.
 *
 * <p>Exactness: an approval commits its amount with one conditional update
 * ({@code committed_fen + :fen <= amount_fen}); the row lock makes a second approval at the same time wait and then see
 * the first one's commit (PostgreSQL re-evaluates the condition on the updated row), and the table's check constraint
 * refuses whatever would still take the budget above its amount. So the budget is never overspent, and a refused
 * commit rolls back the whole approval.
 */
@Service
public class Budgets {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AuditLog audit;
    private final PlatformTime time;

    Budgets(JdbcClient jdbc, Organisations organisations, AuditLog audit, PlatformTime time) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
        this.time = time;
    }

    /**
     * Sets an organisation's budget for a kind and year. Staff set the budgets of organisations below their own; the
     * federation admin also its own. Never below what approvals have already committed.
     */
    @Transactional
    public BudgetView set(CurrentUser user, long orgId, AidKind kind, int year, BigDecimal amount) {
        TreePath scope = TreePath.scopeOf(user);
        OrganisationView org = organisations.requireInScope(orgId, scope);
        if (org.path().equals(scope.value()) && !user.has(Role.ADMIN)) {
            throw DomainException.forbidden("aid.budget.own-organisation");
        }
        requireYear(year);
        if (kind == null) {
            throw DomainException.invalid("aid.kind.required");
        }
        long fen = Amounts.fen(amount);
        String by = user.getUsername();
        Timestamp now = Timestamp.from(time.now());
        Optional<BudgetView> existing = find(orgId, kind, year);
        if (existing.isPresent()) {
            if (!existing.get().figures().mayResizeTo(fen)) {
                throw DomainException.conflict("aid.budget.below-committed", existing.get().figures().committed());
            }
            int changed = jdbc.sql("""
                    update aid_budget set amount_fen = :fen, set_by = :by, set_at = :at
                    where id = :id and committed_fen <= :fen""")
                    .param("fen", fen).param("by", by).param("at", now).param("id", existing.get().id()).update();
            if (changed == 0) {
                throw DomainException.conflict("aid.budget.below-committed", existing.get().figures().committed());
            }
        } else {
            jdbc.sql("""
                    insert into aid_budget (org_id, org_path, kind, budget_year, amount_fen, set_by, set_at)
                    values (:org, :path, :kind, :y, :fen, :by, :at)""")
                    .param("org", orgId).param("path", org.path()).param("kind", kind.name()).param("y", year)
                    .param("fen", fen).param("by", by).param("at", now).update();
        }
        BudgetView view = find(orgId, kind, year).orElseThrow();
        audit.record("aid.budget.set", "aid_budget", view.id(), kind + " " + year + " " + org.name() + ": " + view.figures().amount());
        return view;
    }

    /** The budgets of the staff user's subtree for a year, by organisation and kind. */
    @Transactional(readOnly = true)
    public List<BudgetView> list(CurrentUser user, int year) {
        return jdbc.sql(SELECT + " where b.org_path like :scope and b.budget_year = :y order by b.org_path, b.kind")
                .param("scope", TreePath.scopeOf(user).likePattern()).param("y", year).query(Budgets::view).list();
    }

    Optional<BudgetView> find(long orgId, AidKind kind, int year) {
        return jdbc.sql(SELECT + " where b.org_id = :org and b.kind = :k and b.budget_year = :y")
                .param("org", orgId).param("k", kind.name()).param("y", year).query(Budgets::view).optional();
    }

    /** The budget a grant for a member of this organisation is charged to: the nearest one on the way up. */
    Optional<BudgetView> chargeableFor(String memberOrgPath, AidKind kind, int year) {
        TreePath path = new TreePath(memberOrgPath);
        List<String> ancestors = new ArrayList<>();
        StringBuilder prefix = new StringBuilder("/");
        for (Long id : path.ids()) {
            prefix.append(id).append('/');
            ancestors.add(prefix.toString());
        }
        return jdbc.sql(SELECT + " where b.org_path in (:paths) and b.kind = :k and b.budget_year = :y")
                .param("paths", ancestors).param("k", kind.name()).param("y", year).query(Budgets::view).list().stream()
                .max(java.util.Comparator.comparingInt(b -> b.orgPath().length()));
    }

    /** Commits an approval's amount, or refuses (and the caller's transaction rolls back) when it is not covered. */
    void commit(BudgetView budget, long fen) {
        int changed;
        try {
            changed = jdbc.sql("""
                    update aid_budget set committed_fen = committed_fen + :fen
                    where id = :id and committed_fen + :fen <= amount_fen""")
                    .param("fen", fen).param("id", budget.id()).update();
        } catch (DataIntegrityViolationException e) {
            changed = 0;
        }
        if (changed == 0) {
            BudgetFigures now = jdbc.sql("select amount_fen, committed_fen from aid_budget where id = :id")
                    .param("id", budget.id()).query((rs, n) -> new BudgetFigures(rs.getLong(1), rs.getLong(2))).single();
            throw DomainException.conflict("aid.budget.exhausted", budget.orgName(), now.remaining(), Amounts.yuan(fen));
        }
    }

    static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            throw DomainException.invalid("aid.year.invalid", String.valueOf(year));
        }
    }

    private static final String SELECT = """
            select b.*, o.name as org_name from aid_budget b join organisation o on o.id = b.org_id""";

    private static BudgetView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new BudgetView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
                AidKind.valueOf(rs.getString("kind")), rs.getInt("budget_year"),
                new BudgetFigures(rs.getLong("amount_fen"), rs.getLong("committed_fen")), rs.getString("set_by"),
                rs.getTimestamp("set_at").toInstant());
    }
}
