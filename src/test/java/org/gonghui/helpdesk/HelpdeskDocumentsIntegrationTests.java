package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Base64;
import org.gonghui.account.LoggingSmsSender;
import org.gonghui.member.MemberView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Documents and photos, the member's part and the texts: a member attaches a photo from the phone, staff attach
 * files, every staff opening of a sensitive request's document is audit-logged; staff ask the member for something
 * (the clock pauses) and the member's answer reopens the request; the member is texted at every step.
 */
@IntegrationTest
class HelpdeskDocumentsIntegrationTests {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    HelpdeskScenario scenario;
    @Autowired
    HelpRequests requests;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LoggingSmsSender sms;

    @Test
    void aMemberAttachesAPhotoAndStaffOpeningsOfASensitiveRequestAreAuditLogged() throws Exception {
        MemberView member = scenario.member("NB-HS-T01-E1");
        HelpRequestView complaint = scenario.submit(member, HelpdeskScenario.wagesComplaint("工资条照片", true));
        CurrentUser self = HelpdeskScenario.self(member);

        String body = mvc.perform(multipart("/api/v1/helpdesk/requests/{id}/documents", complaint.id())
                        .file(new MockMultipartFile("file", "工资条.png", "image/png", PNG)).with(Fixtures.as(self)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.byMember").value(true))
                .andReturn().getResponse().getContentAsString();
        long documentId = ((Number) JsonPath.read(body, "$.id")).longValue();

        CurrentUser township = scenario.staff("NB-HS-T01");
        long before = audits("helpdesk.document.view", township);
        mvc.perform(get("/api/v1/helpdesk/requests/{id}/documents/{doc}", complaint.id(), documentId)
                        .with(Fixtures.as(township)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png")).andExpect(content().bytes(PNG));
        assertThat(audits("helpdesk.document.view", township)).isEqualTo(before + 1);
        mvc.perform(get("/api/v1/helpdesk/requests/{id}/documents/{doc}", complaint.id(), documentId)
                        .with(Fixtures.as(scenario.staff("NB-HS-T01-E1"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/helpdesk/requests/{id}/documents/{doc}", complaint.id(), documentId)
                        .with(Fixtures.as(HelpdeskScenario.self(scenario.member("NB-HS-T01-E1")))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/helpdesk/requests/{id}/documents/{doc}", complaint.id(), documentId).with(Fixtures.as(self)))
                .andExpect(status().isOk());

        requests.attach(township, complaint.id(), new MockMultipartFile("file", "调解书.pdf", "application/pdf",
                "%PDF-1.4 test".getBytes()));
        HelpRequestDetails seen = requests.view(self, complaint.id());
        assertThat(seen.documents()).extracting(HelpDocumentView::originalName).containsExactly("工资条.png", "调解书.pdf");
        assertThat(seen.documents().get(1).uploadedBy()).isNull();
        assertThat(seen.history()).extracting(HelpRequestEventView::kind).contains(EventKind.DOCUMENT_ADDED);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'helpdesk.request.view' and record_id = :id")
                .param("id", String.valueOf(complaint.id())).query(Long.class).single()).isZero();
        requests.view(township, complaint.id());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'helpdesk.request.view' and record_id = :id")
                .param("id", String.valueOf(complaint.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRenamedProgramOrAnEmptyFileIsRefusedAndNothingIsStored() throws Exception {
        MemberView member = scenario.member("NB-HS-T01-C1");
        HelpRequestView request = scenario.submit(member, HelpdeskScenario.consultation("上传错误文件"));
        long before = jdbc.sql("select count(*) from help_request_document").query(Long.class).single();
        mvc.perform(multipart("/api/v1/helpdesk/requests/{id}/documents", request.id())
                        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", "MZ\u0090\u0000program".getBytes()))
                        .with(Fixtures.as(HelpdeskScenario.self(member))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("helpdesk.document.unsupported"));
        mvc.perform(multipart("/api/v1/helpdesk/requests/{id}/documents", request.id())
                        .file(new MockMultipartFile("file", "empty.png", "image/png", new byte[0]))
                        .with(Fixtures.as(HelpdeskScenario.self(member))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("upload.empty"));
        assertThat(jdbc.sql("select count(*) from help_request_document").query(Long.class).single()).isEqualTo(before);
        assertThat(requests.view(HelpdeskScenario.self(member), request.id()).history()).hasSize(1);
    }

    @Test
    void askingTheMemberPausesTheClockAndTheirAnswerReopensTheRequest() throws Exception {
        HelpdeskScenario.Person person = scenario.person("NB-HS-T01-C1");
        HelpRequestView request = scenario.submit(person.member(), HelpdeskScenario.consultation("需要补充材料"));
        assertThat(sms.lastTo(person.phone())).hasValueSatisfying(text -> assertThat(text).contains(request.requestNo())
                .contains(scenario.org("NB-HS-T01-C1").name()));

        CurrentUser station = scenario.staff("NB-HS-T01-C1");
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/ask-member", request.id()).with(Fixtures.as(station))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"请上传劳动合同照片\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WAITING_MEMBER"))
                .andExpect(jsonPath("$.pausedSince").exists());
        assertThat(sms.lastTo(person.phone())).hasValueSatisfying(text -> assertThat(text).contains("补充"));
        assertThat(openPauses(request.id())).isEqualTo(1);

        mvc.perform(post("/api/v1/helpdesk/requests/{id}/information", request.id())
                        .with(Fixtures.as(HelpdeskScenario.self(person.member())))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"合同在单位，\\n下周拿到后上传。\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.pausedSince").doesNotExist()).andExpect(jsonPath("$.unansweredSince").exists());
        assertThat(openPauses(request.id())).isZero();
        assertThat(jdbc.sql("select count(*) from help_request_pause where request_id = :r and to_at is not null")
                .param("r", request.id()).query(Long.class).single()).isEqualTo(1);

        // asked again, a photo is the answer too
        requests.askMember(station, request.id(), null, "请补充合同照片");
        requests.attach(HelpdeskScenario.self(person.member()), request.id(),
                new MockMultipartFile("file", "合同.png", "image/png", PNG));
        HelpRequestDetails details = requests.view(station, request.id());
        assertThat(details.request().status()).isEqualTo(RequestStatus.OPEN);
        assertThat(details.history()).extracting(HelpRequestEventView::kind).containsExactly(EventKind.SUBMITTED,
                EventKind.MEMBER_ASKED, EventKind.MEMBER_ANSWERED, EventKind.MEMBER_ASKED, EventKind.MEMBER_ANSWERED,
                EventKind.DOCUMENT_ADDED);
        assertThat(details.history().get(2).text()).contains("下周拿到后上传");

        requests.reply(station, request.id(), null, "已收到，正在协调。");
        assertThat(sms.lastTo(person.phone())).hasValueSatisfying(text -> assertThat(text).contains("新的答复"));
    }

    @Test
    void aNonMemberIsTextedAtThePhoneStaffRecorded() {
        String phone = Fixtures.newPhone();
        HelpRequestView call = requests.register(scenario.staff("NB-HS-T02"), new Registration(Channel.HOTLINE, null,
                phone, "王师傅", RequestType.CONSULTATION, "CONSULT_LABOUR", "加班费怎么算", "想问问加班费。", null, null));
        assertThat(sms.lastTo(phone)).hasValueSatisfying(text -> assertThat(text).contains(call.requestNo()));
    }

    private long openPauses(long requestId) {
        return jdbc.sql("select count(*) from help_request_pause where request_id = :r and to_at is null")
                .param("r", requestId).query(Long.class).single();
    }

    private long audits(String action, CurrentUser actor) {
        return jdbc.sql("select count(*) from audit_log where action = :a and actor = :u").param("a", action)
                .param("u", actor.getUsername()).query(Long.class).single();
    }
}
