package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.support.ApiClient;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Bad input gets a clear, localised 4xx and changes nothing; never a 500. */
@IntegrationTest
class BadInputIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Organisations organisations;
    @LocalServerPort int port;

    private String token;
    private long members;

    @BeforeEach
    void signIn() throws Exception {
        token = ApiClient.bearer(mvc, "haishu", "Gonghui2026");
        members = count();
    }

    private long count() {
        return jdbc.sql("select count(*) from member").query(Long.class).single();
    }

    private String registration(String name, String idNumber, long orgId) {
        return "{\"name\":" + (name == null ? "null" : "\"" + name + "\"") + ",\"idNumber\":\"" + idNumber
                + "\",\"orgId\":" + orgId + ",\"type\":\"IN_SERVICE\"}";
    }

    private long haishuPoint() {
        return organisations.findByCode("NB-HS-T01-E1").orElseThrow().id();
    }

    @Test
    void aWrongCheckDigitIsExplainedInTheUsersLanguage() throws Exception {
        mvc.perform(post("/api/v1/members").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content(registration("张三", "11010519491231003X", haishuPoint())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("member.id-number.check-digit"))
                .andExpect(jsonPath("$.detail").value("身份证号校验位不正确，请核对"));
        mvc.perform(post("/api/v1/members").header(HttpHeaders.AUTHORIZATION, token)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON).content(registration("张三", "11010519491231003X", haishuPoint())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The ID number check character is wrong; please check the number"));
        assertThat(count()).isEqualTo(members);
    }

    @Test
    void anUnknownOrganisationAMissingFieldAndBrokenJsonAreRefused() throws Exception {
        mvc.perform(post("/api/v1/members").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content(registration("张三", Fixtures.newIdNumber(), 987654321L)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("organisation.not-found"));
        mvc.perform(post("/api/v1/members").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content(registration(null, Fixtures.newIdNumber(), haishuPoint())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("member.name.required"));
        mvc.perform(post("/api/v1/members").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"broken"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("error.json.malformed"));
        mvc.perform(post("/api/v1/members").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"type\":\"ASTRONAUT\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/members/not-a-number")
                        .header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(members);
    }

    @Test
    void aFileThatIsNotExcelOrIsEmptyIsRefused() throws Exception {
        MockMultipartFile renamed = new MockMultipartFile("file", "members.xlsx", "application/octet-stream",
                "MZ this is really a program".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/members/import").file(renamed).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("upload.not-excel"));
        MockMultipartFile empty = new MockMultipartFile("file", "members.xlsx", "application/octet-stream", new byte[0]);
        mvc.perform(multipart("/api/v1/members/import").file(empty).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("upload.empty"));
        MockMultipartFile fakeZip = new MockMultipartFile("file", "members.xlsx", "application/octet-stream",
                new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3});
        mvc.perform(multipart("/api/v1/members/import").file(fakeZip).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("upload.not-excel"));
        mvc.perform(multipart("/console/members/import").file(renamed).with(csrf())
                        .with(Fixtures.as(Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("文件不是有效的 Excel 表格")));
        assertThat(count()).isEqualTo(members);
    }

    @Test
    void anOversizedUploadIsRefusedOverRealHttp() throws Exception {
        String boundary = "----gonghui-test";
        byte[] big = new byte[11 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + big.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(big, 0, body, head.length, big.length);
        System.arraycopy(tail, 0, body, head.length + big.length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/members/import"))
                .header("Authorization", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("upload.too-large").contains("at most 10 MB");
        assertThat(count()).isEqualTo(members);
    }
}
