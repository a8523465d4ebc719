package org.gonghui.account;

import java.time.Instant;
import java.util.Optional;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Builds the {@link CurrentUser} of an account: its data scope comes from its organisation's path. */
@Component
class Principals {

    private final Organisations organisations;
    private final Members members;

    Principals(Organisations organisations, Members members) {
        this.organisations = organisations;
        this.members = members;
    }

    Optional<CurrentUser> of(Account account) {
        Instant now = Instant.now();
        if (account.memberId() != null) {
            Optional<MemberView> member = members.find(account.memberId());
            if (member.isEmpty()) {
                return Optional.empty();
            }
            boolean active = account.enabled() && member.get().status() == MemberStatus.ACTIVE;
            return Optional.of(new CurrentUser(account.id(), account.username(), member.get().name(),
                    account.passwordHash(), null, null, account.memberId(), account.roleSet(), account.isLocked(now),
                    active));
        }
        Optional<OrganisationView> org = organisations.find(account.orgId());
        if (org.isEmpty()) {
            return Optional.empty();
        }
        boolean active = account.enabled() && org.get().isActive();
        return Optional.of(new CurrentUser(account.id(), account.username(), account.displayName(),
                account.passwordHash(), org.get().id(), org.get().path(), null, account.roleSet(),
                account.isLocked(now), active));
    }
}
