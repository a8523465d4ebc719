package org.gonghui.card.merchant;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.gonghui.activity.Merchants;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the till needs to know of a merchant that rarely changes — the card merchant a sign-in account acts for, its
 * outlets, standing discounts and campaigns (without what is left of their budgets, which is always read from the
 * shards) — kept in memory per account, so that a redemption reads none of it. Every change to a merchant, an outlet,
 * a discount or a campaign calls {@link #changed()} (at once and again after its commit); a load that began before a
 * change is not kept. Another instance's change is seen as soon as its {@link org.gonghui.card.CardMerchantsChanged} arrives (within a second; at the latest after {@link #TTL}).
 */
@Component
class TillFacts {

    /** How long an entry is kept at most (changes made on another instance of the application). */
    static final Duration TTL = Duration.ofSeconds(30);

    /** A merchant's facts as the till uses them. */
    record Facts(MerchantView merchant, Map<Long, OutletView> outlets, List<Offers.Discount> discounts,
            Map<Long, Offers.Campaign> campaigns) {
    }

    private record Entry(Facts facts, long generation, long loadedAt) {
    }

    private final Merchants signIns;
    private final MerchantStore store;
    private final Map<Long, Entry> byAccount = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();

    private final org.springframework.context.ApplicationEventPublisher events;

    TillFacts(Merchants signIns, MerchantStore store, org.springframework.context.ApplicationEventPublisher events) {
        this.signIns = signIns;
        this.store = store;
        this.events = events;
    }

    /** The facts of the merchant the account acts for; refused when it is not in the card's network. */
    Facts of(CurrentUser user) {
        if (user == null) {
            throw DomainException.forbidden("error.forbidden");
        }
        long account = user.accountId();
        Entry e = byAccount.get(account);
        long now = System.nanoTime();
        if (e != null && e.generation() == generation.get() && now - e.loadedAt() < TTL.toNanos()) {
            return e.facts();
        }
        long g = generation.get();
        Facts facts = load(user);
        if (generation.get() == g) {
            byAccount.put(account, new Entry(facts, g, now));
        }
        return facts;
    }

    private Facts load(CurrentUser user) {
        loads.incrementAndGet();
        long signIn = signIns.of(user).id();
        MerchantView merchant = store.bySignIn(signIn)
                .orElseThrow(() -> DomainException.forbidden("card.merchant.not-in-network"));
        Map<Long, OutletView> outlets = new LinkedHashMap<>();
        store.outlets(merchant.id()).forEach(o -> outlets.put(o.id(), o));
        Map<Long, Offers.Campaign> campaigns = new LinkedHashMap<>();
        store.campaigns(merchant.id()).forEach(c -> campaigns.put(c.id(), c));
        return new Facts(merchant, Map.copyOf(outlets), List.copyOf(store.discounts(merchant.id())), Map.copyOf(campaigns));
    }

    /** A merchant, outlet, discount or campaign changed: forget everything now and once more after the commit. */
    void changed() {
        forget();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            events.publishEvent(new org.gonghui.card.CardMerchantsChanged()); // to the other instances
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    /** ... on another instance (profile cluster), as soon as RabbitMQ brings the change. */
    @org.springframework.context.event.EventListener
    void on(org.gonghui.shared.events.Remote<org.gonghui.card.CardMerchantsChanged> changed) {
        forget();
    }

    private void forget() {
        generation.incrementAndGet();
        byAccount.clear();
    }

    /** How many times facts were read from the database (for tests). */
    long loads() {
        return loads.get();
    }
}
