package org.gonghui.account;

import java.time.Instant;
import java.util.Set;
import org.gonghui.shared.security.Role;

/** A staff account as the console lists it. */
public record AccountView(long id, String username, String displayName, Long orgId, String orgName, Set<Role> roles,
        boolean enabled, boolean locked, Instant lastSignInAt) {
}
