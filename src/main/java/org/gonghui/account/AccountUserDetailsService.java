package org.gonghui.account;

import java.util.Optional;
import org.gonghui.member.Members;
import org.gonghui.member.PhoneNumber;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the account for what was typed at sign-in: a mobile number means a member, anything else a staff
 * user name (user names cannot look like phone numbers: they start with a letter).
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository repository;
    private final Members members;
    private final Principals principals;

    AccountUserDetailsService(AccountRepository repository, Members members, Principals principals) {
        this.repository = repository;
        this.members = members;
        this.principals = principals;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // an account without a password (a member who signs in by code) is as unknown to a password sign-in
        return find(username).filter(account -> account.passwordHash() != null).flatMap(principals::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    Optional<Account> find(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String name = typed.trim();
        if (PhoneNumber.isValid(name)) {
            return members.findByPhone(name).flatMap(m -> repository.findByMemberId(m.id()));
        }
        return repository.findByUsername(name).filter(a -> a.memberId() == null);
    }
}
