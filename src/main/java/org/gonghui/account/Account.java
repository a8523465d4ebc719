package org.gonghui.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A staff account (bound to one organisation) or a member account (bound to one member). */
@Table("account")
class Account {

    @Id
    private Long id;
    private String username;
    private String displayName;
    private String passwordHash;
    private Long orgId;
    private Long memberId;
    private String roles;
    private boolean enabled;
    private int failedAttempts;
    private Instant lockedUntil;
    private Instant passwordChangedAt;
    private Instant lastSignInAt;
    private Instant createdAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Account(Long id, String username, String displayName, String passwordHash, Long orgId, Long memberId, String roles,
            boolean enabled, int failedAttempts, Instant lockedUntil, Instant passwordChangedAt, Instant lastSignInAt,
            Instant createdAt, Integer version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.orgId = orgId;
        this.memberId = memberId;
        this.roles = roles;
        this.enabled = enabled;
        this.failedAttempts = failedAttempts;
        this.lockedUntil = lockedUntil;
        this.passwordChangedAt = passwordChangedAt;
        this.lastSignInAt = lastSignInAt;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Account staff(String username, String displayName, String passwordHash, long orgId, Set<Role> roles) {
        if (roles.isEmpty() || roles.contains(Role.MEMBER)) {
            throw DomainException.invalid("account.roles.invalid");
        }
        Instant now = Instant.now();
        return new Account(null, username, displayName, passwordHash, orgId, null, join(roles), true, 0, null, now, null,
                now, null);
    }

    static Account member(long memberId, String displayName) {
        Instant now = Instant.now();
        return new Account(null, "member:" + memberId, displayName, null, null, memberId, Role.MEMBER.name(), true, 0,
                null, null, null, now, null);
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts a failed password sign-in. It never locks the account: guessing is slowed by the {@link SignInThrottle}
     * at the offending address, so a guesser cannot lock the real user out.
     */
    void signInFailed() {
        failedAttempts++;
    }

    void signedIn(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastSignInAt = now;
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
        passwordChangedAt = Instant.now();
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void changeRoles(Set<Role> newRoles) {
        if (memberId != null || newRoles.isEmpty() || newRoles.contains(Role.MEMBER)) {
            throw DomainException.invalid("account.roles.invalid");
        }
        roles = join(newRoles);
    }

    Set<Role> roleSet() {
        if (roles == null || roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static String join(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Long orgId() {
        return orgId;
    }

    Long memberId() {
        return memberId;
    }

    boolean enabled() {
        return enabled;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Instant lastSignInAt() {
        return lastSignInAt;
    }

    int failedAttempts() {
        return failedAttempts;
    }
}
