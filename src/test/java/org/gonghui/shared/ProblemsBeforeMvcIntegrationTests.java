package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.gonghui.support.ApiClient;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every 4xx of the API is a problem detail, including those given before Spring MVC runs: by Tomcat (an encoded
 * slash, a broken percent-encoding) and by Spring Security's firewall. Sent over a raw socket, as a client could.
 */
@IntegrationTest
class ProblemsBeforeMvcIntegrationTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;

    /** The raw HTTP answer to one request line (and headers). */
    private String send(String requestLine, String... headers) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertProblem(String answer, int status) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        assertThat(answer).contains("\"status\":" + status).doesNotContain("<html").doesNotContain("Tomcat");
    }

    @Test
    void anEncodedSlashInAnApiPathIsAProblemDetail() throws Exception {
        String answer = send("GET /api/v1/organisations/1%2F2 HTTP/1.1", "Accept-Language: en");
        assertProblem(answer, 400);
        assertThat(answer).contains("\"title\":\"Bad request\"");
    }

    @Test
    void aBrokenPercentEncodingIsAProblemDetail() throws Exception {
        assertProblem(send("GET /api/v1/members/%zz HTTP/1.1"), 400);
        assertProblem(send("GET /api/v1/members/%C0%AF HTTP/1.1"), 400);
    }

    @Test
    void aRequestTheFirewallRejectsIsAProblemDetail() throws Exception {
        assertProblem(send("GET /api/v1/members;jsessionid=x/1 HTTP/1.1"), 400);
        assertProblem(send("GET /api/v1/members/%2e%2e/accounts HTTP/1.1"), 400);
        assertProblem(send("GET /api/v1//members HTTP/1.1"), 400);
        mvc.perform(get("/api/v1/members").header(HttpHeaders.AUTHORIZATION, "Bearer \u0007").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad request"));
    }

    @Test
    void outsideTheApiTheAnswerStaysAPage() throws Exception {
        String answer = send("GET /console/x%2Fy HTTP/1.1");
        assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("problem+json");
    }

    @Test
    void anUnacceptableFormatIsAProblemDetail() throws Exception {
        String token = ApiClient.bearer(mvc, "haishu", "Gonghui2026");
        String answer = send("GET /api/v1/organisations HTTP/1.1", "Authorization: " + token, "Accept: image/png");
        assertProblem(answer, 406);
        mvc.perform(get("/api/v1/organisations").header(HttpHeaders.AUTHORIZATION, token).accept(MediaType.IMAGE_PNG))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("error.not-acceptable"));
    }
}
