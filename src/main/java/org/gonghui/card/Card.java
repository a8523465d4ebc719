package org.gonghui.card;

import java.time.LocalDate;
import org.gonghui.shared.DomainException;

/**
 * One 5·1 card of a member. Its status moves only along {@link CardStatus#next()}; every move is a
 * {@link CardEventKind} for the history. The number itself is held sealed by the store, never here in clear.
 */
final class Card {

    private final Long id;
    private final long memberId;
    private final String numberMasked;
    private CardVersion version;
    private CardStatus status;
    private final LocalDate issuedOn;
    private final String branch;
    private final Long replacesId;

    Card(Long id, long memberId, String numberMasked, CardVersion version, CardStatus status, LocalDate issuedOn,
            String branch, Long replacesId) {
        this.id = id;
        this.memberId = memberId;
        this.numberMasked = numberMasked;
        this.version = version;
        this.status = status;
        this.issuedOn = issuedOn;
        this.branch = branch;
        this.replacesId = replacesId;
    }

    /** Moves the card to a status it may reach, or refuses with {@code card.status.not-allowed}. */
    CardEventKind moveTo(CardStatus target) {
        if (!status.canMoveTo(target)) {
            throw DomainException.conflict("card.status.not-allowed", status.name(), target.name());
        }
        CardEventKind kind = switch (target) {
            case ACTIVE -> status == CardStatus.REPORTED_LOST ? CardEventKind.FOUND : CardEventKind.ACTIVATED;
            case REPORTED_LOST -> CardEventKind.REPORTED_LOST;
            case REPLACED -> CardEventKind.REPLACED;
            case CANCELLED -> CardEventKind.CANCELLED;
            case ISSUED -> throw new IllegalStateException("a card is issued only once");
        };
        this.status = target;
        return kind;
    }

    /** 2.0 → 3.0 on the same card and number; only a card the member still holds, only once. */
    CardEventKind upgrade() {
        if (!status.isLive() || status == CardStatus.REPORTED_LOST) {
            throw DomainException.conflict("card.upgrade.not-live");
        }
        if (version == CardVersion.V3) {
            throw DomainException.conflict("card.upgrade.already");
        }
        this.version = CardVersion.V3;
        return CardEventKind.UPGRADED;
    }

    Long id() {
        return id;
    }

    long memberId() {
        return memberId;
    }

    CardStatus status() {
        return status;
    }

    CardVersion version() {
        return version;
    }

    CardView view() {
        return new CardView(id, memberId, numberMasked, version, status, issuedOn, branch, replacesId);
    }
}
