package org.gonghui.hardship.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.hardship.HardshipArchiveApproved;
import org.gonghui.hardship.HardshipArchiveLeft;
import org.gonghui.hardship.HardshipTier;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications and their review: the member applies on the portal (SUBMITTED) or staff at a window register one for
 * a member of their subtree (REGISTERED); the service point registers, the township (level 3 or above) checks, the
 * district (level 2 or above) approves — a second person, never the checker's account — and the means test's figures
 * and explanation are frozen with the approval. Any reviewer may send an application back with a reason (the member
 * corrects and resubmits) or reject it. Every step keeps who, where, when and why.
 *
 * <p>Exactness: one live archive per member is held by the unique constraint {@code hardship_archive_one_open}; every
 * transition is a conditional update on the status it expects, so two staff pressing at once cannot both move it.
 */
@Service
public class HardshipApplications {

    static final int TOWNSHIP = 3;
    static final int DISTRICT = 2;

    private final JdbcClient jdbc;
    private final Members members;
    private final Sealing sealing;
    private final MeansTestData data;
    private final AuditLog audit;
    private final PlatformTime time;
    private final ApplicationEventPublisher events;

    HardshipApplications(JdbcClient jdbc, Members members, Sealing sealing, MeansTestData data, AuditLog audit,
            PlatformTime time, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.members = members;
        this.sealing = sealing;
        this.data = data;
        this.audit = audit;
        this.time = time;
        this.events = events;
    }

    /** The member applies on the portal. */
    @Transactional
    public ArchiveView apply(long memberId, Household household) {
        MemberView member = members.find(memberId).orElseThrow(() -> DomainException.notFound("hardship.not-found"));
        long id = insert(member, household, ArchiveStatus.SUBMITTED, "PORTAL");
        step(id, "APPLIED", "member:" + memberId, null, null, null);
        audit.record("hardship.apply", "hardship_archive", id, null);
        return view(id);
    }

    /** Staff at a window apply for a member of their subtree; the application is registered at once. */
    @Transactional
    public ArchiveView applyAtWindow(CurrentUser staff, long memberId, Household household) {
        MemberView member = members.view(TreePath.scopeOf(staff), memberId);
        long id = insert(member, household, ArchiveStatus.REGISTERED, "WINDOW");
        step(id, "APPLIED", staff, null);
        step(id, "REGISTERED", staff, null);
        audit.record("hardship.apply-window", "hardship_archive", id, null);
        return view(id);
    }

