package org.gonghui.account;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the REST API (mobile app, WeChat front end): 256 random bits, handed out once, stored
 * only as a SHA-256 hash, valid for twelve hours, revocable.
 */
@Service
public class ApiTokens {

    static final Duration VALIDITY = Duration.ofHours(12);
    static final int MAX_CACHED = 200_000;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final SecureRandom random = new SecureRandom();
    private final java.util.Map<String, Cached> principals = new java.util.concurrent.ConcurrentHashMap<>();

    private final long cacheNanos;
    private final org.springframework.context.ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, Accounts accounts,
            @org.springframework.beans.factory.annotation.Value("${gonghui.api.principal-cache-seconds:60}") long cacheSeconds,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.cacheNanos = cacheSeconds * 1_000_000_000L;
    }

    /** A new token for the account; the caller hands it to the client and never stores it. */
    @Transactional
    public IssuedToken issue(long accountId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        Instant expires = now.plus(VALIDITY);
        jdbc.sql("insert into api_token (token_hash, account_id, expires_at, created_at) values (:h, :a, :e, :c)")
                .param("h", sha256(token)).param("a", accountId).param("e", Timestamp.from(expires))
                .param("c", Timestamp.from(now)).update();
        return new IssuedToken(token, expires);
    }

    /**
     * The principal behind a live token. Answers are kept in memory for {@code gonghui.api.principal-cache-seconds} (60; a rush of API
     * calls then costs no look-ups); revoking a token, disabling or unlocking an account takes effect at once here
     * and within a second on the other instances ({@link AccountChanged}).
     */
    public Optional<CurrentUser> authenticate(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(token);
        long now = System.nanoTime();
        Cached cached = principals.get(hash);
        if (cached != null && now - cached.loadedAt < cacheNanos && cached.expiresAt.isAfter(Instant.now())) {
            return Optional.of(cached.user);
        }
        var row = jdbc.sql("select account_id, expires_at from api_token where token_hash = :h and expires_at > :now")
                .param("h", hash).param("now", Timestamp.from(Instant.now()))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()}).optional();
        Optional<CurrentUser> user = row.flatMap(r -> accounts.principal((Long) r[0]))
                .filter(u -> u.isEnabled() && u.isAccountNonLocked());
        if (user.isPresent()) {
            if (principals.size() > MAX_CACHED) {
                principals.clear();
            }
            principals.put(hash, new Cached(user.get(), (Instant) row.get()[1], now));
        } else {
            principals.remove(hash);
        }
        return user;
    }

    private record Cached(CurrentUser user, Instant expiresAt, long loadedAt) {
    }

    @Transactional
    public void revoke(String token) {
        principals.remove(sha256(token));
        jdbc.sql("select account_id from api_token where token_hash = :h").param("h", sha256(token)).query(Long.class)
                .optional().ifPresent(account -> events.publishEvent(new AccountChanged(account)));
        jdbc.sql("delete from api_token where token_hash = :h").param("h", sha256(token)).update();
    }

    /**
     * An account's standing changed (disabled, unlocked, password reset, a token revoked) here — after the commit — or
     * on another instance (profile cluster, as soon as RabbitMQ brings it): its tokens are checked again.
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(AccountChanged changed) {
        forgetAccount(changed.accountId());
    }

    @org.springframework.context.event.EventListener
    void onRemote(org.gonghui.shared.events.Remote<AccountChanged> changed) {
        forgetAccount(changed.event().accountId());
    }

    /** An organisation moved: staff principals carry their organisation's path. Rare: every principal is dropped. */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(org.gonghui.organisation.OrganisationMoved moved) {
        principals.clear();
    }

    @org.springframework.context.event.EventListener
    void onMoved(org.gonghui.shared.events.Remote<org.gonghui.organisation.OrganisationMoved> moved) {
        principals.clear();
    }

    private void forgetAccount(long accountId) {
        principals.values().removeIf(cached -> cached.user.accountId() == accountId);
    }

    /** Removes expired tokens (run daily). */
    @Transactional
    public int purgeExpired() {
        return jdbc.sql("delete from api_token where expires_at < :now").param("now", Timestamp.from(Instant.now())).update();
    }

    /** A token as handed to the client. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
