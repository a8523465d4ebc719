package org.gonghui.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gonghui.shared.DomainException;

/**
 * What a dynamic code is and when it is good, as a pure function of the key, the time and what the database says.
 *
 * <p>A code is {@code GH1.<card>.<member>.<minute>.<nonce>.<mac>}: the card's and member's ids, the minute it was
 * made (minutes since the epoch, the same in every zone), 16 random bytes and the first 16 bytes of
 * HMAC-SHA256 over the rest under a key only the server holds. It is good during the minute it was made and the
 * next one (so a code shown at 12:00:59 still works at the till), for that card held by that member while the
 * card is ACTIVE, and once: its nonce is then spent. A screenshot is useless two minutes later, a copied code
 * once it has been used, an edited code (another card or member, another minute) fails the MAC.
 */
final class DynamicCodeRules {

    static final String PREFIX = "GH1";
    private static final Pattern FORMAT =
            Pattern.compile("GH1\\.([1-9][0-9]{0,17})\\.([1-9][0-9]{0,17})\\.([1-9][0-9]{0,11})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{22})");
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;
    /** One initialised HMAC per thread (looking the algorithm up and keying it cost more than the MAC itself). */
    private final ThreadLocal<Mac> macs;

    DynamicCodeRules(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the dynamic-code key needs at least 256 bits");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    /** The minute an instant lies in, counted from the epoch. */
    static long minuteOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }

    /** The first instant after which a code made at {@code minute} is no longer good. */
    static Instant goodUntil(long minute) {
        return Instant.ofEpochSecond((minute + 2) * 60);
    }

    String token(long cardId, long memberId, long minute, String nonce) {
        String body = PREFIX + "." + cardId + "." + memberId + "." + minute + "." + nonce;
        return body + "." + mac(body);
    }

    /** A code's parts, once its form and MAC are right. */
    record Parsed(long cardId, long memberId, long minute, String nonce) {
    }

    /**
     * Checks a code at {@code now}.
     *
     * @param cards the card with an id, as stored now
     * @param firstUse spends the nonce, answering whether it was still unspent (atomically, in the database)
     * @throws DomainException {@code card.code.malformed}, {@code .tampered}, {@code .expired}, {@code .not-bound}
     *     (the card is not that member's), {@code .card-not-active} or {@code .replayed}
     */
    CodeCheck check(String token, Instant now, LongFunction<Optional<CardView>> cards, Predicate<Parsed> firstUse) {
        Parsed code = parseAt(token, now);
        CardView card = cards.apply(code.cardId()).orElseThrow(() -> DomainException.conflict("card.code.not-bound"));
        if (card.memberId() != code.memberId()) {
            throw DomainException.conflict("card.code.not-bound");
        }
        if (!card.isActive()) {
            throw DomainException.conflict("card.code.card-not-active");
        }
        if (!firstUse.test(code)) {
            throw DomainException.conflict("card.code.replayed");
        }
        return new CodeCheck(card, code.nonce());
    }

    /** The card a good code was for and the nonce it spent. */
    record CodeCheck(CardView card, String nonce) {
    }

    /** A code's form, MAC and minute checked at {@code now}, but not yet the card nor whether it was used. */
    Parsed parseAt(String token, Instant now) {
        Parsed code = parse(token);
        long current = minuteOf(now);
        if (code.minute() != current && code.minute() != current - 1) {
            throw DomainException.conflict("card.code.expired");
        }
        return code;
    }

    Parsed parse(String token) {
        Matcher m = token == null ? null : FORMAT.matcher(token.strip());
        if (m == null || !m.matches()) {
            throw DomainException.invalid("card.code.malformed");
        }
        String text = m.group(0);
        String body = text.substring(0, text.lastIndexOf('.'));
        byte[] expected = mac(body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(5).getBytes(StandardCharsets.US_ASCII))) {
            throw DomainException.conflict("card.code.tampered");
        }
        try {
            return new Parsed(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(4));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("card.code.malformed");
        }
    }

    private String mac(String body) {
        byte[] full = macs.get().doFinal(body.getBytes(StandardCharsets.US_ASCII)); // doFinal resets the MAC
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
    }
}
