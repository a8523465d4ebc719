package org.gonghui.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.web.SecurityHeaders;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The platform's edge, through the real Tomcat: forwarded headers only from a trusted proxy (the tests trust
 * 127.0.0.1; other clients connect from 127.0.0.2), the session cookie {@code Secure} behind HTTPS, metrics only
 * for the scrape account, and oversized bodies refused before anything reads them.
 */
@IntegrationTest
class EdgeSecurityIntegrationTests {

    private static final String PROXY = "127.0.0.1";
    private static final String CLIENT = "127.0.0.2";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired Organisations organisations;

    @Test
    void ignoresForwardedHeadersFromAClientThatIsNoTrustedProxy() throws Exception {
        RawHttp client = RawHttp.from(CLIENT, port).header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7");
        SignedIn signedIn = signInAfterAskingFor("/console/members", client);
        assertThat(signedIn.location()).isEqualTo("http://127.0.0.1:" + port + "/console/members?continue");
        assertThat(signedIn.firstCookie()).doesNotContain("Secure");
    }

    @Test
    void honoursForwardedHeadersFromATrustedProxyAndMarksTheSessionCookieSecureBehindHttps() throws Exception {
        RawHttp proxy = RawHttp.from(PROXY, port).header("X-Forwarded-Host", "gonghui.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.8");
        SignedIn signedIn = signInAfterAskingFor("/console/members", proxy);
        assertThat(signedIn.location()).isEqualTo("https://gonghui.example/console/members?continue");
        assertThat(signedIn.firstCookie()).contains("Secure").contains("HttpOnly");
    }

    private record SignedIn(String firstCookie, String location) {
    }

    /** Asks for a staff page, is sent to sign in, signs in as the city admin: where does the platform send us? */
    private SignedIn signInAfterAskingFor(String page, RawHttp client) throws Exception {
        RawHttp.Response asked = client.header("Accept", "text/html").get(page);
        assertThat(asked.status()).isEqualTo(302);
        String setCookie = asked.all("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        client.header("Cookie", asked.sessionCookie());
        RawHttp.Response form = client.get("/login");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        RawHttp.Response signedIn = client.post("/login", "application/x-www-form-urlencoded",
                "username=admin&password=Gonghui2026&_csrf=" + csrf.group(1));
        assertThat(signedIn.status()).isEqualTo(302);
        return new SignedIn(setCookie, signedIn.header("Location"));
    }

    @Test
    void metricsAnswerOnlyTheScrapeAccountAndHealthStaysPublic() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "guess"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "Gonghui2026"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(Fixtures.as(Fixtures.staffAt(organisations.findByCode("NB")
                .orElseThrow(), Role.ADMIN)))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "test-scrape-secret-0123456789")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("components"))));
    }

    @Test
    void refusesAnOversizedSignInBodyBeforeReadingIt() throws Exception {
        // a head announcing 30 MB and no body at all: an answer can only come from refusing before reading
        RawHttp.Response api = RawHttp.from(CLIENT, port).exchange(("POST /api/v1/auth/token HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 31457280\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"code\":\"error.body-too-large\"");
        RawHttp.Response page = RawHttp.from(CLIENT, port).exchange(("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 31457280\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(page.status()).isEqualTo(413);
    }

    @Test
    void countsAChunkedSignInBodyAndRefusesItPastTheLimit() throws Exception {
        String head = "POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        String chunk = "1000\r\n" + " ".repeat(4096) + "\r\n";
        RawHttp.Response tooLarge = RawHttp.from(CLIENT, port).exchange(head.getBytes(StandardCharsets.US_ASCII),
                (chunk.repeat(5) + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(tooLarge.status()).isEqualTo(413);
        String json = "{\"username\":\"nobody-" + System.nanoTime() + "\",\"password\":\"wrong\"}";
        RawHttp.Response small = RawHttp.from(CLIENT, port).exchange(head.getBytes(StandardCharsets.US_ASCII),
                (Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(small.status()).isEqualTo(401);
        assertThat(small.body()).contains("signin.failed");
    }

    @Test
    void everyAnswerCarriesTheBrowserPolicies() throws Exception {
        RawHttp client = RawHttp.from(CLIENT, port).header("Accept", "text/html");
        List<RawHttp.Response> pages = List.of(client.get("/login"), client.get("/"),
                client.get("/console/no-such-page"),   // sign-in redirect
                RawHttp.from(CLIENT, port).get("/actuator/prometheus"),   // 401 and the error page
                RawHttp.from(CLIENT, port).header("Accept", "text/html").get("/no-such-page"));
        for (RawHttp.Response page : pages) {
            assertThat(page.header("Content-Security-Policy")).isIn(SecurityHeaders.PAGE_POLICY,
                    SecurityHeaders.API_POLICY);
            assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(page.header("Permissions-Policy")).isEqualTo(SecurityHeaders.PERMISSIONS_POLICY);
        }
        assertThat(pages.get(0).header("Content-Security-Policy")).isEqualTo(SecurityHeaders.PAGE_POLICY)
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        RawHttp.Response api = RawHttp.from(CLIENT, port).get("/api/v1/members");
        RawHttp.Response early = RawHttp.from(CLIENT, port).exchange(("POST /api/v1/auth/token HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (RawHttp.Response answer : List.of(api, early)) {
            assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.API_POLICY);
            assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(answer.header("Permissions-Policy")).isEqualTo(SecurityHeaders.PERMISSIONS_POLICY);
        }
        assertThat(RawHttp.from(CLIENT, port).get("/swagger-ui/index.html").header("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.SWAGGER_POLICY);
    }
}
