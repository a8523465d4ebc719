package org.gonghui.card;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.gonghui.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member's dynamic code for an outlet (see {@link DynamicCodeRules} for what makes one good). Spent nonces
 * are kept in {@code card_code_nonce} (primary key: a second use fails on the index, also when two tills scan the
 * same code at once) until their code has expired anyway; a job forgets them every minute.
 */
@Service
public class DynamicCodes {

    private final DynamicCodeRules rules;
    private final CardStore store;
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    private static final Logger log = LoggerFactory.getLogger(DynamicCodes.class);
    private final Clock clock;

    DynamicCodes(DynamicCodeKey key, CardStore store, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.rules = new DynamicCodeRules(key.bytes());
        this.store = store;
        this.jdbc = jdbc;
    }

    /** A code to show, good until {@code goodUntil}. */
    public record DynamicCode(String token, long cardId, Instant madeAt, Instant goodUntil) {
    }

    /** The card and member a good code stands for. */
    public record Verified(long cardId, long memberId, String numberMasked, CardVersion version) {
    }

    /** A fresh code for the member's active card; refused when they hold none. */
    @Transactional(readOnly = true)
    public DynamicCode issue(long memberId, Instant now) {
        Card card = store.live(memberId).filter(c -> c.status() == CardStatus.ACTIVE)
                .orElseThrow(() -> DomainException.conflict("card.code.no-active-card"));
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        long minute = DynamicCodeRules.minuteOf(now);
        String token = rules.token(card.id(), memberId, minute,
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
        return new DynamicCode(token, card.id(), now, DynamicCodeRules.goodUntil(minute));
    }

    /**
     * Checks a scanned code at {@code now} and spends it. Joins the caller's transaction, so a redemption that
     * fails afterwards leaves the code unspent.
     *
     * @throws DomainException when the code is malformed, tampered, expired, not that member's card, the card is
     *     not ACTIVE, or the code was used before ({@code card.code.*})
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Verified verify(String token, Instant now) {
        var check = rules.check(token, now, id -> store.find(id).map(Card::view), code -> spend(code, now));
        CardView card = check.card();
        return new Verified(card.id(), card.memberId(), card.numberMasked(), card.version());
    }

    /** A scanned code whose form, signature and minute are good: what is left to check is the card and the nonce. */
    public record Scanned(long cardId, long memberId, long minute, String nonce) {
    }

    /**
     * The part of {@link #verify} that needs no database: the code's form, its MAC and its minute at {@code now}. A
     * caller that checks the card and spends the nonce itself in one statement (the till on PostgreSQL) must refuse
     * the code as {@link #verify} would: {@code card.code.not-bound}, {@code .card-not-active}, {@code .replayed}.
     */
    public Scanned scan(String token, Instant now) {
        DynamicCodeRules.Parsed p = rules.parseAt(token, now);
        return new Scanned(p.cardId(), p.memberId(), p.minute(), p.nonce());
    }

    /**
     * Checks a scanned code at {@code now} without spending it (a till looking the code up before the bill is
     * known): the same checks as {@link #verify}, a code already used counting as replayed.
     */
    @Transactional(readOnly = true)
    public Verified peek(String token, Instant now) {
        var check = rules.check(token, now, id -> store.find(id).map(Card::view), code -> jdbc.sql(
                "select count(*) from card_code_nonce where nonce = :n").param("n", code.nonce()).query(Long.class)
                .single() == 0);
        CardView card = check.card();
        return new Verified(card.id(), card.memberId(), card.numberMasked(), card.version());
    }

    /**
     * Forgets the nonces of codes that have expired anyway (a code is good in its minute and the next): a job, so
     * that a redemption does not pay for it. Answers how many were forgotten.
     */
    @Transactional
    public int forgetExpired(Instant now) {
        return jdbc.sql("delete from card_code_nonce where code_minute < :old")
                .param("old", DynamicCodeRules.minuteOf(now) - 1).update();
    }

    @Scheduled(fixedDelayString = "${gonghui.card.nonce-cleanup-delay:60000}", initialDelayString = "${gonghui.card.nonce-cleanup-delay:60000}")
    void forgetExpiredNow() {
        try {
            forgetExpired(clock.instant());
        } catch (RuntimeException e) {
            log.warn("forgetting expired card code nonces failed; will retry", e);
        }
    }

    private boolean spend(DynamicCodeRules.Parsed code, Instant now) {
        try {
            jdbc.sql("insert into card_code_nonce (nonce, card_id, code_minute, used_at) values (:n, :c, :m, :at)")
                    .param("n", code.nonce()).param("c", code.cardId()).param("m", code.minute())
                    .param("at", Timestamp.from(now)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
