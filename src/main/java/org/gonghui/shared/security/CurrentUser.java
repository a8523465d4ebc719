package org.gonghui.shared.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as every module sees it. For staff, {@link #orgPath()} is the data scope: they see
 * the organisation at that path and everything below it. For members, {@link #memberId()} is the only
 * member whose data they may see.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final Long orgId;
    private final String orgPath;
    private final Long memberId;
    private final Set<Role> roles;
    private final boolean locked;
    private final boolean enabled;

    public CurrentUser(long accountId, String username, String displayName, String passwordHash, Long orgId,
            String orgPath, Long memberId, Set<Role> roles, boolean locked, boolean enabled) {
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.memberId = memberId;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.locked = locked;
        this.enabled = enabled;
    }

    /** The user of the current request, if signed in through Gonghui's own sign-in. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The user of the current request; fails if nobody is signed in (the security chain prevents that). */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public Long orgId() {
        return orgId;
    }

    /** The materialised path of the staff user's organisation, e.g. {@code /1/3/}; {@code null} for members. */
    public String orgPath() {
        return orgPath;
    }

    public Long memberId() {
        return memberId;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return orgPath != null && (has(Role.ADMIN) || has(Role.STAFF) || has(Role.REVIEWER));
    }

    public boolean isMember() {
        return memberId != null && has(Role.MEMBER);
    }

    /** Whether a record filed under the organisation with this path lies in this staff user's scope. */
    public boolean covers(String path) {
        return orgPath != null && path != null && path.startsWith(orgPath);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentUser other && other.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "CurrentUser[" + accountId + ", " + username + "]";
    }
}
