package org.gonghui.mutualaid;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gonghui.member.Gender;
import org.gonghui.member.MemberType;
import org.gonghui.mutualaid.PlanRules.Eligibility;
import org.gonghui.mutualaid.PlanRules.FixedSumBenefit;
import org.gonghui.mutualaid.PlanRules.InpatientBenefit;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans as versioned configuration: one per project and cover year. A plan may be replaced only while no
 * member is enrolled in it; after that its rules are frozen, and next year's rules are a new plan.
 */
@Service
public class Plans {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Plans(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Publishes a plan for its project and cover year, or replaces it while nobody is enrolled. Admins only. */
    @Transactional
    public PlanView publish(CurrentUser admin, PlanRules rules) {
        if (!admin.has(Role.ADMIN)) {
            throw DomainException.forbidden("mutualaid.plan.admin-only");
        }
        Optional<PlanView> existing = find(rules.project(), rules.coverYear());
        if (existing.isPresent()) {
            if (existing.get().frozen()) {
                throw DomainException.conflict("mutualaid.plan.frozen", Localised.project(rules.project()), rules.coverYear().label());
            }
            jdbc.sql("delete from mutualaid_plan_stats where plan_id = :id").param("id", existing.get().id()).update();
            jdbc.sql("delete from mutualaid_plan where id = :id").param("id", existing.get().id()).update();
        }
        try {
            insert(rules);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("mutualaid.plan.frozen", Localised.project(rules.project()), rules.coverYear().label());
        }
        PlanView view = find(rules.project(), rules.coverYear()).orElseThrow();
        jdbc.sql("insert into mutualaid_plan_stats (plan_id, enrolments) values (:id, 0)").param("id", view.id()).update();
        audit.record("mutualaid.plan.publish", "mutualaid_plan", view.id(), rules.project() + " " + rules.coverYear());
        return view;
    }

    @Transactional(readOnly = true)
    public Optional<PlanView> find(String project, CoverYear year) {
        return jdbc.sql(SELECT + " where p.project = :project and p.cover_year = :year")
                .param("project", project).param("year", year.startYear()).query(Plans::map).optional();
    }

    @Transactional(readOnly = true)
    public PlanView require(String project, CoverYear year) {
        return find(project, year).orElseThrow(() -> DomainException.notFound("mutualaid.plan.not-found", Localised.project(project),
                year.label()));
    }

    @Transactional(readOnly = true)
    public PlanView require(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(Plans::map).optional()
                .orElseThrow(() -> DomainException.notFound("mutualaid.plan.not-found", id, ""));
    }

    /** All plans of a cover year, by project. */
    @Transactional(readOnly = true)
    public List<PlanView> of(CoverYear year) {
        return jdbc.sql(SELECT + " where p.cover_year = :year order by p.id").param("year", year.startYear())
                .query(Plans::map).list();
    }

    /** The cover years that have plans, newest first. */
    /** How many members are enrolled in the plan (kept as enrolments are written). */
    @Transactional(readOnly = true)
    public long enrolments(long planId) {
        return jdbc.sql("select enrolments from mutualaid_plan_stats where plan_id = :id").param("id", planId)
                .query(Long.class).optional().orElse(0L);
    }

    /** Counts new enrolments; called in the transaction that writes them. */
    void enrolled(long planId, int count) {
        jdbc.sql("update mutualaid_plan_stats set enrolments = enrolments + :n where plan_id = :id")
                .param("n", count).param("id", planId).update();
    }

    @Transactional(readOnly = true)
    public List<CoverYear> years() {
        return jdbc.sql("select distinct cover_year from mutualaid_plan order by cover_year desc")
                .query((rs, n) -> new CoverYear(rs.getInt(1))).list();
    }

    private static final String SELECT = """
            select p.*, exists (select 1 from mutualaid_enrolment e where e.plan_id = p.id) as frozen
            from mutualaid_plan p""";

    private void insert(PlanRules r) {
        InpatientBenefit in = r.inpatient();
        FixedSumBenefit fs = r.fixedSum();
        jdbc.sql("""
                insert into mutualaid_plan (project, name, cover_year, kind, member_types, max_age, gender,
                  health_declaration, contribution_per_share, max_shares, waiting_days, renewal_grace_days,
                  enrolment_opens, enrolment_closes, claim_deadline_days, threshold, rate_below, rate_above,
                  first_rate_below, first_stay_subsidy, annual_cap, sum_per_share, diseases, second_approval_above,
                  created_at)
                values (:project, :name, :year, :kind, :types, :maxAge, :gender, :health, :contribution, :maxShares,
                  :waiting, :grace, :opens, :closes, :deadline, :threshold, :rateBelow, :rateAbove, :firstRate,
                  :firstStay, :cap, :sum, :diseases, :second, :now)""")
                .param("project", r.project()).param("name", r.name()).param("year", r.coverYear().startYear())
                .param("kind", r.kind().name())
                .param("types", r.eligibility().memberTypes().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")))
                .param("maxAge", r.eligibility().maxAge())
                .param("gender", r.eligibility().gender() == null ? null : r.eligibility().gender().name())
                .param("health", r.eligibility().healthDeclaration())
                .param("contribution", r.contributionPerShare().amount()).param("maxShares", r.maxShares())
                .param("waiting", r.waitingDays()).param("grace", r.renewalGraceDays())
                .param("opens", Date.valueOf(r.enrolmentOpens())).param("closes", Date.valueOf(r.enrolmentCloses()))
                .param("deadline", r.claimDeadlineDays())
                .param("threshold", in == null ? null : in.threshold().amount())
                .param("rateBelow", in == null ? null : in.rateBelow())
                .param("rateAbove", in == null ? null : in.rateAbove())
                .param("firstRate", in == null ? null : in.firstEnrolmentRateBelow())
                .param("firstStay", in == null || in.firstStaySubsidy() == null ? null : in.firstStaySubsidy().amount())
                .param("cap", r.annualCap() == null ? null : r.annualCap().amount())
                .param("sum", fs == null ? null : fs.sumPerShare().amount())
                .param("diseases", fs == null ? null : String.join(",", new TreeSet<>(fs.diseases())))
                .param("second", r.secondApprovalAbove().amount())
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    static PlanView map(ResultSet rs, int row) throws SQLException {
        BenefitKind kind = BenefitKind.valueOf(rs.getString("kind"));
        Set<MemberType> types = Arrays.stream(rs.getString("member_types").split(",")).map(MemberType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MemberType.class)));
        String gender = rs.getString("gender");
        Money cap = Money.ofNullable(rs.getBigDecimal("annual_cap"));
        InpatientBenefit inpatient = kind != BenefitKind.INPATIENT ? null
                : new InpatientBenefit(new Money(rs.getBigDecimal("threshold")), rate(rs, "rate_below"),
                        rate(rs, "rate_above"), rate(rs, "first_rate_below"),
                        Money.ofNullable(rs.getBigDecimal("first_stay_subsidy")), cap);
        FixedSumBenefit fixedSum = kind != BenefitKind.FIXED_SUM ? null
                : new FixedSumBenefit(new Money(rs.getBigDecimal("sum_per_share")),
                        Set.of(rs.getString("diseases").split(",")), cap);
        PlanRules rules = new PlanRules(rs.getString("project"), rs.getString("name"), new CoverYear(rs.getInt("cover_year")),
                kind, new Eligibility(types, rs.getObject("max_age", Integer.class),
                        gender == null ? null : Gender.valueOf(gender), rs.getBoolean("health_declaration")),
                new Money(rs.getBigDecimal("contribution_per_share")), rs.getInt("max_shares"), rs.getInt("waiting_days"),
                rs.getInt("renewal_grace_days"), rs.getDate("enrolment_opens").toLocalDate(),
                rs.getDate("enrolment_closes").toLocalDate(), rs.getInt("claim_deadline_days"), inpatient, fixedSum,
                new Money(rs.getBigDecimal("second_approval_above")));
        return new PlanView(rs.getLong("id"), rules, rs.getBoolean("frozen"));
    }

    private static BigDecimal rate(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.stripTrailingZeros();
    }
}
