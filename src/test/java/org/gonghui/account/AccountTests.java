package org.gonghui.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.Role;
import org.junit.jupiter.api.Test;

class AccountTests {

    @Test
    void failedSignInsAreCountedButNeverLockTheAccount() {
        Account account = Account.staff("haishu", "Haishu", "{noop}x", 3, EnumSet.of(Role.STAFF));
        Instant now = Instant.parse("2026-11-24T08:00:00Z");
        for (int i = 0; i < 50; i++) {
            account.signInFailed();
        }
        assertThat(account.isLocked(now)).isFalse();
        assertThat(account.failedAttempts()).isEqualTo(50);
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        Account account = Account.staff("haishu", "Haishu", "{noop}x", 3, EnumSet.of(Role.STAFF));
        Instant now = Instant.now();
        for (int i = 0; i < 4; i++) {
            account.signInFailed();
        }
        account.signedIn(now);
        account.signInFailed();
        assertThat(account.isLocked(now)).isFalse();
        assertThat(account.failedAttempts()).isEqualTo(1);
    }

    @Test
    void staffNeedAStaffRole() {
        assertThatThrownBy(() -> Account.staff("x1", "X", "h", 1, EnumSet.noneOf(Role.class))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Account.staff("x1", "X", "h", 1, EnumSet.of(Role.MEMBER))).isInstanceOf(DomainException.class);
        assertThat(Account.staff("x1", "X", "h", 1, EnumSet.of(Role.REVIEWER, Role.STAFF)).roleSet())
                .containsExactlyInAnyOrder(Role.STAFF, Role.REVIEWER);
    }
}
