package org.gonghui.modelworker.allowance;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.modelworker.archive.WorkerChanged;
import org.gonghui.payment.EntitlementPaid;
import org.gonghui.payment.EntitlementRequest;
import org.gonghui.payment.EntitlementStatus;
import org.gonghui.payment.Entitlements;
import org.gonghui.shared.time.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the allowance lines in step with the archive and the payments, inside the transaction of the change:
 * <ul>
 * <li>held months whose reason is gone (attested, linked to a member) are entitled — or, for an attestation hold when
 * {@code gonghui.modelworker.held-months=FORFEIT}, forfeited;</li>
 * <li>after a death or revocation recorded late, the months after the last day due are withdrawn (held ones
 * forfeited, entitled ones cancelled in the engine while it still can) and the month of the last day is cut to its
 * days (a held line's amount is corrected; an entitled one is cancelled and entitled again for the corrected amount
 * under {@code allowance:<yyyy-MM>:<workerId>:corrected});</li>
 * <li>a paid entitlement marks its line paid.</li>
 * </ul>
 */
@Component
class AllowanceFollowUp {

    private static final Logger log = LoggerFactory.getLogger(AllowanceFollowUp.class);

    private final JdbcClient jdbc;
    private final WorkerTermsStore workers;
    private final AllowanceSchedules schedules;
    private final AllowanceRuns runs;
    private final Entitlements entitlements;
    private final PlatformTime time;
    private final boolean forfeitAttestationHolds;

    AllowanceFollowUp(JdbcClient jdbc, WorkerTermsStore workers, AllowanceSchedules schedules, AllowanceRuns runs,
            Entitlements entitlements, PlatformTime time,
            @Value("${gonghui.modelworker.held-months:PAY}") String heldMonths) {
        this.jdbc = jdbc;
        this.workers = workers;
        this.schedules = schedules;
        this.runs = runs;
        this.entitlements = entitlements;
        this.time = time;
        if (!heldMonths.equalsIgnoreCase("PAY") && !heldMonths.equalsIgnoreCase("FORFEIT")) {
            throw new IllegalStateException("gonghui.modelworker.held-months must be PAY or FORFEIT, not " + heldMonths);
        }
        this.forfeitAttestationHolds = heldMonths.equalsIgnoreCase("FORFEIT");
    }

    @EventListener
    void on(WorkerChanged change) {
        runs.lock();
        if (change.lastDay() != null) {
            end(change.workerId(), change.lastDay());
        }
        if (change.holdMayLift()) {
            release(change.workerId());
        }
    }

    @EventListener
    void on(EntitlementPaid paid) {
        if (AllowanceLines.PROGRAMME.equals(paid.programme())) {
            jdbc.sql("update model_allowance_line set paid_at = :at where entitlement_id = :e")
                    .param("at", Timestamp.from(paid.paidAt())).param("e", paid.entitlementId()).update();
        }
    }

    private void release(long workerId) {
        WorkerTermsStore.Placed placed = workers.of(workerId);
        List<ScheduleVersion> versions = schedules.all();
        for (AllowanceLineView line : lines(workerId, "status = 'HELD'")) {
            MonthlyAllowance now = AllowanceCalculator.calculate(line.month(), placed.terms(), versions);
            if (!now.due() || now.held() != null) {
                continue;
            }
            if (line.holdReason() == HoldReason.ATTESTATION_OVERDUE && forfeitAttestationHolds) {
                setStatus(line, LineStatus.FORFEITED, null);
                continue;
            }
            long id = entitlements.entitle(new EntitlementRequest(AllowanceLines.PROGRAMME, line.sourceRef(),
                    placed.terms().memberId(), placed.orgPath(), line.amount(), AllowanceRuns.purpose(line.month())));
            setStatus(line, LineStatus.ENTITLED, id);
        }
    }

    private void end(long workerId, LocalDate lastDay) {
        WorkerTermsStore.Placed placed = workers.of(workerId);
        List<ScheduleVersion> versions = schedules.all();
        YearMonth lastMonth = YearMonth.from(lastDay);
        for (AllowanceLineView line : lines(workerId, "status in ('HELD', 'ENTITLED') and month_start >= :from",
                Date.valueOf(lastMonth.atDay(1)))) {
            MonthlyAllowance now = AllowanceCalculator.calculate(line.month(), placed.terms(), versions);
            BigDecimal amount = now.due() ? now.amount() : BigDecimal.ZERO;
            if (amount.compareTo(line.amount()) == 0) {
                continue;
            }
            if (line.status() == LineStatus.HELD) {
                if (amount.signum() == 0) {
                    setStatus(line, LineStatus.FORFEITED, null);
                } else {
                    jdbc.sql("update model_allowance_line set amount = :a, days = :d where id = :id")
                            .param("a", amount).param("d", now.days()).param("id", line.id()).update();
                }
                continue;
            }
            if (!cancellable(line)) {
                log.warn("allowance {} of worker {} is in payment or paid although the allowance ended on {}: recover it",
                        line.month(), workerId, lastDay);
                continue;
            }
            entitlements.cancel(AllowanceLines.PROGRAMME, currentRef(line), "allowance ended " + lastDay);
            if (amount.signum() == 0) {
                setStatus(line, LineStatus.CANCELLED, line.entitlementId());
            } else {
                long id = entitlements.entitle(new EntitlementRequest(AllowanceLines.PROGRAMME,
                        line.sourceRef() + ":corrected", placed.terms().memberId(), placed.orgPath(), amount,
                        AllowanceRuns.purpose(line.month())));
                jdbc.sql("update model_allowance_line set amount = :a, days = :d, entitlement_id = :e where id = :id")
                        .param("a", amount).param("d", now.days()).param("e", id).param("id", line.id()).update();
            }
        }
    }

    private boolean cancellable(AllowanceLineView line) {
        return entitlements.find(AllowanceLines.PROGRAMME, currentRef(line))
                .map(e -> e.status() == EntitlementStatus.ENTITLED || e.status() == EntitlementStatus.FAILED).orElse(false);
    }

    /** The engine's key of the line's current entitlement (the corrected one after a correction). */
    private String currentRef(AllowanceLineView line) {
        return entitlements.find(AllowanceLines.PROGRAMME, line.sourceRef() + ":corrected")
                .filter(e -> line.entitlementId() != null && e.id() == line.entitlementId())
                .map(e -> line.sourceRef() + ":corrected").orElse(line.sourceRef());
    }

    private List<AllowanceLineView> lines(long workerId, String condition, Object... from) {
        var statement = jdbc.sql("select * from model_allowance_line where worker_id = :w and " + condition
                + " order by month_start").param("w", workerId);
        if (from.length > 0) {
            statement = statement.param("from", from[0]);
        }
        return new ArrayList<>(statement.query(AllowanceLines::line).list());
    }

    private void setStatus(AllowanceLineView line, LineStatus status, Long entitlementId) {
        jdbc.sql("""
                update model_allowance_line set status = :s, entitlement_id = :e, released_at = :at where id = :id""")
                .param("s", status.name()).param("e", entitlementId).param("at", Timestamp.from(time.now()))
                .param("id", line.id()).update();
    }

}
