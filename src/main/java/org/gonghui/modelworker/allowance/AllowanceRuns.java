package org.gonghui.modelworker.allowance;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.organisation.TreePath;
import org.gonghui.payment.EntitlementRequest;
import org.gonghui.payment.Entitlements;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly allowance run: for every model worker of the administrator's subtree without a line for the month, the
 * month's allowance ({@link AllowanceCalculator}) becomes a line, entitled in the payment engine at once or held.
 *
 * <p>Exactly once: a run takes the one lock row first (runs and releases wait for each other), reads only workers
 * without a line for the month, and the unique key (worker, month) stands behind that; the engine's own key
 * (programme, {@code allowance:<yyyy-MM>:<workerId>}) is idempotent too. Lines and entitlements are written in the
 * same transaction, so a failed run leaves neither. Set-based: one read of the workers, one of the schedules,
 * {@code entitleAll}, one batched insert.
 */
@Service
public class AllowanceRuns {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final WorkerTermsStore workers;
    private final AllowanceSchedules schedules;
    private final Entitlements entitlements;
    private final AuditLog audit;
    private final PlatformTime time;

    AllowanceRuns(JdbcClient jdbc, JdbcTemplate template, WorkerTermsStore workers, AllowanceSchedules schedules,
            Entitlements entitlements, AuditLog audit, PlatformTime time) {
        this.jdbc = jdbc;
        this.template = template;
        this.workers = workers;
        this.schedules = schedules;
        this.entitlements = entitlements;
        this.audit = audit;
        this.time = time;
    }

    /** The text on the bank file line. */
    static String purpose(YearMonth month) {
        return "劳模荣誉津贴 " + month;
    }

    /** Runs a month (not later than the current one) for the administrator's subtree. */
    @Transactional
    public RunView run(CurrentUser user, YearMonth month) {
        TreePath scope = TreePath.scopeOf(user);
        if (!user.has(Role.ADMIN)) {
            throw DomainException.forbidden("modelworker.run.admin-only");
        }
        if (month == null || month.isAfter(YearMonth.now(time.clock())) || month.getYear() < 2000) {
            throw DomainException.invalid("modelworker.run.month");
        }
        long started = System.nanoTime();
        lock();
        Date first = Date.valueOf(month.atDay(1));
        if (jdbc.sql("select count(*) from model_allowance_month where month_start = :m").param("m", first)
                .query(Long.class).single() == 0) {
            jdbc.sql("insert into model_allowance_month (month_start) values (:m)").param("m", first).update();
        }
        int already = jdbc.sql("select count(*) from model_allowance_line where month_start = :m and org_path like :scope")
                .param("m", first).param("scope", scope.likePattern()).query(Integer.class).single();
        List<ScheduleVersion> versions = schedules.all();
        List<MonthlyAllowance> due = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<EntitlementRequest> requests = new ArrayList<>();
        for (WorkerTermsStore.Placed placed : workers.candidates(scope.likePattern(), month)) {
            MonthlyAllowance allowance = AllowanceCalculator.calculate(month, placed.terms(), versions);
            if (!allowance.due() || allowance.amount().signum() == 0) {
                continue;
            }
            due.add(allowance);
            paths.add(placed.orgPath());
            if (allowance.entitled()) {
                requests.add(new EntitlementRequest(AllowanceLines.PROGRAMME, AllowanceLines.sourceRef(month,
                        allowance.workerId()), placed.terms().memberId(), placed.orgPath(), allowance.amount(), purpose(month)));
            }
        }
        List<Long> ids = entitlements.entitleAll(requests);
        Instant now = time.now();
        long runId = insertRun(month, scope, user, now);
        List<Object[]> rows = new ArrayList<>(due.size());
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        int entitled = 0;
        for (int i = 0; i < due.size(); i++) {
            MonthlyAllowance a = due.get(i);
            Long entitlementId = null;
            if (a.entitled()) {
                entitlementId = ids.get(entitled++);
                amount = amount.add(a.amount());
            }
            rows.add(new Object[] {a.workerId(), first, a.amount(), a.days(), a.monthDays(), a.scheduleId(),
                    a.entitled() ? LineStatus.ENTITLED.name() : LineStatus.HELD.name(),
                    a.held() == null ? null : a.held().name(), entitlementId, paths.get(i), runId});
        }
        for (int i = 0; i < rows.size(); i += 1000) {
            template.batchUpdate("""
                    insert into model_allowance_line (worker_id, month_start, amount, days, month_days, schedule_id, status,
                      hold_reason, entitlement_id, org_path, run_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int held = due.size() - entitled;
        jdbc.sql("update model_allowance_run set entitled = :e, held = :h, already = :a, amount = :amount, millis = :ms where id = :id")
                .param("e", entitled).param("h", held).param("a", already).param("amount", amount).param("ms", millis)
                .param("id", runId).update();
        audit.record("modelworker.run", "model_allowance_run", runId,
                month + " " + scope + ": " + entitled + " entitled " + amount.toPlainString() + ", " + held + " held");
        return new RunView(runId, month, scope.value(), now, user.getUsername(), entitled, held, already, amount, millis);
    }

    /** Takes the lock every run and release takes first. */
    void lock() {
        jdbc.sql("select id from model_allowance_lock where id = 1 for update").query(Integer.class).single();
    }

    private long insertRun(YearMonth month, TreePath scope, CurrentUser user, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into model_allowance_run (month_start, org_path, started_at, by_user, entitled, held, already, amount, millis)
                values (:m, :path, :at, :by, 0, 0, 0, 0, 0)""")
                .param("m", Date.valueOf(month.atDay(1))).param("path", scope.value()).param("at", Timestamp.from(now))
                .param("by", user.getUsername()).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The runs of the subtree (and of the levels above it that covered it are not shown), newest first. */
    @Transactional(readOnly = true)
    public PageResult<RunView> runs(CurrentUser user, int page, int size) {
        TreePath scope = TreePath.scopeOf(user);
        int pageSize = PageResult.clampSize(size);
        int pageNumber = PageResult.clampPage(page);
        List<RunView> rows = jdbc.sql("""
                select * from model_allowance_run where org_path like :scope order by id desc limit :l offset :o""")
                .param("scope", scope.likePattern()).param("l", pageSize + 1).param("o", (long) pageNumber * pageSize)
                .query((rs, n) -> new RunView(rs.getLong("id"), YearMonth.from(rs.getDate("month_start").toLocalDate()),
                        rs.getString("org_path"), rs.getTimestamp("started_at").toInstant(), rs.getString("by_user"),
                        rs.getInt("entitled"), rs.getInt("held"), rs.getInt("already"), rs.getBigDecimal("amount"),
                        rs.getLong("millis"))).list();
        return PageResult.of(rows, pageNumber, pageSize);
    }
}
