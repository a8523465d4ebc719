package org.gonghui.modelworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.modelworker.ModelWorkerTestData.member;
import static org.gonghui.modelworker.ModelWorkerTestData.memberWorker;
import static org.gonghui.modelworker.ModelWorkerTestData.org;
import static org.gonghui.modelworker.ModelWorkerTestData.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.modelworker.allowance.AllowanceLineView;
import org.gonghui.modelworker.allowance.AllowanceLines;
import org.gonghui.modelworker.allowance.AllowanceRuns;
import org.gonghui.modelworker.archive.AttestationReminders;
import org.gonghui.modelworker.archive.LifeEvent;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.organisation.Organisations;
import org.gonghui.payment.EntitlementPaid;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The model worker's own page and tile, the paid mark from the engine, and the attestation reminders. */
@IntegrationTest
class ModelWorkerPortalIntegrationTests {

    private static final YearMonth NOV = YearMonth.of(2026, 11);

    @Autowired ModelWorkerArchive archive;
    @Autowired AllowanceRuns runs;
    @Autowired AllowanceLines lines;
    @Autowired AttestationReminders reminders;
    @Autowired ModelWorkerFigures figures;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @BeforeEach
    void inLateNovember() {
        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aModelWorkerSeesTheirRecordAndEveryMonthAndNobodyElseDoes() throws Exception {
        ModelWorkerView worker = memberWorker(archive, members, organisations, "NB-HS-T01-E1", ModelWorkerLevel.CITY,
                LocalDate.of(2016, 1, 1));
        runs.run(staff(organisations, "NB-HS-T01-E1", Role.ADMIN, Role.STAFF), NOV);
        var self = Fixtures.as(Fixtures.member(worker.memberId()));
        mvc.perform(get("/me/model-worker").with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("宁波市劳动模范")))
                .andExpect(content().string(containsString("2026-11")))
                .andExpect(content().string(containsString("¥300.00")))
                .andExpect(content().string(containsString("待支付")));
        mvc.perform(get("/").with(self)).andExpect(content().string(containsString("/me/model-worker")))
                .andExpect(content().string(containsString("2026-11 荣誉津贴 ¥300.00")));

        MemberView other = member(members, organisations, "NB-HS-T01-E1");
        var stranger = Fixtures.as(Fixtures.member(other.id()));
        mvc.perform(get("/me/model-worker").with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/model-workers/me").with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/").with(stranger)).andExpect(content().string(not(containsString("/me/model-worker"))));
        mvc.perform(get("/api/v1/model-workers/" + worker.id()).with(stranger)).andExpect(status().isForbidden());
    }

    @Test
    void thePaymentEnginesPaidEventMarksTheMonthPaid() throws Exception {
        ModelWorkerView worker = memberWorker(archive, members, organisations, "NB-HS-T01-E1", ModelWorkerLevel.CITY,
                LocalDate.of(2016, 1, 1));
        runs.run(staff(organisations, "NB-HS-T01-E1", Role.ADMIN, Role.STAFF), NOV);
        var before = figures.of(org(organisations, "NB-HS-T01-E1").treePath(), 2026);
        AllowanceLineView line = lines.ofWorker(worker.id()).get(0);
        Instant paidAt = Instant.parse("2026-11-28T03:00:00Z");
        tx.executeWithoutResult(status -> events.publishEvent(new EntitlementPaid(line.entitlementId(), "OTHER",
                line.sourceRef(), worker.memberId(), line.amount(), "B1", paidAt)));
        assertThat(lines.ofWorker(worker.id()).get(0).paidAt()).as("another programme's event").isNull();
        tx.executeWithoutResult(status -> events.publishEvent(new EntitlementPaid(line.entitlementId(),
                AllowanceLines.PROGRAMME, line.sourceRef(), worker.memberId(), line.amount(), "B1", paidAt)));
        assertThat(lines.ofWorker(worker.id()).get(0).paidAt()).isEqualTo(paidAt);
        var after = figures.of(org(organisations, "NB-HS-T01-E1").treePath(), 2026);
        assertThat(after.paid().subtract(before.paid())).isEqualByComparingTo("300.00");
        mvc.perform(get("/api/v1/model-workers/me").with(Fixtures.as(Fixtures.member(worker.memberId()))))
                .andExpect(jsonPath("$.allowances[0].paidAt").value("2026-11-28T03:00:00Z"));
    }

    @Test
    void retireesAreRemindedOncePerDueDateBeforeTheirAttestationRunsOut() {
        ModelWorkerView retiree = memberWorker(archive, members, organisations, "NB-HS-T01-E1", ModelWorkerLevel.CITY,
                LocalDate.of(2016, 1, 1));
        archive.record(staff(organisations, "NB-HS"), retiree.id(), LifeEvent.RETIRED, LocalDate.of(2025, 12, 20), null, null);
        ModelWorkerView later = memberWorker(archive, members, organisations, "NB-HS-T01-E1", ModelWorkerLevel.CITY,
                LocalDate.of(2016, 1, 1));
        archive.record(staff(organisations, "NB-HS"), later.id(), LifeEvent.RETIRED, LocalDate.of(2026, 3, 1), null, null);
        reminders.remind();
        assertThat(remindedFor(retiree)).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(remindedFor(later)).as("due in more than 30 days").isNull();
        assertThat(reminders.remind()).isZero();
        archive.attest(staff(organisations, "NB-HS"), retiree.id(), LocalDate.of(2026, 11, 25), null);
        clock.set(Instant.parse("2027-10-30T02:00:00Z"));
        reminders.remind();
        assertThat(remindedFor(retiree)).isEqualTo(LocalDate.of(2027, 11, 25));
    }

    private LocalDate remindedFor(ModelWorkerView worker) {
        return jdbc.sql("select reminded_for from model_worker where id = :id").param("id", worker.id())
                .query(Date.class).optional().map(Date::toLocalDate).orElse(null);
    }
}
