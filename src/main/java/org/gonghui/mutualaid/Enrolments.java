package org.gonghui.mutualaid;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.mutualaid.UnitEnrolmentResult.Problem;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment (参保): collectively by an employer's union for its whole staff list, or individually online by
 * those allowed to (retirees). A member enrols once per project and cover year — a unique index says so
 * even under concurrent uploads — and every enrolment's contribution is booked into the fund.
 */
@Service
public class Enrolments {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Plans plans;
    private final Members members;
    private final MemberLookup lookup;
    private final Organisations organisations;
    private final FundLedger ledger;
    private final AuditLog audit;
    private final ParticipationRule participation;
    private final PlatformTime time;

    Enrolments(JdbcClient jdbc, JdbcTemplate template, Plans plans, Members members, MemberLookup lookup,
            Organisations organisations, FundLedger ledger, AuditLog audit, MutualAidProperties properties, PlatformTime time) {
        this.time = time;
        this.jdbc = jdbc;
        this.template = template;
        this.plans = plans;
        this.members = members;
        this.lookup = lookup;
        this.organisations = organisations;
        this.ledger = ledger;
        this.audit = audit;
        this.participation = new ParticipationRule(properties.participationRate(), properties.smallUnitSize());
    }

    /**
     * Enrols a unit's staff list in one go (集体参保). Staff may enrol units in their scope; every listed
     * member must be registered at the unit (or below it) and eligible; the participation rule applies.
     */
    @Transactional
    public UnitEnrolmentResult enrolUnit(CurrentUser staff, UnitEnrolmentRequest request, List<StaffRow> rows) {
        OrganisationView unit = organisations.requireInScope(request.orgId(), scope(staff));
        PlanView plan = plans.require(request.project(), request.coverYear());
        List<Problem> problems = new ArrayList<>();
        List<Candidate> candidates = check(plan, unit, request.shares(), request.healthDeclared(), request.paidOn(), rows,
                problems);
        int required = participation.required(request.insuredStaff());
        if (problems.isEmpty() && !participation.isMet(request.insuredStaff(), candidates.size())) {
            problems.add(new Problem(0, "mutualaid.enrol.participation", List.of(String.valueOf(candidates.size()),
                    String.valueOf(request.insuredStaff()), String.valueOf(required))));
        }
        if (!problems.isEmpty()) {
            return new UnitEnrolmentResult(null, rows.size(), 0, required, Money.ZERO, problems);
        }
        Money amount = plan.rules().contributionPerShare().times(request.shares()).times(candidates.size());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into mutualaid_unit_enrolment (plan_id, org_id, org_path, shares, insured_staff, enrolled, amount,
                  payment_ref, created_at, created_by)
                values (:plan, :org, :path, :shares, :insured, :enrolled, :amount, :ref, :at, :by)""")
                .param("plan", plan.id()).param("org", unit.id()).param("path", unit.path())
                .param("shares", request.shares()).param("insured", request.insuredStaff())
                .param("enrolled", candidates.size()).param("amount", amount.amount())
                .param("ref", request.paymentRef()).param("at", Timestamp.from(Instant.now()))
                .param("by", staff.getUsername()).update(keys, "id");
        long unitId = keys.getKey().longValue();
        insert(plan, unitId, "COLLECTIVE", request.shares(), request.paidOn(), candidates);
        ledger.contribution(plan.project(), plan.coverYear(), "unit:" + unitId, amount);
        audit.record("mutualaid.enrol.unit", "mutualaid_unit_enrolment", unitId,
                plan.project() + " " + plan.coverYear() + " " + candidates.size() + " members");
        return new UnitEnrolmentResult(unitId, rows.size(), candidates.size(), required, amount, List.of());
    }

    /** Adds new hires to a unit's collective enrolment mid-year, with the same shares, paid by the unit. */
    @Transactional
    public UnitEnrolmentResult addNewHires(CurrentUser staff, long unitId, LocalDate paidOn, List<StaffRow> rows) {
        Map<String, Object> unitRow = jdbc.sql("select * from mutualaid_unit_enrolment where id = :id for update")
                .param("id", unitId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("mutualaid.unit.not-found"));
        OrganisationView unit = organisations.requireInScope(((Number) unitRow.get("org_id")).longValue(), scope(staff));
        PlanView plan = plans.require(((Number) unitRow.get("plan_id")).longValue());
        int shares = ((Number) unitRow.get("shares")).intValue();
        List<Problem> problems = new ArrayList<>();
        List<Candidate> candidates = check(plan, unit, shares, true, paidOn, rows, problems);
        if (!problems.isEmpty() || candidates.isEmpty()) {
            return new UnitEnrolmentResult(null, rows.size(), 0, rows.size(), Money.ZERO, problems);
        }
        Money amount = plan.rules().contributionPerShare().times(shares).times(candidates.size());
        insert(plan, unitId, "COLLECTIVE", shares, paidOn, candidates);
        jdbc.sql("update mutualaid_unit_enrolment set enrolled = enrolled + :n, amount = amount + :a where id = :id")
                .param("n", candidates.size()).param("a", amount.amount()).param("id", unitId).update();
        // the unit row is locked, so its count before this addition identifies the addition
        int before = ((Number) unitRow.get("enrolled")).intValue();
        ledger.contribution(plan.project(), plan.coverYear(), "unit-hires:" + unitId + ":" + before, amount);
        audit.record("mutualaid.enrol.new-hires", "mutualaid_unit_enrolment", unitId, candidates.size() + " members");
        return new UnitEnrolmentResult(unitId, rows.size(), candidates.size(), rows.size(), amount, List.of());
    }

    /**
     * A member enrols online by themself (个人参保), paying the contribution: allowed for retirees only, the
     * others enrol through their employer's union.
     */
    @Transactional
    public EnrolmentView enrolSelf(CurrentUser user, String project, CoverYear year, int shares, boolean healthDeclared,
            String paymentRef, LocalDate today) {
        if (!user.isMember()) {
            throw DomainException.forbidden("error.forbidden");
        }
        MemberView member = members.find(user.memberId()).orElseThrow(() -> DomainException.notFound("member.not-found"));
        if (member.type() != MemberType.RETIRED) {
            throw DomainException.invalid("mutualaid.enrol.individual-retirees-only");
        }
        PlanView plan = plans.require(project, year);
        EnrolmentEligibility.check(plan.rules(), member.status(), member.type(), member.gender(), member.birthDate(),
                healthDeclared, shares, today).ifPresent(code -> {
                    throw DomainException.invalid(code);
                });
        if (find(member.id(), project, year).isPresent()) {
            throw DomainException.conflict("mutualaid.enrol.already");
        }
        Set<Long> lastYear = enrolledIn(project, year.previous(), List.of(member.id()));
        Candidate candidate = new Candidate(0, member.id(), member.orgId(), member.orgPath(), lastYear.contains(member.id()));
        insert(plan, null, "INDIVIDUAL", shares, today, List.of(candidate));
        EnrolmentView enrolment = find(member.id(), project, year).orElseThrow();
        Money amount = plan.rules().contributionPerShare().times(shares);
        ledger.contribution(project, year, "enrolment:" + enrolment.id(), amount);
        audit.record("mutualaid.enrol.self", "mutualaid_enrolment", enrolment.id(), paymentRef);
        return enrolment;
    }

    /** The member's enrolments, newest cover year first. */
    @Transactional(readOnly = true)
    public List<EnrolmentView> ofMember(long memberId) {
        return jdbc.sql(SELECT + " where e.member_id = :m order by e.cover_year desc, e.id").param("m", memberId)
                .query(Enrolments::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<EnrolmentView> find(long memberId, String project, CoverYear year) {
        return jdbc.sql(SELECT + " where e.member_id = :m and e.project = :p and e.cover_year = :y")
                .param("m", memberId).param("p", project).param("y", year.startYear()).query(Enrolments::map).optional();
    }

    /** The enrolment certificate: only the member's own. */
    @Transactional(readOnly = true)
    public EnrolmentView certificate(CurrentUser user, long enrolmentId) {
        EnrolmentView view = require(enrolmentId);
        if (!user.isMember() || view.memberId() != user.memberId()) {
            throw DomainException.notFound("mutualaid.enrolment.not-found");
        }
        return view;
    }

    EnrolmentView require(long id) {
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(Enrolments::map).optional()
                .orElseThrow(() -> DomainException.notFound("mutualaid.enrolment.not-found"));
    }

    /** Units enrolled collectively in the staff user's scope for a cover year. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> units(CurrentUser staff, CoverYear year) {
        return jdbc.sql("""
                select u.id, u.org_id, o.name as org_name, p.project, p.name as plan_name, u.shares, u.insured_staff,
                       u.enrolled, u.amount, u.created_at
                from mutualaid_unit_enrolment u join mutualaid_plan p on p.id = u.plan_id
                join organisation o on o.id = u.org_id
                where u.org_path like :scope and p.cover_year = :y order by u.id desc limit 200""")
                .param("scope", scope(staff).likePattern()).param("y", year.startYear()).query().listOfRows();
    }

    private record Candidate(int row, long memberId, long orgId, String orgPath, boolean enrolledLastYear) {
    }

    private List<Candidate> check(PlanView plan, OrganisationView unit, int shares, boolean healthDeclared,
            LocalDate paidOn, List<StaffRow> rows, List<Problem> problems) {
        if (paidOn == null || paidOn.isAfter(time.today())) {
            problems.add(new Problem(0, "mutualaid.enrol.paid-on", List.of()));
            return List.of();
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(0, "mutualaid.enrol.no-rows", List.of()));
            return List.of();
        }
        Map<String, MemberLookup.Found> found = lookup.byIdNumbers(rows.stream().map(StaffRow::idNumber).toList());
        Map<Long, OrganisationView> orgs = organisations.findAll(
                found.values().stream().map(MemberLookup.Found::orgId).distinct().toList());
        Set<Long> already = enrolledIn(plan.project(), plan.coverYear(),
                found.values().stream().map(MemberLookup.Found::memberId).toList());
        Set<Long> lastYear = enrolledIn(plan.project(), plan.coverYear().previous(),
                found.values().stream().map(MemberLookup.Found::memberId).toList());
        Set<Long> seen = new HashSet<>();
        List<Candidate> candidates = new ArrayList<>(rows.size());
        for (StaffRow row : rows) {
            String id = row.idNumber() == null ? "" : row.idNumber().trim().toUpperCase(java.util.Locale.ROOT);
            MemberLookup.Found member = found.get(id);
            String problem = null;
            if (!org.gonghui.member.IdNumber.isValid(id)) {
                problem = "mutualaid.enrol.id-invalid";
            } else if (member == null) {
                problem = "mutualaid.enrol.not-registered";
            } else if (!seen.add(member.memberId())) {
                problem = "mutualaid.enrol.duplicate-row";
            } else if (orgs.get(member.orgId()) == null || !unit.treePath().contains(orgs.get(member.orgId()).path())) {
                problem = "mutualaid.enrol.not-in-unit";
            } else if (already.contains(member.memberId())) {
                problem = "mutualaid.enrol.already";
            } else {
                problem = EnrolmentEligibility.check(plan.rules(), member.status(), member.type(), member.gender(),
                        member.birthDate(), healthDeclared, shares, paidOn).orElse(null);
            }
            if (problem != null) {
                problems.add(new Problem(row.row(), problem, List.of()));
            } else {
                candidates.add(new Candidate(row.row(), member.memberId(), member.orgId(),
                        orgs.get(member.orgId()).path(), lastYear.contains(member.memberId())));
            }
        }
        return candidates;
    }

    /** Inserts enrolments in statement batches. */
    private void insert(PlanView plan, Long unitId, String channel, int shares, LocalDate enrolledOn,
            List<Candidate> candidates) {
        Timestamp now = Timestamp.from(Instant.now());
        Money contribution = plan.rules().contributionPerShare().times(shares);
        List<Object[]> batch = new ArrayList<>(BATCH);
        try {
            for (Candidate c : candidates) {
                BenefitCalculator.Cover cover = RenewalContinuity.cover(plan.rules(), enrolledOn, c.enrolledLastYear(),
                        shares);
                batch.add(new Object[] {plan.id(), plan.project(), plan.coverYear().startYear(), c.memberId(), c.orgId(),
                        c.orgPath(), unitId, channel, shares, contribution.amount(), Date.valueOf(enrolledOn),
                        Date.valueOf(cover.effectiveFrom()), cover.continuous(), now});
                if (batch.size() == BATCH) {
                    flush(batch);
                }
            }
            flush(batch);
            plans.enrolled(plan.id(), candidates.size());
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("mutualaid.enrol.already");
        }
    }

    private void flush(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into mutualaid_enrolment (plan_id, project, cover_year, member_id, org_id, org_path, unit_id,
                  channel, shares, contribution, enrolled_on, effective_from, continuous, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        batch.clear();
    }

    private Set<Long> enrolledIn(String project, CoverYear year, Collection<Long> memberIds) {
        Set<Long> result = new HashSet<>();
        List<Long> ids = new ArrayList<>(memberIds);
        for (int i = 0; i < ids.size(); i += BATCH) {
            result.addAll(jdbc.sql("""
                    select member_id from mutualaid_enrolment
                    where project = :p and cover_year = :y and member_id in (:ids)""")
                    .param("p", project).param("y", year.startYear())
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + BATCH))).query(Long.class).list());
        }
        return result;
    }

    static TreePath scope(CurrentUser staff) {
        if (staff == null || !staff.isStaff()) {
            throw DomainException.forbidden("error.forbidden");
        }
        return new TreePath(staff.orgPath());
    }

    private static final String SELECT = """
            select e.*, p.name as plan_name, p.waiting_days from mutualaid_enrolment e
            join mutualaid_plan p on p.id = e.plan_id""";

    static EnrolmentView map(ResultSet rs, int n) throws SQLException {
        return new EnrolmentView(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("project"), rs.getString("plan_name"),
                new CoverYear(rs.getInt("cover_year")), rs.getLong("member_id"), rs.getLong("org_id"),
                rs.getString("org_path"), rs.getString("channel"), rs.getInt("shares"),
                new Money(rs.getBigDecimal("contribution")), rs.getDate("enrolled_on").toLocalDate(),
                rs.getDate("effective_from").toLocalDate(), rs.getBoolean("continuous"), rs.getInt("waiting_days"));
    }
}
