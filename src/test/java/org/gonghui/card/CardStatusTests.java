package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.gonghui.shared.DomainException;
import org.junit.jupiter.api.Test;

class CardStatusTests {

    static Card card(CardStatus status, CardVersion version) {
        return new Card(1L, 7L, "************1111", version, status, LocalDate.of(2026, 5, 1), null, null);
    }

    @Test
    void anIssuedCardIsActivatedReportedLostFoundAndReplaced() {
        Card card = card(CardStatus.ISSUED, CardVersion.V2);
        assertThat(card.moveTo(CardStatus.ACTIVE)).isEqualTo(CardEventKind.ACTIVATED);
        assertThat(card.moveTo(CardStatus.REPORTED_LOST)).isEqualTo(CardEventKind.REPORTED_LOST);
        assertThat(card.moveTo(CardStatus.ACTIVE)).isEqualTo(CardEventKind.FOUND);
        assertThat(card.moveTo(CardStatus.REPORTED_LOST)).isEqualTo(CardEventKind.REPORTED_LOST);
        assertThat(card.moveTo(CardStatus.REPLACED)).isEqualTo(CardEventKind.REPLACED);
        assertThat(card.status()).isEqualTo(CardStatus.REPLACED);
    }

    @Test
    void replacedAndCancelledAreFinal() {
        for (CardStatus end : new CardStatus[] {CardStatus.REPLACED, CardStatus.CANCELLED}) {
            for (CardStatus target : CardStatus.values()) {
                Card card = card(end, CardVersion.V2);
                assertThatThrownBy(() -> card.moveTo(target)).isInstanceOf(DomainException.class)
                        .hasMessageContaining("card.status.not-allowed");
                assertThat(card.status()).isEqualTo(end);
            }
        }
    }

    @Test
    void noCardGoesBackToIssuedOrToTheStatusItHas() {
        for (CardStatus from : CardStatus.values()) {
            assertThat(from.canMoveTo(CardStatus.ISSUED)).isFalse();
            assertThat(from.canMoveTo(from)).isFalse();
        }
    }

    @Test
    void onlyLiveCardsBelongToTheMember() {
        assertThat(CardStatus.ISSUED.isLive()).isTrue();
        assertThat(CardStatus.ACTIVE.isLive()).isTrue();
        assertThat(CardStatus.REPORTED_LOST.isLive()).isTrue();
        assertThat(CardStatus.REPLACED.isLive()).isFalse();
        assertThat(CardStatus.CANCELLED.isLive()).isFalse();
    }

    @Test
    void upgradesA2CardOnceAndNeverALostOrEndedOne() {
        Card card = card(CardStatus.ACTIVE, CardVersion.V2);
        assertThat(card.upgrade()).isEqualTo(CardEventKind.UPGRADED);
        assertThat(card.version()).isEqualTo(CardVersion.V3);
        assertThatThrownBy(card::upgrade).hasMessageContaining("card.upgrade.already");
        assertThatThrownBy(() -> card(CardStatus.REPORTED_LOST, CardVersion.V2).upgrade())
                .hasMessageContaining("card.upgrade.not-live");
        assertThatThrownBy(() -> card(CardStatus.CANCELLED, CardVersion.V2).upgrade())
                .hasMessageContaining("card.upgrade.not-live");
        assertThat(CardVersion.V3.hasTransitAndLoans()).isTrue();
        assertThat(CardVersion.V2.hasTransitAndLoans()).isFalse();
    }
}
