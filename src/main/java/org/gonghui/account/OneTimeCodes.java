package org.gonghui.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member sign-in by a six-digit code sent to the registered phone. A code lives five minutes and allows
 * five tries; a phone gets at most one code a minute and ten a day. Only the code's keyed hash is stored.
 * Asking for a code for an unknown phone looks the same as for a known one, so the form cannot be used to
 * find out who is a member.
 */
@Service
public class OneTimeCodes {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final Duration RESEND_AFTER = Duration.ofSeconds(60);
    static final int MAX_PER_DAY = 10;
    static final int MAX_TRIES = 5;

    private final JdbcClient jdbc;
    private final Members members;
    private final Accounts accounts;
    private final PersonalDataCipher cipher;
    private final SmsSender sms;
    private final MessageSource messages;
    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(JdbcClient jdbc, Members members, Accounts accounts, PersonalDataCipher cipher, SmsSender sms,
            MessageSource messages, AuditLog audit, SignInThrottle throttle) {
        this.jdbc = jdbc;
        this.members = members;
        this.accounts = accounts;
        this.cipher = cipher;
        this.sms = sms;
        this.messages = messages;
        this.audit = audit;
        this.throttle = throttle;
    }

    /**
     * Sends a code if the phone belongs to an active member; refuses only when asked too often (for this phone, or
     * from this client address).
     */
    @Transactional
    public void send(String phone, String address) {
        String normalised = normalise(phone);
        throttle.codeRequested(normalised, address);
        String phoneHash = cipher.hash(normalised);
        Instant now = Instant.now();
        Optional<Instant> last = jdbc.sql("select max(created_at) from one_time_code where phone_hash = :p")
                .param("p", phoneHash).query((rs, n) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                }).optional();
        if (last.isPresent() && last.get().isAfter(now.minus(RESEND_AFTER))) {
            throw DomainException.conflict("account.code.too-soon", RESEND_AFTER.toSeconds());
        }
        Long today = jdbc.sql("select count(*) from one_time_code where phone_hash = :p and created_at > :since")
                .param("p", phoneHash).param("since", Timestamp.from(now.minus(Duration.ofDays(1))))
                .query(Long.class).single();
        if (today >= MAX_PER_DAY) {
            throw DomainException.conflict("account.code.too-many");
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql("""
                insert into one_time_code (phone_hash, code_hash, expires_at, attempts, created_at)
                values (:p, :c, :e, 0, :now)""")
                .param("p", phoneHash).param("c", cipher.hash(phoneHash + ":" + code))
                .param("e", Timestamp.from(now.plus(VALIDITY))).param("now", Timestamp.from(now)).update();
        Optional<MemberView> member = members.findByPhone(normalised).filter(m -> m.status() == MemberStatus.ACTIVE);
        if (member.isPresent()) {
            sms.send(normalised, messages.getMessage("account.code.sms", new Object[] {code, VALIDITY.toMinutes()},
                    LocaleContextHolder.getLocale()));
        }
    }

    /**
     * Checks a code and, if right, returns the member's principal (creating the member account on first
     * sign-in). A wrong code counts a try; after five the code is dead. Tries from one client address are throttled
     * by the {@link SignInThrottle}, separately from passwords.
     */
    @Transactional(noRollbackFor = {DomainException.class, SignInThrottled.class})
    public CurrentUser verify(String phone, String code, String address) {
        String normalised = normalise(phone);
        SignInThrottle.Attempt attempt = throttle.attempt(SignInThrottle.Door.CODE, normalised, address);
        String phoneHash = cipher.hash(normalised);
        Instant now = Instant.now();
        var latest = jdbc.sql("""
                select id, code_hash, expires_at, attempts, used_at from one_time_code
                where phone_hash = :p order by id desc limit 1""")
                .param("p", phoneHash)
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("code_hash"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getInt("attempts"), rs.getTimestamp("used_at")})
                .optional()
                .orElseThrow(() -> DomainException.invalid("account.code.wrong"));
        long id = (Long) latest[0];
        boolean expired = ((Instant) latest[2]).isBefore(now) || latest[4] != null || (Integer) latest[3] >= MAX_TRIES;
        if (expired) {
            throw DomainException.invalid("account.code.expired");
        }
        String given = code == null ? "" : code.trim();
        if (!cipher.hash(phoneHash + ":" + given).equals(latest[1])) {
            jdbc.sql("update one_time_code set attempts = attempts + 1 where id = :id").param("id", id).update();
            audit.record("anonymous", null, "sign-in.code.failed", "phone", phoneHash.substring(0, 12), null);
            throw DomainException.invalid("account.code.wrong");
        }
        jdbc.sql("update one_time_code set used_at = :now where id = :id and used_at is null")
                .param("now", Timestamp.from(now)).param("id", id).update();
        MemberView member = members.findByPhone(normalised).filter(m -> m.status() == MemberStatus.ACTIVE)
                .orElseThrow(() -> DomainException.invalid("account.code.wrong"));
        Account account = accounts.memberAccount(member);
        if (!account.enabled()) {
            throw DomainException.forbidden("account.disabled");
        }
        accounts.recordSignIn(account.id(), true);
        CurrentUser user = accounts.principal(account.id()).orElseThrow();
        audit.record(user.getUsername(), null, "sign-in.code", "account", account.id(), null);
        attempt.succeeded();
        return user;
    }

    private static String normalise(String phone) {
        try {
            return new org.gonghui.member.PhoneNumber(phone).value();
        } catch (DomainException e) {
            throw DomainException.invalid("member.phone.invalid");
        }
    }
}
