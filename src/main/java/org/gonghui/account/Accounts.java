package org.gonghui.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.LikePattern;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration. Staff accounts are managed within the manager's scope; only a federation admin
 * may grant the admin role.
 */
@Service
public class Accounts {

    private final AccountRepository repository;
    private final Organisations organisations;
    private final Members members;
    private final PasswordEncoder passwordEncoder;
    private final Principals principals;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final org.springframework.context.ApplicationEventPublisher events;

    Accounts(AccountRepository repository, Organisations organisations, Members members, PasswordEncoder passwordEncoder,
            Principals principals, JdbcClient jdbc, AuditLog audit, SignInThrottle throttle,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.organisations = organisations;
        this.members = members;
        this.passwordEncoder = passwordEncoder;
        this.principals = principals;
        this.jdbc = jdbc;
        this.audit = audit;
        this.throttle = throttle;
    }

    @Transactional
    public AccountView createStaff(CurrentUser manager, String username, String displayName, String password, long orgId,
            Set<Role> roles) {
        OrganisationView org = organisations.requireInScope(orgId, scopeOf(manager));
        if (roles.contains(Role.ADMIN) && !manager.has(Role.ADMIN)) {
            throw DomainException.forbidden("account.roles.admin-only");
        }
        String name = checkedUsername(username);
        if (displayName == null || displayName.isBlank() || displayName.length() > 60) {
            throw DomainException.invalid("account.display-name.invalid");
        }
        PasswordPolicy.check(password, name);
        try {
            Account account = repository.save(Account.staff(name, displayName.trim(), passwordEncoder.encode(password),
                    org.id(), roles));
            audit.record("account.create", "account", account.id(), name + " " + roles);
            return view(account, org);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("account.username.taken");
        }
    }

    /** Staff accounts of organisations in the manager's scope. */
    @Transactional(readOnly = true)
    public PageResult<AccountView> staffInScope(CurrentUser manager, String text, int page, int size) {
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        String filter = text == null || text.isBlank() ? "" : " and (a.username like :text" + LikePattern.ESCAPE
                + " or a.display_name like :text" + LikePattern.ESCAPE + ")";
        var statement = jdbc.sql("""
                select a.id from account a join organisation o on o.id = a.org_id
                where a.member_id is null and o.path like :scope""" + filter
                + " order by o.path, a.username limit :limit offset :offset")
                .param("scope", scopeOf(manager).likePattern()).param("limit", safeSize + 1)
                .param("offset", (long) safePage * safeSize);
        if (!filter.isEmpty()) {
            statement = statement.param("text", LikePattern.containing(text.trim()));
        }
        List<Long> ids = statement.query(Long.class).list();
        List<Account> accounts = ids.stream().map(id -> repository.findById(id).orElseThrow()).toList();
        Map<Long, OrganisationView> orgs = organisations.findAll(accounts.stream().map(Account::orgId).distinct().toList());
        return PageResult.of(accounts.stream().map(a -> view(a, orgs.get(a.orgId()))).toList(), safePage, safeSize);
    }

    @Transactional(readOnly = true)
    public AccountView staff(CurrentUser manager, long id) {
        Account account = requireStaffInScope(manager, id);
        return view(account, organisations.find(account.orgId()).orElseThrow());
    }

    @Transactional
    public void resetPassword(CurrentUser manager, long id, String newPassword) {
        Account account = requireStaffInScope(manager, id);
        PasswordPolicy.check(newPassword, account.username());
        account.changePassword(passwordEncoder.encode(newPassword));
        account.unlock();
        repository.save(account);
        throttle.forget(account.username());
        audit.record("account.reset-password", "account", id, null);
        events.publishEvent(new AccountChanged(id));
    }

    @Transactional
    public void unlock(CurrentUser manager, long id) {
        Account account = requireStaffInScope(manager, id);
        account.unlock();
        repository.save(account);
        throttle.forget(account.username());
        audit.record("account.unlock", "account", id, null);
        events.publishEvent(new AccountChanged(id));
    }

    @Transactional
    public void setEnabled(CurrentUser manager, long id, boolean enabled) {
        Account account = requireStaffInScope(manager, id);
        if (account.id() == manager.accountId()) {
            throw DomainException.invalid("account.disable.self");
        }
        account.setEnabled(enabled);
        repository.save(account);
        audit.record(enabled ? "account.enable" : "account.disable", "account", id, null);
        events.publishEvent(new AccountChanged(id));
    }

    /** The signed-in user changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(CurrentUser user, String currentPassword, String newPassword) {
        Account account = repository.findById(user.accountId()).orElseThrow();
        if (account.passwordHash() != null && !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw DomainException.invalid("account.password.current-wrong");
        }
        PasswordPolicy.check(newPassword, account.memberId() == null ? account.username() : null);
        account.changePassword(passwordEncoder.encode(newPassword));
        repository.save(account);
        audit.record("account.change-password", "account", account.id(), null);
    }

    /** Whether the account has a password yet (member accounts made by code sign-in have none). */
    @Transactional(readOnly = true)
    public boolean hasPassword(long accountId) {
        return repository.findById(accountId).map(a -> a.passwordHash() != null).orElse(false);
    }

    /** The member's account, created on first sign-in by one-time code. */
    @Transactional
    Account memberAccount(MemberView member) {
        return repository.findByMemberId(member.id())
                .orElseGet(() -> {
                    Account account = repository.save(Account.member(member.id(), member.name()));
                    audit.record("system", null, "account.create-member", "account", account.id(), null);
                    return account;
                });
    }

    /** Creates a member account with a password (demo data, or a member registered at a window). */
    @Transactional
    public void createMemberAccount(long memberId, String password) {
        MemberView member = members.find(memberId).orElseThrow(() -> DomainException.notFound("member.not-found"));
        PasswordPolicy.check(password, null);
        Account account = memberAccount(member);
        account.changePassword(passwordEncoder.encode(password));
        repository.save(account);
    }

    /** The principal of an account, as sign-in and API tokens build it. */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> principal(long accountId) {
        return repository.findById(accountId).flatMap(principals::of);
    }

    @Transactional
    void recordSignIn(long accountId, boolean success) {
        repository.findById(accountId).ifPresent(account -> {
            if (success) {
                account.signedIn(Instant.now());
            } else {
                account.signInFailed();
            }
            repository.save(account);
        });
    }

    private Account requireStaffInScope(CurrentUser manager, long id) {
        TreePath scope = scopeOf(manager);
        return repository.findById(id).filter(a -> a.memberId() == null)
                .filter(a -> organisations.isWithin(a.orgId(), scope))
                .orElseThrow(() -> DomainException.notFound("account.not-found"));
    }

    static TreePath scopeOf(CurrentUser user) {
        return TreePath.scopeOf(user);
    }

    private static String checkedUsername(String username) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z][A-Za-z0-9_.-]{2,39}")) {
            throw DomainException.invalid("account.username.invalid");
        }
        return name;
    }

    private static AccountView view(Account account, OrganisationView org) {
        return new AccountView(account.id(), account.username(), account.displayName(), account.orgId(),
                org == null ? null : org.name(), account.roleSet(), account.enabled(), account.isLocked(Instant.now()),
                account.lastSignInAt());
    }
}
