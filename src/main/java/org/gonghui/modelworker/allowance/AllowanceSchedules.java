package org.gonghui.modelworker.allowance;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The honour allowance schedules, versioned per level. The schedule is the federation's: only an administrator at
 * the top of the tree adds a version. A version may not start in a month that has been run already (a month's
 * amounts, once made, are never recomputed behind the payments), nor be deleted once it is in force.
 */
@Service
public class AllowanceSchedules {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PlatformTime time;

    AllowanceSchedules(JdbcClient jdbc, AuditLog audit, PlatformTime time) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.time = time;
    }

    /** Every version, by level and start. */
    @Transactional(readOnly = true)
    public List<ScheduleVersion> all() {
        return jdbc.sql("select * from model_allowance_schedule order by level, valid_from")
                .query((rs, n) -> new ScheduleVersion(rs.getLong("id"), ModelWorkerLevel.valueOf(rs.getString("level")),
                        rs.getDate("valid_from").toLocalDate(), AllowancePeriod.valueOf(rs.getString("period")),
                        rs.getBigDecimal("amount"), rs.getString("note"))).list();
    }

    @Transactional
    public ScheduleVersion add(CurrentUser user, ModelWorkerLevel level, LocalDate validFrom, AllowancePeriod period,
            BigDecimal amount, String note) {
        requireFederationAdmin(user);
        ScheduleVersion version = new ScheduleVersion(0, level, validFrom, period, amount, note == null || note.isBlank()
                ? null : note.strip());
        if (version.note() != null && version.note().length() > 200) {
            throw DomainException.invalid("modelworker.field.too-long", "note", 200);
        }
        LocalDate lastRun = jdbc.sql("select max(month_start) from model_allowance_month").query(Date.class).optional()
                .map(Date::toLocalDate).orElse(null);
        if (lastRun != null && !validFrom.isAfter(lastRun)) {
            throw DomainException.conflict("modelworker.schedule.month-run", lastRun.toString().substring(0, 7));
        }
        try {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    insert into model_allowance_schedule (level, valid_from, period, amount, note, created_at, created_by)
                    values (:level, :from, :period, :amount, :note, :at, :by)""")
                    .param("level", level.name()).param("from", Date.valueOf(validFrom)).param("period", period.name())
                    .param("amount", version.amount()).param("note", version.note()).param("at", Timestamp.from(time.now()))
                    .param("by", user.getUsername()).update(keys, "id");
            long id = keys.getKey().longValue();
            audit.record("modelworker.schedule.add", "model_allowance_schedule", id,
                    level + " " + validFrom + " " + period + " " + version.amount().toPlainString());
            return new ScheduleVersion(id, level, validFrom, period, version.amount(), version.note());
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("modelworker.schedule.exists");
        }
    }

    /** Withdraws a version that has not come into force yet. */
    @Transactional
    public void delete(CurrentUser user, long id) {
        requireFederationAdmin(user);
        Date from = jdbc.sql("select valid_from from model_allowance_schedule where id = :id").param("id", id)
                .query(Date.class).optional().orElseThrow(() -> DomainException.notFound("modelworker.schedule.not-found"));
        if (!from.toLocalDate().isAfter(time.today())
                || jdbc.sql("select count(*) from model_allowance_line where schedule_id = :id").param("id", id)
                .query(Long.class).single() > 0) {
            throw DomainException.conflict("modelworker.schedule.in-force");
        }
        jdbc.sql("delete from model_allowance_schedule where id = :id").param("id", id).update();
        audit.record("modelworker.schedule.delete", "model_allowance_schedule", id, from.toString());
    }

    static void requireFederationAdmin(CurrentUser user) {
        if (user == null || !user.isStaff() || !user.has(Role.ADMIN) || user.orgPath().chars().filter(c -> c == '/').count() != 2) {
            throw DomainException.forbidden("modelworker.schedule.admin-only");
        }
    }
}