    private long insert(MemberView member, Household household, ArchiveStatus status, String channel) {
        boolean returning = jdbc.sql("select count(*) from hardship_archive where member_id = :m and status = 'LEFT'")
                .param("m", member.id()).query(Long.class).single() > 0;
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into hardship_archive (member_id, org_id, org_path, status, channel, fell_back, household_enc,
                      applied_at, open_member_id)
                    values (:m, :o, :p, :s, :c, :r, :h, :at, :m)""")
                    .param("m", member.id()).param("o", member.orgId()).param("p", member.orgPath())
                    .param("s", status.name()).param("c", channel).param("r", returning)
                    .param("h", sealing.seal(household)).param("at", Timestamp.from(time.now())).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("hardship.already-open");
        }
        return keys.getKey().longValue();
    }

    /** The member corrects an application sent back to them; it is submitted again. */
    @Transactional
    public ArchiveView resubmit(long memberId, long id, Household household) {
        ArchiveView archive = own(memberId, id);
        move(archive, ArchiveStatus.RETURNED, ArchiveStatus.SUBMITTED, "household_enc = :h", sealing.seal(household));
        step(id, "RESUBMITTED", "member:" + memberId, null, null, null);
        audit.record("hardship.resubmit", "hardship_archive", id, null);
        return view(id);
    }

    /** Staff correct an application sent back (at a window); it is registered again. */
    @Transactional
    public ArchiveView correct(CurrentUser staff, long id, Household household) {
        ArchiveView archive = requireInScope(staff, id);
        move(archive, ArchiveStatus.RETURNED, ArchiveStatus.REGISTERED, "household_enc = :h", sealing.seal(household));
        step(id, "CORRECTED", staff, null);
        audit.record("hardship.correct", "hardship_archive", id, null);
        return view(id);
    }

    /** The service point (or any level above it) registers a member's application. */
    @Transactional
    public ArchiveView register(CurrentUser staff, long id) {
        ArchiveView archive = requireInScope(staff, id);
        move(archive, ArchiveStatus.SUBMITTED, ArchiveStatus.REGISTERED, null, null);
        step(id, "REGISTERED", staff, null);
        audit.record("hardship.register", "hardship_archive", id, null);
        return view(id);
    }

    /** The township checks (level 3 or above); the means test must find hardship on today's standard. */
    @Transactional
    public ArchiveView check(CurrentUser staff, long id, String reason) {
        ArchiveView archive = requireInScope(staff, id);
        requireLevel(staff, TOWNSHIP, "hardship.check.level");
        if (archive.status() != ArchiveStatus.REGISTERED) {
            throw DomainException.conflict("hardship.status.wrong");
        }
        MeansTest.Outcome outcome = assess(archive, household(id));
        if (outcome.tier() == null) {
            throw DomainException.conflict("hardship.not-in-hardship");
        }
        move(archive, ArchiveStatus.REGISTERED, ArchiveStatus.CHECKED, null, null);
        step(id, "CHECKED", staff, reasonOrNull(reason));
        audit.record("hardship.check", "hardship_archive", id, outcome.tier().name());
        return view(id);
    }

    /**
     * The district approves (level 2 or above), a second person: not the account that checked. The means test runs
     * on today's rules and standard; its figures and explanation are frozen with the approval.
     */
    @Transactional
    public ArchiveView approve(CurrentUser staff, long id, String reason) {
        ArchiveView archive = requireInScope(staff, id);
        requireLevel(staff, DISTRICT, "hardship.approve.level");
        if (archive.status() != ArchiveStatus.CHECKED) {
            throw DomainException.conflict("hardship.status.wrong");
        }
        Long checker = jdbc.sql("""
                select actor_account from hardship_step where archive_id = :id and step = 'CHECKED' order by id desc limit 1""")
                .param("id", id).query(Long.class).optional().orElse(null);
        if (checker != null && checker == staff.accountId()) {
            throw DomainException.conflict("hardship.approve.second-person");
        }
        MeansTest.Outcome outcome = assess(archive, household(id));
        if (outcome.tier() == null) {
            throw DomainException.conflict("hardship.not-in-hardship");
        }
        LocalDate today = time.today();
        int changed = jdbc.sql("""
                update hardship_archive set status = 'APPROVED', tier = :t, decision_enc = :d, rule_version = :v,
                  standard_year = :y, decided_at = :at, since = :since, review_due = :due
                where id = :id and status = 'CHECKED'""")
                .param("t", outcome.tier().name())
                .param("d", sealing.seal(new Sealing.Decision(outcome.figures(), outcome.lines())))
                .param("v", outcome.figures().ruleVersion()).param("y", outcome.figures().standardYear())
                .param("at", Timestamp.from(time.now())).param("since", java.sql.Date.valueOf(today))
                .param("due", java.sql.Date.valueOf(today.plusYears(1))).param("id", id).update();
        if (changed != 1) {
            throw DomainException.conflict("hardship.status.wrong");
        }
        step(id, "APPROVED", staff, reasonOrNull(reason));
        audit.record("hardship.approve", "hardship_archive", id, outcome.tier().name());
        events.publishEvent(new HardshipArchiveApproved(id, archive.memberId(), outcome.tier()));
        return view(id);
    }

    /** Sends an application in review back to the applicant with the reason. */
    @Transactional
    public ArchiveView sendBack(CurrentUser staff, long id, String reason) {
        ArchiveView archive = requireInScope(staff, id);
        String why = requireReason(reason);
        if (!archive.status().inReview()) {
            throw DomainException.conflict("hardship.status.wrong");
        }
        move(archive, archive.status(), ArchiveStatus.RETURNED, null, null);
        step(id, "RETURNED", staff, why);
        audit.record("hardship.send-back", "hardship_archive", id, why);
        return view(id);
    }

    /** Rejects an application in review (or sent back) with the reason; the member may apply again later. */
    @Transactional
    public ArchiveView reject(CurrentUser staff, long id, String reason) {
        ArchiveView archive = requireInScope(staff, id);
        String why = requireReason(reason);
        if (!archive.status().inReview() && archive.status() != ArchiveStatus.RETURNED) {
            throw DomainException.conflict("hardship.status.wrong");
        }
        move(archive, archive.status(), ArchiveStatus.REJECTED, "open_member_id = null", null);
        step(id, "REJECTED", staff, why);
        audit.record("hardship.reject", "hardship_archive", id, why);
        return view(id);
    }

    /** The member leaves the archive (脱困) with the reason; township level or above. */
    @Transactional
    public ArchiveView leave(CurrentUser staff, long id, String reason) {
        ArchiveView archive = requireInScope(staff, id);
        requireLevel(staff, TOWNSHIP, "hardship.leave.level");
        String why = requireReason(reason);
        if (archive.status() != ArchiveStatus.APPROVED) {
            throw DomainException.conflict("hardship.status.wrong");
        }
        int changed = jdbc.sql("""
                update hardship_archive set status = 'LEFT', left_on = :on, left_reason = :r, open_member_id = null
                where id = :id and status = 'APPROVED'""")
                .param("on", java.sql.Date.valueOf(time.today())).param("r", why).param("id", id).update();
        if (changed != 1) {
            throw DomainException.conflict("hardship.status.wrong");
        }
        step(id, "LEFT", staff, why);
        audit.record("hardship.leave", "hardship_archive", id, why);
        events.publishEvent(new HardshipArchiveLeft(id, archive.memberId(), why));
        return view(id);
    }

    /** The means test of an archive's household on today's rules and its district's standard of this year. */
    MeansTest.Outcome assess(ArchiveView archive, Household household) {
        LocalDate today = time.today();
        return MeansTest.assess(data.rulesOn(today), data.standardFor(archive.orgPath(), today.getYear()), household);
    }

    Household household(long id) {
        return sealing.household(jdbc.sql("select household_enc from hardship_archive where id = :id").param("id", id)
                .query(String.class).single());
    }

    /** An archive in the staff user's subtree; any other is "not found", never "forbidden". */
    @Transactional(readOnly = true)
    public ArchiveView requireInScope(CurrentUser staff, long id) {
        TreePath scope = TreePath.scopeOf(staff);
        return find(id).filter(a -> scope.contains(a.orgPath()))
                .orElseThrow(() -> DomainException.notFound("hardship.not-found"));
    }

    /** The member's own archive; another member's is "not found". */
    @Transactional(readOnly = true)
    public ArchiveView own(long memberId, long id) {
        return find(id).filter(a -> a.memberId() != null && a.memberId() == memberId)
                .orElseThrow(() -> DomainException.notFound("hardship.not-found"));
    }

    /** The member's archives, newest first. */
    @Transactional(readOnly = true)
    public List<ArchiveView> ownArchives(long memberId) {
        return jdbc.sql(SELECT + " where a.member_id = :m order by a.id desc").param("m", memberId).query(VIEW).list();
    }

    /** The steps of an archive, oldest first. */
    @Transactional(readOnly = true)
    public List<StepView> steps(long id) {
        return jdbc.sql("select step, actor, actor_org_id, at, reason from hardship_step where archive_id = :id order by id")
                .param("id", id).query((rs, n) -> new StepView(rs.getString(1), rs.getString(2),
                        (Long) rs.getObject(3, Long.class), rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<ArchiveView> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(VIEW).optional();
    }

    ArchiveView view(long id) {
        return find(id).orElseThrow();
    }

    static final String SELECT = """
            select a.*, m.name as member_name, o.name as org_name from hardship_archive a
            left join member m on m.id = a.member_id join organisation o on o.id = a.org_id""";

    static final org.springframework.jdbc.core.RowMapper<ArchiveView> VIEW = HardshipApplications::map;

    private static ArchiveView map(ResultSet rs, int n) throws SQLException {
        String tier = rs.getString("tier");
        java.sql.Date since = rs.getDate("since");
        java.sql.Date due = rs.getDate("review_due");
        java.sql.Date left = rs.getDate("left_on");
        return new ArchiveView(rs.getLong("id"), (Long) rs.getObject("member_id", Long.class), rs.getString("member_name"),
                rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
                ArchiveStatus.valueOf(rs.getString("status")), rs.getString("channel"), rs.getBoolean("fell_back"),
                tier == null ? null : HardshipTier.valueOf(tier), rs.getTimestamp("applied_at").toInstant(),
                since == null ? null : since.toLocalDate(), due == null ? null : due.toLocalDate(),
                left == null ? null : left.toLocalDate(), rs.getString("left_reason"), rs.getTimestamp("anonymised_at") != null);
    }

    private void move(ArchiveView archive, ArchiveStatus from, ArchiveStatus to, String set, String sealed) {
        if (archive.status() != from) {
            throw DomainException.conflict("hardship.status.wrong");
        }
        var statement = jdbc.sql("update hardship_archive set status = :to" + (set == null ? "" : ", " + set)
                + " where id = :id and status = :from").param("to", to.name()).param("id", archive.id())
                .param("from", from.name());
        if (sealed != null) {
            statement = statement.param("h", sealed);
        }
        if (statement.update() != 1) {
            throw DomainException.conflict("hardship.status.wrong");
        }
    }

    static void requireLevel(CurrentUser staff, int deepest, String code) {
        if (new TreePath(staff.orgPath()).depth() > deepest) {
            throw DomainException.forbidden(code);
        }
    }

    private static String requireReason(String reason) {
        String why = reasonOrNull(reason);
        if (why == null) {
            throw DomainException.invalid("hardship.reason.required");
        }
        return why;
    }

    private static String reasonOrNull(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 500) {
            throw DomainException.invalid("hardship.reason.too-long");
        }
        return why.isEmpty() ? null : why;
    }

    void step(long id, String step, CurrentUser staff, String reason) {
        step(id, step, staff.getUsername(), staff.accountId(), staff.orgId(), reason);
    }

    void step(long id, String step, String actor, Long account, Long orgId, String reason) {
        jdbc.sql("""
                insert into hardship_step (archive_id, step, actor, actor_account, actor_org_id, at, reason)
                values (:id, :s, :a, :acc, :o, :at, :r)""")
                .param("id", id).param("s", step).param("a", actor).param("acc", account).param("o", orgId)
                .param("at", Timestamp.from(time.now())).param("r", reason).update();
    }
}
