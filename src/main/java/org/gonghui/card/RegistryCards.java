package org.gonghui.card;

import org.gonghui.member.CardNumberEntered;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A card number typed in the member registry becomes the member's active 2.0 card. Synchronous, in the registry's
 * transaction: a number that fails the check, belongs to another card, or a member who already holds another card
 * refuses the whole registry change.
 */
@Component
class RegistryCards {

    private final CardStore store;
    private final PlatformTime time;

    RegistryCards(CardStore store, PlatformTime time) {
        this.store = store;
        this.time = time;
    }

    @EventListener
    void on(CardNumberEntered entered) {
        CardNumber number = new CardNumber(entered.number());
        var live = store.live(entered.memberId());
        if (live.isPresent()) {
            if (store.byNumber(number.value()).filter(c -> c.id().equals(live.get().id())).isPresent()) {
                return; // the number the member already holds
            }
            throw org.gonghui.shared.DomainException.conflict("card.member.has-card");
        }
        // the registry already shows the masked number it was given: no need to tell it back
        Card card = store.insert(entered.memberId(), number.value(), number.masked(), CardVersion.V2, CardStatus.ACTIVE,
                time.today(), null, null);
        store.history(card, CardEventKind.ISSUED, "member registry");
    }
}
