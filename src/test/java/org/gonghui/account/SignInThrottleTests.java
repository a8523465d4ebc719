package org.gonghui.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.gonghui.account.SignInThrottle.Door;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    private final SignInThrottle throttle = new SignInThrottle(new SimpleMeterRegistry());

    private void fail(Door door, String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.attempt(door, account, address);
        }
    }

    @Test
    void fiveFailuresStopThatAddressForThatAccountOnly() {
        fail(Door.PASSWORD, "admin", "198.51.100.7", SignInThrottle.PER_PAIR);
        assertThatThrownBy(() -> throttle.attempt(Door.PASSWORD, "admin", "198.51.100.7"))
                .isInstanceOfSatisfying(SignInThrottled.class, e -> {
                    assertThat(e.retryAfterSeconds()).isBetween(1L, SignInThrottle.PAIR_WAIT.toSeconds());
                    assertThat(e.retryAfterMinutes()).isBetween(1L, 15L);
                });
        // the real user elsewhere, and the same address for another account, go on
        throttle.attempt(Door.PASSWORD, "admin", "203.0.113.20").succeeded();
        throttle.attempt(Door.PASSWORD, "haishu", "198.51.100.7");
        // the name counts as typed, whatever its case and spaces
        assertThatThrownBy(() -> throttle.attempt(Door.PASSWORD, " ADMIN ", "198.51.100.7"))
                .isInstanceOf(SignInThrottled.class);
    }

    @Test
    void successGivesTheAttemptBackSoOnlyFailuresCount() {
        for (int i = 0; i < 3 * SignInThrottle.PER_PAIR; i++) {
            throttle.attempt(Door.PASSWORD, "jili", "198.51.100.8").succeeded();
        }
        fail(Door.PASSWORD, "jili", "198.51.100.8", SignInThrottle.PER_PAIR);
        assertThatThrownBy(() -> throttle.attempt(Door.PASSWORD, "jili", "198.51.100.8"))
                .isInstanceOf(SignInThrottled.class);
    }

    @Test
    void unknownAccountsAreThrottledExactlyLikeKnownOnes() {
        fail(Door.PASSWORD, "no-such-user-x", "198.51.100.9", SignInThrottle.PER_PAIR);
        assertThatThrownBy(() -> throttle.attempt(Door.PASSWORD, "no-such-user-x", "198.51.100.9"))
                .isInstanceOf(SignInThrottled.class);
    }

    @Test
    void oneAddressTryingManyAccountsIsStopped() {
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            throttle.attempt(Door.PASSWORD, "user" + i, "198.51.100.10");
        }
        assertThatThrownBy(() -> throttle.attempt(Door.PASSWORD, "someone-else", "198.51.100.10"))
                .isInstanceOf(SignInThrottled.class);
    }

    @Test
    void manyAddressesTryingOneAccountLeaveItOpenToAddressesItSignedInFromAndToCodes() {
        throttle.attempt(Door.PASSWORD, "city-admin", "192.0.2.1").succeeded();
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            throttle.attempt(Door.PASSWORD, "city-admin", "10.9." + (i / 200) + "." + (i % 200));
        }
        assertThatThrownBy(() -> throttle.attempt(Door.PASSWORD, "city-admin", "10.8.0.1"))
                .isInstanceOf(SignInThrottled.class);
        throttle.attempt(Door.PASSWORD, "city-admin", "192.0.2.1").succeeded();
        throttle.attempt(Door.CODE, "city-admin", "10.8.0.1").succeeded();
    }

    @Test
    void anIpv6HostCountsByItsNetwork() {
        fail(Door.PASSWORD, "admin", "2001:db8:1:2::10", SignInThrottle.PER_PAIR);
        assertThatThrownBy(() -> throttle.attempt(Door.PASSWORD, "admin", "2001:db8:1:2:ffff::99"))
                .isInstanceOf(SignInThrottled.class);
        throttle.attempt(Door.PASSWORD, "admin", "2001:db8:1:3::10");
        assertThat(SignInThrottle.addressKey("0:0:0:0:0:0:0:1")).isEqualTo("0000000000000000::/64");
        assertThat(SignInThrottle.addressKey("203.0.113.5")).isEqualTo("203.0.113.5");
    }

    @Test
    void codeRequestsAreLimitedPerPhoneAndAddress() {
        for (int i = 0; i < SignInThrottle.CODE_REQUESTS_PER_PHONE_AND_ADDRESS; i++) {
            throttle.codeRequested("13700001144", "198.51.100.11");
        }
        assertThatThrownBy(() -> throttle.codeRequested("13700001144", "198.51.100.11"))
                .isInstanceOf(SignInThrottled.class);
        throttle.codeRequested("13700001144", "203.0.113.21");
    }

    @Test
    void anAdministratorsUnlockForgetsTheAccountsBuckets() {
        fail(Door.PASSWORD, "nanmen", "198.51.100.12", SignInThrottle.PER_PAIR);
        throttle.forget("nanmen");
        throttle.attempt(Door.PASSWORD, "nanmen", "198.51.100.12");
    }
}
