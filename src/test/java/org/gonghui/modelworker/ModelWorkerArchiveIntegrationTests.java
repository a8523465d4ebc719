package org.gonghui.modelworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.modelworker.ModelWorkerTestData.form;
import static org.gonghui.modelworker.ModelWorkerTestData.member;
import static org.gonghui.modelworker.ModelWorkerTestData.memberWorker;
import static org.gonghui.modelworker.ModelWorkerTestData.org;
import static org.gonghui.modelworker.ModelWorkerTestData.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.modelworker.archive.ArchiveSpreadsheets;
import org.gonghui.modelworker.archive.LifeEvent;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.modelworker.archive.WorkerEventView;
import org.gonghui.modelworker.archive.WorkerFilter;
import org.gonghui.modelworker.archive.WorkerStatus;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.Sheets;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ModelWorkerArchiveIntegrationTests {

    @Autowired ModelWorkerArchive archive;
    @Autowired ArchiveSpreadsheets sheets;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @BeforeEach
    void onADay() {
        clock.set(Instant.parse("2026-11-20T02:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void registersOncePerPersonLinksTheMemberAndKeepsTheIdNumberSealed() {
        ModelWorkerView worker = memberWorker(archive, members, organisations, "NB-HS-T01-E1", ModelWorkerLevel.CITY,
                LocalDate.of(2016, 1, 1));
        assertThat(worker.memberId()).isNotNull();
        assertThat(worker.status()).isEqualTo(WorkerStatus.IN_SERVICE);
        assertThat(worker.idNumberMasked()).contains("*");
        String stored = jdbc.sql("select id_number_enc from model_worker where id = :id").param("id", worker.id())
                .query(String.class).single();
        String clear = members.revealOwn(worker.memberId(), PersonalField.ID_NUMBER);
        assertThat(stored).doesNotContain(clear);
        assertThat(archive.ofMember(worker.memberId())).get().extracting(ModelWorkerView::id).isEqualTo(worker.id());
        assertThatThrownBy(() -> archive.register(staff(organisations, "NB"), form(clear,
                org(organisations, "NB-HS").id(), ModelWorkerLevel.NATIONAL, LocalDate.of(2020, 1, 1))))
                .isInstanceOf(DomainException.class).hasMessageContaining("modelworker.already-registered");
        assertThat(archive.history(worker.id())).extracting(WorkerEventView::kind)
                .containsExactly(LifeEvent.REGISTERED, LifeEvent.LINKED);
    }

    @Test
    void staffSeeOnlyTheirSubtree() {
        ModelWorkerView haishu = memberWorker(archive, members, organisations, "NB-HS-T01-E1", ModelWorkerLevel.CITY,
                LocalDate.of(2016, 1, 1));
        CurrentUser jiangbei = staff(organisations, "NB-JB");
        assertThatThrownBy(() -> archive.requireInScope(jiangbei, haishu.id())).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> archive.record(jiangbei, haishu.id(), LifeEvent.RETIRED, LocalDate.of(2026, 1, 1), null, null))
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(archive.all(jiangbei, WorkerFilter.all())).extracting(ModelWorkerView::id).doesNotContain(haishu.id());
        assertThat(archive.all(staff(organisations, "NB-HS"), WorkerFilter.all())).extracting(ModelWorkerView::id)
                .contains(haishu.id());
        assertThatThrownBy(() -> archive.register(jiangbei, form(Fixtures.newIdNumber(), org(organisations, "NB-HS").id(),
                ModelWorkerLevel.CITY, LocalDate.of(2020, 1, 1)))).isInstanceOf(DomainException.class);
        MemberView self = member(members, organisations, "NB-HS-T01-E1");
        assertThatThrownBy(() -> archive.list(Fixtures.member(self.id()), WorkerFilter.all(), 0, 10))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void keepsLifeEventsWithTheirDaysAndRefusesWhatCannotBe() {
        ModelWorkerView worker = memberWorker(archive, members, organisations, "NB-HS-T01-E1", ModelWorkerLevel.PROVINCIAL,
                LocalDate.of(2016, 1, 1));
        CurrentUser haishu = staff(organisations, "NB-HS");
        assertThatThrownBy(() -> archive.record(haishu, worker.id(), LifeEvent.RETIRED, LocalDate.of(2026, 11, 21), null, null))
                .hasMessageContaining("modelworker.event.date");
        ModelWorkerView retired = archive.record(haishu, worker.id(), LifeEvent.RETIRED, LocalDate.of(2025, 6, 30), null, "正常退休");
        assertThat(retired.status()).isEqualTo(WorkerStatus.RETIRED);
        assertThat(retired.attestedUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThatThrownBy(() -> archive.record(haishu, worker.id(), LifeEvent.RETIRED, LocalDate.of(2025, 7, 1), null, null))
                .hasMessageContaining("modelworker.event.already");
        ModelWorkerView moved = archive.record(haishu, worker.id(), LifeEvent.MOVED, LocalDate.of(2026, 1, 5),
                org(organisations, "NB-HS-T01").id(), null);
        assertThat(moved.orgPath()).isEqualTo(org(organisations, "NB-HS-T01").path());
        assertThatThrownBy(() -> archive.record(haishu, worker.id(), LifeEvent.MOVED, LocalDate.of(2026, 1, 6),
                org(organisations, "NB-JB").id(), null)).isInstanceOf(DomainException.class);
        ModelWorkerView dead = archive.record(haishu, worker.id(), LifeEvent.DECEASED, LocalDate.of(2026, 11, 3), null, null);
        assertThat(dead.status()).isEqualTo(WorkerStatus.DECEASED);
        assertThatThrownBy(() -> archive.record(haishu, worker.id(), LifeEvent.REVOKED, LocalDate.of(2026, 11, 4), null, null))
                .hasMessageContaining("modelworker.event.deceased");
        assertThat(archive.history(worker.id())).extracting(WorkerEventView::kind).containsExactly(LifeEvent.REGISTERED,
                LifeEvent.LINKED, LifeEvent.RETIRED, LifeEvent.MOVED, LifeEvent.DECEASED);
        assertThat(archive.history(worker.id())).filteredOn(e -> e.kind() == LifeEvent.RETIRED).singleElement()
                .satisfies(e -> {
                    assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2025, 6, 30));
                    assertThat(e.detail()).isEqualTo("正常退休");
                });
    }

    @Test
    void importsEveryRowOrNoneAndExportsMaskedAndAuditLogged() throws Exception {
        CurrentUser haishu = staff(organisations, "NB-HS");
        MemberView member = member(members, organisations, "NB-HS-T01-E1");
        String memberId = members.revealOwn(member.id(), PersonalField.ID_NUMBER);
        String a = Fixtures.newIdNumber();
        List<List<?>> rows = List.of(
                List.of("王一", a, "NB-HS-T01-E1", "浙江省劳动模范", "省部级劳模", "2012", "制造业", "甲公司", "2013-01-01"),
                List.of("李二", memberId, "NB-HS", "宁波市劳动模范", "CITY", "2018", "交通", "乙公司", "2018-05-01"),
                List.of("赵三", Fixtures.newIdNumber(), "NB-JB", "宁波市劳动模范", "市级劳模", "2018", "交通", "丙公司", "2018-05-01"),
                List.of("钱四", a, "NB-HS", "全国劳动模范", "全国", "20x", "交通", "丁公司", "2018-13-01"));
        ImportReport bad = sheets.importRecords(haishu, Sheets.xlsx(sheets.header(), rows));
        assertThat(bad.succeeded()).isFalse();
        assertThat(bad.errors()).extracting(ImportReport.RowError::row).containsExactly(4, 5);
        assertThat(bad.errors().get(1).messages()).hasSize(3).anySatisfy(m -> assertThat(m).contains("全国"));
        assertThat(archive.all(haishu, new WorkerFilter(null, null, "甲公司", null))).isEmpty();

        ImportReport good = sheets.importRecords(haishu, Sheets.xlsx(sheets.header(), rows.subList(0, 2)));
        assertThat(good.succeeded()).isTrue();
        List<ModelWorkerView> imported = archive.all(haishu, new WorkerFilter(null, null, "甲公司", null));
        assertThat(imported).singleElement().satisfies(w -> {
            assertThat(w.level()).isEqualTo(ModelWorkerLevel.PROVINCIAL);
            assertThat(w.memberId()).isNull();
        });
        assertThat(archive.ofMember(member.id())).get().extracting(ModelWorkerView::level).isEqualTo(ModelWorkerLevel.CITY);

        long audits = jdbc.sql("select count(*) from audit_log where action = 'modelworker.export'").query(Long.class).single();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.export(haishu, new WorkerFilter(null, null, "甲公司", null), out);
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("王一");
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).contains("*").isNotEqualTo(a);
        }
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'modelworker.export'").query(Long.class).single())
                .isEqualTo(audits + 1);
        ByteArrayOutputStream jiangbeiOut = new ByteArrayOutputStream();
        sheets.export(staff(organisations, "NB-JB"), new WorkerFilter(null, null, "甲公司", null), jiangbeiOut);
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(jiangbeiOut.toByteArray()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
        }
    }

    @Test
    void theConsoleAndApiRefuseBadInputWithAReasonAndStoreNothing() throws Exception {
        var haishu = Fixtures.as(staff(organisations, "NB-HS"));
        long before = jdbc.sql("select count(*) from model_worker").query(Long.class).single();
        mvc.perform(post("/console/model-workers").with(haishu).with(csrf()).param("name", "张三")
                        .param("idNumber", "330203199001011237").param("orgCode", "NB-HS").param("title", "市劳模")
                        .param("level", "CITY").param("titleYear", "2015").param("sector", "制造").param("employer", "某公司")
                        .param("allowanceFrom", "2016-01-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("身份证号不正确")))
                .andExpect(content().string(containsString("value=\"市劳模\"")));
        mvc.perform(post("/console/model-workers").with(haishu).with(csrf()).param("titleYear", "twenty"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/console/model-workers").with(haishu).with(csrf()).param("name", "张三")
                        .param("idNumber", Fixtures.newIdNumber()).param("orgCode", "NB-JB").param("title", "市劳模")
                        .param("level", "CITY").param("titleYear", "2015").param("sector", "制造").param("employer", "某公司")
                        .param("allowanceFrom", "2016-01-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("NB-JB")));
        mvc.perform(post("/api/v1/model-workers").with(haishu).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"张三\",\"idNumber\":\"" + Fixtures.newIdNumber() + "\",\"orgId\":\"7\","
                                + "\"title\":\"市劳模\",\"level\":\"CITY\",\"titleYear\":2015,\"sector\":\"制造\","
                                + "\"employer\":\"某公司\",\"allowanceFrom\":\"2016-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.orgId").exists());
        mvc.perform(post("/api/v1/model-workers").with(haishu).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"张三\",\"idNumber\":\"" + Fixtures.newIdNumber() + "\",\"orgId\":"
                                + org(organisations, "NB-HS").id() + ",\"title\":\"市劳模\",\"level\":\"GALACTIC\","
                                + "\"titleYear\":2015,\"sector\":\"制造\",\"employer\":\"某公司\",\"allowanceFrom\":\"2016-01-01\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/model-workers/import").with(haishu)).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from model_worker").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theRecordPageShowsHistoryAndRecordsEventsInScopeOnly() throws Exception {
        ModelWorkerView worker = memberWorker(archive, members, organisations, "NB-HS-T01-E1", ModelWorkerLevel.CITY,
                LocalDate.of(2016, 1, 1));
        var haishu = Fixtures.as(staff(organisations, "NB-HS"));
        mvc.perform(post("/console/model-workers/" + worker.id() + "/events").with(haishu).with(csrf())
                        .param("kind", "RETIRED").param("on", "2026-03-31").param("note", "退休"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        mvc.perform(get("/console/model-workers/" + worker.id()).with(haishu)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"attest-form\"")))
                .andExpect(content().string(containsString("2027-03-31")))
                .andExpect(content().string(not(containsString(members.revealOwn(worker.memberId(), PersonalField.ID_NUMBER)))));
        var jiangbei = Fixtures.as(staff(organisations, "NB-JB"));
        mvc.perform(get("/console/model-workers/" + worker.id()).with(jiangbei)).andExpect(status().isNotFound());
        mvc.perform(post("/console/model-workers/" + worker.id() + "/attest").with(jiangbei).with(csrf())
                .param("on", "2026-11-01")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/model-workers/" + worker.id()).with(jiangbei)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/model-workers/me").with(Fixtures.as(Fixtures.member(worker.memberId()))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.record.id").value(worker.id()));
    }
}
