package org.gonghui.modelworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.modelworker.ModelWorkerTestData.form;
import static org.gonghui.modelworker.ModelWorkerTestData.memberWorker;
import static org.gonghui.modelworker.ModelWorkerTestData.org;
import static org.gonghui.modelworker.ModelWorkerTestData.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.gonghui.member.Members;
import org.gonghui.modelworker.allowance.AllowanceLineView;
import org.gonghui.modelworker.allowance.AllowanceLines;
import org.gonghui.modelworker.allowance.AllowancePeriod;
import org.gonghui.modelworker.allowance.AllowanceRuns;
import org.gonghui.modelworker.allowance.AllowanceSchedules;
import org.gonghui.modelworker.allowance.HoldReason;
import org.gonghui.modelworker.allowance.LineStatus;
import org.gonghui.modelworker.allowance.RunView;
import org.gonghui.modelworker.archive.LifeEvent;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.organisation.Organisations;
import org.gonghui.payment.EntitlementStatus;
import org.gonghui.payment.EntitlementView;
import org.gonghui.payment.Entitlements;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The monthly run against the demo schedules (city 300.00 a month, provincial 500.00, national 12,000.00 a year). */
@IntegrationTest
class AllowanceRunIntegrationTests {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);

    @Autowired ModelWorkerArchive archive;
    @Autowired AllowanceRuns runs;
    @Autowired AllowanceLines lines;
    @Autowired AllowanceSchedules schedules;
    @Autowired Entitlements entitlements;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired ModelWorkerFigures figures;
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

    private CurrentUser admin(String code) {
        return staff(organisations, code, Role.ADMIN, Role.STAFF);
    }

    private ModelWorkerView worker(String orgCode, ModelWorkerLevel level, LocalDate from) {
        return memberWorker(archive, members, organisations, orgCode, level, from);
    }

    private AllowanceLineView line(ModelWorkerView worker, YearMonth month) {
        return lines.ofWorker(worker.id()).stream().filter(l -> l.month().equals(month)).findFirst().orElseThrow();
    }

    private boolean hasLine(ModelWorkerView worker, YearMonth month) {
        return lines.ofWorker(worker.id()).stream().anyMatch(l -> l.month().equals(month));
    }

    private EntitlementView entitlement(ModelWorkerView worker, YearMonth month) {
        return entitlements.find(AllowanceLines.PROGRAMME, AllowanceLines.sourceRef(month, worker.id())).orElseThrow();
    }

    @Test
    void aMonthRunTwicePaysEachModelWorkerOnce() {
        ModelWorkerView city = worker("NB-HS-T01-E1", ModelWorkerLevel.CITY, LocalDate.of(2016, 1, 1));
        ModelWorkerView national = worker("NB-HS-T01-E1", ModelWorkerLevel.NATIONAL, LocalDate.of(2010, 1, 1));
        ModelWorkerView startsMidMonth = worker("NB-HS-T01-E1", ModelWorkerLevel.CITY, LocalDate.of(2026, 11, 11));
        RunView first = runs.run(admin("NB-HS"), NOV);
        assertThat(first.entitled()).isGreaterThanOrEqualTo(3);
        assertThat(line(city, NOV).amount()).isEqualByComparingTo("300.00");
        assertThat(line(city, NOV).status()).isEqualTo(LineStatus.ENTITLED);
        assertThat(line(national, NOV).amount()).isEqualByComparingTo("1000.00");
        assertThat(line(startsMidMonth, NOV).amount()).isEqualByComparingTo("200.00");
        assertThat(line(startsMidMonth, NOV).days()).isEqualTo(20);
        EntitlementView paid = entitlement(city, NOV);
        assertThat(paid.amount()).isEqualByComparingTo("300.00");
        assertThat(paid.memberId()).isEqualTo(city.memberId());
        assertThat(paid.status()).isEqualTo(EntitlementStatus.ENTITLED);
        assertThat(line(city, NOV).entitlementId()).isEqualTo(paid.id());

        RunView again = runs.run(admin("NB-HS"), NOV);
        assertThat(again.entitled()).isZero();
        assertThat(again.already()).isGreaterThanOrEqualTo(3);
        RunView fromAbove = runs.run(admin("NB"), NOV);
        assertThat(lines.ofWorker(city.id())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from payment_entitlement where source_ref like :ref")
                .param("ref", "allowance:2026-11:" + city.id() + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(fromAbove.already()).isGreaterThanOrEqualTo(first.entitled());
    }

    @Test
    void deathStopsTheAllowanceAfterTheDayOfDeathEvenWhenRecordedLate() {
        ModelWorkerView early = worker("NB-HS-T01-E1", ModelWorkerLevel.CITY, LocalDate.of(2016, 1, 1));
        archive.record(admin("NB-HS"), early.id(), LifeEvent.DECEASED, LocalDate.of(2026, 10, 15), null, null);
        runs.run(admin("NB-HS"), NOV);
        assertThat(hasLine(early, NOV)).isFalse();
        runs.run(admin("NB-HS"), YearMonth.of(2026, 10));
        assertThat(line(early, YearMonth.of(2026, 10)).amount()).isEqualByComparingTo("145.16"); // 300 × 15 ÷ 31

        ModelWorkerView late = worker("NB-HS-T01-E1", ModelWorkerLevel.CITY, LocalDate.of(2016, 1, 1));
        runs.run(admin("NB-HS"), NOV);
        assertThat(line(late, NOV).amount()).isEqualByComparingTo("300.00");
        long fullId = line(late, NOV).entitlementId();
        archive.record(admin("NB-HS"), late.id(), LifeEvent.DECEASED, LocalDate.of(2026, 11, 7), null, null);
        AllowanceLineView corrected = line(late, NOV);
        assertThat(corrected.amount()).isEqualByComparingTo("70.00");
        assertThat(corrected.days()).isEqualTo(7);
        assertThat(entitlement(late, NOV).status()).isEqualTo(EntitlementStatus.CANCELLED);
        EntitlementView replacement = entitlements.find(AllowanceLines.PROGRAMME,
                AllowanceLines.sourceRef(NOV, late.id()) + ":corrected").orElseThrow();
        assertThat(replacement.amount()).isEqualByComparingTo("70.00");
        assertThat(corrected.entitlementId()).isEqualTo(replacement.id()).isNotEqualTo(fullId);

        clock.set(Instant.parse("2026-12-20T02:00:00Z"));
        runs.run(admin("NB-HS"), DEC);
        assertThat(hasLine(late, DEC)).isFalse();
        assertThat(hasLine(early, DEC)).isFalse();
    }

    @Test
    void revocationStopsTheAllowanceTheDayBeforeItTakesEffect() {
        ModelWorkerView worker = worker("NB-HS-T01-E1", ModelWorkerLevel.PROVINCIAL, LocalDate.of(2016, 1, 1));
        archive.record(admin("NB-HS"), worker.id(), LifeEvent.REVOKED, LocalDate.of(2026, 11, 13), null, "违纪撤销");
        runs.run(admin("NB-HS"), NOV);
        assertThat(line(worker, NOV).days()).isEqualTo(12);
        assertThat(line(worker, NOV).amount()).isEqualByComparingTo("200.00"); // 500 × 12 ÷ 30
        clock.set(Instant.parse("2026-12-20T02:00:00Z"));
        runs.run(admin("NB-HS"), DEC);
        assertThat(hasLine(worker, DEC)).isFalse();
    }

    @Test
    void anOverdueAttestationHoldsPaymentUntilTheRetireeAttests() {
        ModelWorkerView retiree = worker("NB-HS-T01-E1", ModelWorkerLevel.CITY, LocalDate.of(2016, 1, 1));
        archive.record(admin("NB-HS"), retiree.id(), LifeEvent.RETIRED, LocalDate.of(2025, 9, 30), null, null);
        runs.run(admin("NB-HS"), YearMonth.of(2026, 10));
        runs.run(admin("NB-HS"), NOV);
        assertThat(line(retiree, NOV).status()).isEqualTo(LineStatus.HELD);
        assertThat(line(retiree, NOV).holdReason()).isEqualTo(HoldReason.ATTESTATION_OVERDUE);
        assertThat(line(retiree, YearMonth.of(2026, 10)).status()).isEqualTo(LineStatus.HELD);
        assertThat(entitlements.find(AllowanceLines.PROGRAMME, AllowanceLines.sourceRef(NOV, retiree.id()))).isEmpty();
        assertThat(runs.run(admin("NB-HS"), NOV).held()).isZero();

        archive.attest(admin("NB-HS"), retiree.id(), LocalDate.of(2026, 11, 24), "社区上门认证");
        assertThat(line(retiree, NOV).status()).isEqualTo(LineStatus.ENTITLED);
        assertThat(line(retiree, NOV).releasedAt()).isNotNull();
        assertThat(entitlement(retiree, NOV).amount()).isEqualByComparingTo("300.00");
        assertThat(entitlement(retiree, YearMonth.of(2026, 10)).amount()).isEqualByComparingTo("300.00");
        clock.set(Instant.parse("2026-12-20T02:00:00Z"));
        runs.run(admin("NB-HS"), DEC);
        assertThat(line(retiree, DEC).status()).isEqualTo(LineStatus.ENTITLED);
    }

    @Test
    void aModelWorkerWhoIsNoMemberIsHeldUntilLinked() {
        String idNumber = Fixtures.newIdNumber();
        ModelWorkerView outsider = archive.register(admin("NB-HS"), form(idNumber, org(organisations, "NB-HS-T01-E1").id(),
                ModelWorkerLevel.CITY, LocalDate.of(2016, 1, 1)));
        runs.run(admin("NB-HS"), NOV);
        assertThat(line(outsider, NOV).holdReason()).isEqualTo(HoldReason.NOT_A_MEMBER);
        assertThatThrownBy(() -> archive.link(admin("NB-HS"), outsider.id())).hasMessageContaining("no-member");
        members.register(org(organisations, "NB").treePath(), new org.gonghui.member.NewMember("入会劳模", idNumber,
                Fixtures.newPhone(), org(organisations, "NB-HS-T01-E1").id(), org.gonghui.member.MemberType.IN_SERVICE,
                LocalDate.of(2026, 11, 1), null));
        archive.link(admin("NB-HS"), outsider.id());
        assertThat(line(outsider, NOV).status()).isEqualTo(LineStatus.ENTITLED);
        assertThat(entitlement(outsider, NOV).amount()).isEqualByComparingTo("300.00");
    }

    @Test
    void aRunCoversOnlyTheAdministratorsSubtreeAndRefusesOthers() {
        ModelWorkerView haishu = worker("NB-HS-T01-E1", ModelWorkerLevel.CITY, LocalDate.of(2016, 1, 1));
        runs.run(admin("NB-JB"), NOV);
        assertThat(hasLine(haishu, NOV)).isFalse();
        assertThat(runs.runs(admin("NB-JB"), 0, 50).items()).allSatisfy(r -> assertThat(r.orgPath())
                .startsWith(org(organisations, "NB-JB").path()));
        assertThatThrownBy(() -> runs.run(staff(organisations, "NB-HS"), NOV)).isInstanceOf(DomainException.class)
                .hasMessageContaining("admin-only");
        assertThatThrownBy(() -> runs.run(admin("NB-HS"), DEC)).hasMessageContaining("modelworker.run.month");
        assertThatThrownBy(() -> runs.run(Fixtures.member(haishu.memberId()), NOV)).isInstanceOf(DomainException.class);
        assertThat(hasLine(haishu, NOV)).isFalse();
    }

    @Test
    void schedulesAreVersionedAndOnlyTheFederationChangesThem() {
        assertThatThrownBy(() -> schedules.add(admin("NB-HS"), ModelWorkerLevel.CITY, LocalDate.of(2090, 1, 1),
                AllowancePeriod.MONTHLY, new BigDecimal("400.00"), null)).hasMessageContaining("admin-only");
        assertThatThrownBy(() -> schedules.add(admin("NB"), ModelWorkerLevel.CITY, LocalDate.of(2026, 11, 1),
                AllowancePeriod.MONTHLY, new BigDecimal("400.00"), null)).hasMessageContaining("month-run");
        var version = schedules.add(admin("NB"), ModelWorkerLevel.CITY, LocalDate.of(2090, 1, 1), AllowancePeriod.MONTHLY,
                new BigDecimal("400.00"), "测试版本");
        assertThatThrownBy(() -> schedules.add(admin("NB"), ModelWorkerLevel.CITY, LocalDate.of(2090, 1, 1),
                AllowancePeriod.YEARLY, new BigDecimal("4000.00"), null)).hasMessageContaining("exists");
        assertThat(schedules.all()).anySatisfy(v -> assertThat(v.id()).isEqualTo(version.id()));
        schedules.delete(admin("NB"), version.id());
        assertThat(schedules.all()).noneSatisfy(v -> assertThat(v.id()).isEqualTo(version.id()));
        assertThatThrownBy(() -> schedules.delete(admin("NB"), schedules.all().get(0).id())).hasMessageContaining("in-force");
    }

    @Test
    void theConsoleAndApiRunAMonthAndRefuseBadInput() throws Exception {
        ModelWorkerView worker = worker("NB-HS-T01-E1", ModelWorkerLevel.CITY, LocalDate.of(2016, 1, 1));
        var admin = Fixtures.as(admin("NB-HS"));
        mvc.perform(post("/console/model-workers/allowances/runs").with(admin).with(csrf()).param("month", "2026-13"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/model-workers/allowance-runs").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"month\": 202611}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/model-workers/allowance-runs").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"month\": \"2026-13\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month").value("月份格式应为 yyyy-MM，如 2026-11"));
        mvc.perform(post("/api/v1/model-workers/allowance-runs").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"month\": \"2027-01\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").exists());
        assertThat(hasLine(worker, NOV)).isFalse();
        mvc.perform(post("/console/model-workers/allowances/runs").with(admin).with(csrf()).param("month", "2026-11"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(line(worker, NOV).status()).isEqualTo(LineStatus.ENTITLED);
        mvc.perform(post("/api/v1/model-workers/allowance-runs").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"month\": \"2026-11\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.entitled").value(0));
    }

    @Test
    void figuresCountModelWorkersPerLevelAndTheYearsAllowancesOfTheSubtree() {
        var before = figures.of(org(organisations, "NB-HS-T01-E1").treePath(), 2026);
        ModelWorkerView worker = worker("NB-HS-T01-E1", ModelWorkerLevel.PROVINCIAL, LocalDate.of(2016, 1, 1));
        runs.run(admin("NB-HS-T01"), NOV);
        var after = figures.of(org(organisations, "NB-HS-T01-E1").treePath(), 2026);
        assertThat(after.perLevel().get(ModelWorkerLevel.PROVINCIAL)).isEqualTo(before.perLevel().get(ModelWorkerLevel.PROVINCIAL) + 1);
        assertThat(after.entitled().subtract(before.entitled())).isGreaterThanOrEqualTo(new BigDecimal("500.00"));
        assertThat(hasLine(worker, NOV)).isTrue();
        var jiangbei = figures.of(org(organisations, "NB-JB").treePath(), 2026);
        assertThat(jiangbei.perLevel().values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertThat(List.of(after.entitled().scale(), after.paid().scale())).containsOnly(2);
    }
}
