package org.gonghui.card;

import java.util.List;
import org.gonghui.shared.time.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the card numbers the member registry kept in clear text (copied aside by migration V8_1) into cards,
 * sealed, once, on the first start after the migration. They keep their number even where it fails today's check
 * (the history says so): nothing a member saw before is lost.
 */
@Component
class CardCarryOver {

    private static final Logger log = LoggerFactory.getLogger(CardCarryOver.class);

    private final JdbcClient jdbc;
    private final CardStore store;
    private final PlatformTime time;
    private final TransactionTemplate transactions;

    CardCarryOver(JdbcClient jdbc, CardStore store, PlatformTime time, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.time = time;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        int moved = run();
        if (moved > 0) {
            log.info("Carried {} card numbers over from the member registry", moved);
        }
    }

    /** Carries every waiting number over; returns how many. */
    int run() {
        record Waiting(long memberId, String number) {
        }
        List<Waiting> waiting = jdbc.sql("select member_id, number from card_carry_over order by member_id")
                .query((rs, n) -> new Waiting(rs.getLong("member_id"), rs.getString("number"))).list();
        for (Waiting w : waiting) {
            transactions.executeWithoutResult(tx -> {
                String digits = w.number().replace(" ", "");
                boolean checked = CardNumber.isValid(digits);
                if (!store.numberKnown(digits) && store.live(w.memberId()).isEmpty()) {
                    Card card = store.insert(w.memberId(), digits, org.gonghui.shared.crypto.Masking.bankAccount(digits),
                            CardVersion.V2, CardStatus.ACTIVE, time.today(), null, null);
                    store.history(card, CardEventKind.CARRIED_OVER,
                            checked ? "member registry" : "member registry (number fails the Luhn check)");
                }
                jdbc.sql("delete from card_carry_over where member_id = :m").param("m", w.memberId()).update();
            });
        }
        return waiting.size();
    }
}
