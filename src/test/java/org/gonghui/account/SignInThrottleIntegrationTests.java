package org.gonghui.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in throttle through the real Tomcat, with real client addresses (127.0.0.x): a guesser locks only
 * themselves out, and the address that counts is the one a trusted proxy forwards, never one a client makes up.
 */
@IntegrationTest
class SignInThrottleIntegrationTests {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort int port;

    private static String password(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void aThousandWrongPasswordsForTheCityAdminFromOneAddressDoNotKeepTheAdminOut() throws Exception {
        RawHttp attacker = RawHttp.from("127.0.0.3", port);
        Map<Integer, Integer> answers = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            RawHttp.Response answer = attacker.post("/api/v1/auth/token", JSON, password("admin", "Guess" + i + "xyz"));
            answers.merge(answer.status(), 1, Integer::sum);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        RawHttp.Response realUser = RawHttp.from("127.0.0.4", port).post("/api/v1/auth/token", JSON,
                password("admin", "Gonghui2026"));
        RawHttp.Response attackerWithTheRightPassword = attacker.post("/api/v1/auth/token", JSON,
                password("admin", "Gonghui2026"));
        System.out.printf("1,000 wrong passwords for admin from 127.0.0.3: answers %s in %d ms (%.2f ms each); "
                + "the admin from 127.0.0.4: %d; 127.0.0.3 with the right password: %d, Retry-After %s s%n", answers,
                millis, millis / 1000.0, realUser.status(), attackerWithTheRightPassword.status(),
                attackerWithTheRightPassword.header("Retry-After"));

        assertThat(answers).containsExactlyInAnyOrderEntriesOf(Map.of(401, SignInThrottle.PER_PAIR,
                429, 1000 - SignInThrottle.PER_PAIR));
        assertThat(realUser.status()).isEqualTo(200);
        assertThat(realUser.body()).contains("\"token\"");
        assertThat(attackerWithTheRightPassword.status()).isEqualTo(429);
        assertThat(Long.parseLong(attackerWithTheRightPassword.header("Retry-After")))
                .isBetween(1L, SignInThrottle.PAIR_WAIT.toSeconds());
        assertThat(attackerWithTheRightPassword.body()).contains("\"code\":\"signin.throttled\"");

        // the sign-in page says the same, in the user's language, and the admin gets in through it elsewhere
        String csrf = csrfOfTheSignInPage(attacker);
        RawHttp.Response page = attacker.post("/login", FORM, "username=admin&password=Gonghui2026&_csrf=" + csrf);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(page.body()).contains("登录尝试过多").contains("分钟后再试");
        RawHttp admin = RawHttp.from("127.0.0.4", port);
        RawHttp.Response signedIn = admin.post("/login", FORM, "username=admin&password=Gonghui2026&_csrf="
                + csrfOfTheSignInPage(admin));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/console");
    }

    /** Opens the sign-in page with a new session (kept in the client) and returns the form's CSRF token. */
    private static String csrfOfTheSignInPage(RawHttp client) throws Exception {
        RawHttp.Response form = client.get("/login");
        client.header("Cookie", form.sessionCookie());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    @Test
    void countsTheAddressATrustedProxyForwardsAndIgnoresOneAClientMakesUp() throws Exception {
        // a client that is no proxy cannot escape by naming a new address each time
        for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
            assertThat(RawHttp.from("127.0.0.5", port).header("X-Forwarded-For", "198.51.100." + i)
                    .post("/api/v1/auth/token", JSON, password("haishu", "Wrong-" + i)).status()).isEqualTo(401);
        }
        assertThat(RawHttp.from("127.0.0.5", port).header("X-Forwarded-For", "198.51.100.99")
                .post("/api/v1/auth/token", JSON, password("haishu", "Gonghui2026")).status()).isEqualTo(429);

        // behind the trusted proxy (127.0.0.1) each client counts on its own
        for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
            assertThat(RawHttp.from("127.0.0.1", port).header("X-Forwarded-For", "203.0.113.90")
                    .post("/api/v1/auth/token", JSON, password("haishu", "Wrong-" + i)).status()).isEqualTo(401);
        }
        assertThat(RawHttp.from("127.0.0.1", port).header("X-Forwarded-For", "203.0.113.90")
                .post("/api/v1/auth/token", JSON, password("haishu", "Gonghui2026")).status()).isEqualTo(429);
        assertThat(RawHttp.from("127.0.0.1", port).header("X-Forwarded-For", "203.0.113.91")
                .post("/api/v1/auth/token", JSON, password("haishu", "Gonghui2026")).status()).isEqualTo(200);
    }
}
