package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamicCodeRulesTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOON = Instant.parse("2026-05-01T04:00:00Z"); // 12:00 in Ningbo
    private static final String NONCE = "AAAAAAAAAAAAAAAAAAAAAA";

    private final DynamicCodeRules rules = new DynamicCodeRules(KEY);
    private final Map<Long, CardView> cards = new HashMap<>();
    private final Set<String> spent = new HashSet<>();

    DynamicCodeRulesTests() {
        cards.put(10L, card(10, 100, CardStatus.ACTIVE));
        cards.put(11L, card(11, 101, CardStatus.ACTIVE));
    }

    static CardView card(long id, long member, CardStatus status) {
        return new CardView(id, member, "************1111", CardVersion.V2, status, LocalDate.of(2026, 1, 1), null, null);
    }

    private DynamicCodeRules.CodeCheck check(String token, Instant now) {
        return rules.check(token, now, id -> Optional.ofNullable(cards.get(id)), code -> spent.add(code.nonce()));
    }

    private String code(long card, long member, Instant madeAt, String nonce) {
        return rules.token(card, member, DynamicCodeRules.minuteOf(madeAt), nonce);
    }

    @Test
    void aFreshCodeNamesTheCardAndItsMember() {
        var check = check(code(10, 100, NOON, NONCE), NOON.plusSeconds(5));
        assertThat(check.card().id()).isEqualTo(10);
        assertThat(check.card().memberId()).isEqualTo(100);
    }

    @Test
    void isGoodThroughTheNextMinuteAndExpiredAfter() {
        Instant madeAt = NOON.plusSeconds(59);
        assertThat(check(code(10, 100, madeAt, NONCE), NOON.plusSeconds(119)).card().id()).isEqualTo(10);
        assertThatThrownBy(() -> check(code(10, 100, madeAt, "BBBBBBBBBBBBBBBBBBBBBB"), NOON.plusSeconds(120)))
                .hasMessageContaining("card.code.expired");
        assertThatThrownBy(() -> check(code(10, 100, NOON.plusSeconds(60), "CCCCCCCCCCCCCCCCCCCCCC"), NOON))
                .as("a code from the future").hasMessageContaining("card.code.expired");
        assertThat(DynamicCodeRules.goodUntil(DynamicCodeRules.minuteOf(madeAt))).isEqualTo(NOON.plusSeconds(120));
    }

    @Test
    void refusesATamperedCode() {
        String good = code(10, 100, NOON, NONCE);
        String otherCard = good.replace("GH1.10.", "GH1.11.");
        String otherMinute = good.replace("." + DynamicCodeRules.minuteOf(NOON) + ".", "." + (DynamicCodeRules.minuteOf(NOON) + 1) + ".");
        String otherNonce = good.replace(NONCE, "AAAAAAAAAAAAAAAAAAAAAB");
        String otherMac = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
        for (String bad : new String[] {otherCard, otherMinute, otherNonce, otherMac}) {
            assertThatThrownBy(() -> check(bad, NOON)).as(bad).hasMessageContaining("card.code.tampered");
        }
        String signedElsewhere = new DynamicCodeRules("fedcba9876543210fedcba9876543210".getBytes())
                .token(10, 100, DynamicCodeRules.minuteOf(NOON), NONCE);
        assertThatThrownBy(() -> check(signedElsewhere, NOON)).hasMessageContaining("card.code.tampered");
        for (String bad : new String[] {null, "", "GH1.10.100", good + ".x", " " + good.substring(1), "GH1.0.100.1.x.y"}) {
            assertThatThrownBy(() -> check(bad, NOON)).hasMessageContaining("card.code.malformed");
        }
    }

    @Test
    void refusesACodeOfAnotherMembersCard() {
        // signed by the server, but for card 10 with member 101: card 10 is member 100's
        assertThatThrownBy(() -> check(code(10, 101, NOON, NONCE), NOON)).hasMessageContaining("card.code.not-bound");
        assertThatThrownBy(() -> check(code(99, 100, NOON, NONCE), NOON)).hasMessageContaining("card.code.not-bound");
    }

    @Test
    void refusesACodeOfACardNotActive() {
        for (CardStatus status : new CardStatus[] {CardStatus.ISSUED, CardStatus.REPORTED_LOST, CardStatus.REPLACED,
                CardStatus.CANCELLED}) {
            cards.put(10L, card(10, 100, status));
            assertThatThrownBy(() -> check(code(10, 100, NOON, NONCE), NOON)).as(status.name())
                    .hasMessageContaining("card.code.card-not-active");
        }
        assertThat(spent).as("a refused code spends nothing").isEmpty();
    }

    @Test
    void refusesAReplayedCode() {
        String token = code(10, 100, NOON, NONCE);
        check(token, NOON);
        assertThatThrownBy(() -> check(token, NOON.plusSeconds(30))).hasMessageContaining("card.code.replayed");
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new DynamicCodeRules(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
