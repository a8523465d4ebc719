package org.gonghui.mutualaid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mutual-aid fund, accounted on its own per project and cover year (独立核算): balances from the
 * double-entry ledger and the yearly report with its deficit warning. The fund is the whole city's; any
 * staff member may read its figures (they hold no personal data).
 */
@Service
public class Fund {

    private final JdbcClient jdbc;
    private final Plans plans;
    private final MutualAidProperties properties;

    Fund(JdbcClient jdbc, Plans plans, MutualAidProperties properties) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.properties = properties;
    }

    /** The balance of every ledger account of one fund (debits positive). */
    @Transactional(readOnly = true)
    public Map<FundAccount, Money> balances(String project, CoverYear year) {
        Map<FundAccount, Money> balances = new EnumMap<>(FundAccount.class);
        for (FundAccount account : FundAccount.values()) {
            balances.put(account, Money.ZERO);
        }
        jdbc.sql("""
                select account, sum(amount) as total from mutualaid_ledger_line
                where project = :p and cover_year = :y group by account""")
                .param("p", project).param("y", year.startYear())
                .query((rs, n) -> Map.entry(FundAccount.valueOf(rs.getString("account")), new Money(rs.getBigDecimal("total"))))
                .list().forEach(e -> balances.put(e.getKey(), e.getValue()));
        return balances;
    }

    /**
     * Whether the whole ledger balances: every transaction's lines add up to zero and each transaction's
     * debit equals its recorded amount. Answers the number of unbalanced transactions (0 when all is well).
     */
    @Transactional(readOnly = true)
    public long unbalancedTransactions() {
        return jdbc.sql("""
                select count(*) from (
                  select t.id from mutualaid_ledger_txn t left join mutualaid_ledger_line l on l.txn_id = t.id
                  group by t.id, t.amount
                  having coalesce(sum(l.amount), 0) <> 0 or coalesce(sum(case when l.amount > 0 then l.amount end), 0) <> t.amount
                ) unbalanced""").query(Long.class).single();
    }

    /** The reports of every plan of a cover year, as of a day (for the projection). */
    @Transactional(readOnly = true)
    public List<FundReport> reports(CurrentUser staff, CoverYear year, LocalDate asOf) {
        Enrolments.scope(staff);
        return plans.of(year).stream().map(plan -> report(plan, asOf)).toList();
    }

    @Transactional(readOnly = true)
    public FundReport report(String project, CoverYear year, LocalDate asOf) {
        return report(plans.require(project, year), asOf);
    }

    FundReport report(PlanView plan, LocalDate asOf) {
        CoverYear year = plan.coverYear();
        Map<FundAccount, Money> balances = balances(plan.project(), year);
        Money income = balances.get(FundAccount.CONTRIBUTIONS).negate();
        Money benefits = balances.get(FundAccount.BENEFITS);
        Money payable = balances.get(FundAccount.PAYABLE).negate();
        Money bank = balances.get(FundAccount.BANK);
        Money paid = income.minus(bank);
        long claims = jdbc.sql("""
                select count(*) from mutualaid_ledger_txn where project = :p and cover_year = :y and kind = 'BENEFIT_APPROVED'""")
                .param("p", plan.project()).param("y", year.startYear()).query(Long.class).single();
        long enrolments = plans.enrolments(plan.id());
        Money average = claims == 0 ? Money.ZERO
                : new Money(benefits.amount().divide(BigDecimal.valueOf(claims), 2, RoundingMode.HALF_UP));
        BigDecimal elapsed = BigDecimal.valueOf(year.elapsed(asOf)).setScale(4, RoundingMode.HALF_UP);
        BigDecimal ratio = ratio(income, benefits);
        Money projected = elapsed.signum() == 0 ? benefits
                : new Money(benefits.amount().divide(elapsed, 2, RoundingMode.HALF_UP));
        BigDecimal projectedRatio = ratio(income, projected);
        boolean warning = income.isPositive() && projectedRatio != null
                && projectedRatio.compareTo(properties.deficitWarningRatio()) < 0;
        boolean balanced = bank.plus(balances.get(FundAccount.CONTRIBUTIONS)).plus(benefits)
                .plus(balances.get(FundAccount.PAYABLE)).isZero();
        return new FundReport(plan.project(), plan.rules().name(), year, enrolments, income, benefits, paid, payable, bank,
                claims, average, ratio, elapsed, projectedRatio, warning, balanced);
    }

    private static BigDecimal ratio(Money income, Money benefits) {
        if (!income.isPositive()) {
            return null;
        }
        return income.minus(benefits).amount().divide(income.amount(), 4, RoundingMode.HALF_UP);
    }
}
