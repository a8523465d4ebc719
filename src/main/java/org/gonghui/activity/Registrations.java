package org.gonghui.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members registering for activities: first come first served with a waitlist, or lottery entries.
 *
 * <p>Exactness: a place is a number 1..capacity, handed out by an in-memory {@link NumberPool} and stored on
 * the registration under a unique index (activity, place); a second unique index (activity, member) allows one
 * registration per member. So the database can never hold more places than the capacity nor two
 * registrations of one member, whatever the concurrency, and no hot counter row serialises the rush. The
 * answer is given only after the commit; when the outcome of a commit is unknown the database is asked
 * before answering.
 */
@Service
public class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);
    /** Places tried per registration: each further one follows a place found held by another instance. */
    private static final int ATTEMPTS = 5;
    private static final long WAIT_MILLIS = 3_000;

    private final ActivityCatalog catalog;
    private final NumberPools pools;
    private final MemberDirectory directory;
    private final RegistrationStore store;
    private final SharedCommits commits;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final ModelWorkerStatus modelWorkers;

    Registrations(ActivityCatalog catalog, NumberPools pools, MemberDirectory directory, RegistrationStore store,
            SharedCommits commits, TransactionTemplate tx, org.springframework.context.ApplicationEventPublisher events,
            Clock clock, org.springframework.beans.factory.ObjectProvider<ModelWorkerStatus> modelWorkers) {
        this.modelWorkers = modelWorkers.getIfAvailable(() -> memberId -> false);
        this.catalog = catalog;
        this.events = events;
        this.pools = pools;
        this.directory = directory;
        this.store = store;
        this.commits = commits;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Registers the member: a confirmed place (first come) or an entry (lottery). When the activity is full the
     * answer is the refusal {@link Refusal#FULL}, or — with {@code waitlistIfFull} — a place in the waitlist.
     */
    public RegistrationView register(long memberId, long activityId, ShippingAddress address, boolean waitlistIfFull) {
        ActivityView a = catalog.require(activityId);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        requireOpen(a, now);
        ActivityPlaces pool = a.isLottery() ? null : pools.places(a);
        MemberDirectory.Facts facts = directory.require(memberId);
        if (pool != null && pool.isFull() && !waitlistIfFull) {
            // a member outside the activity's part of the tree learns only that it is not for them
            throw a.eligibility().coversOrganisationOf(facts.member()) ? Refusal.conflict(Refusal.FULL) : Refusal.forbidden(Refusal.NOT_ELIGIBLE_ORG);
        }
        ShippingAddress shipping = checkMember(a, facts, address, now);
        if (a.isLottery()) {
            return storeWithoutPlace(a, memberId, RegistrationStatus.ENTERED, shipping, now);
        }
        String memberPath = facts.member().orgPath();
        if (pool.hasQuotas() && pool.isFullFor(memberPath, now) && !waitlistIfFull) {
            throw full(pool, now);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int place = pool.take(memberPath, now, WAIT_MILLIS);
            if (place < 0) {
                if (waitlistIfFull) {
                    return storeWithoutPlace(a, memberId, RegistrationStatus.WAITLISTED, shipping, now);
                }
                throw full(pool, now);
            }
            try {
                RegistrationView stored = store(a, memberId, RegistrationStatus.CONFIRMED, place, shipping, now);
                pool.stored(place);
                return stored;
            } catch (PlaceTaken e) {
                // another instance handed out the same number: it is held, and our pool learns what else is
                pool.stored(place);
                pool = pools.placeTakenElsewhere(a, place);
            } catch (DomainException e) {
                pool.give(place);
                throw e;
            } catch (OutcomeUnknown e) {
                if (e.stored) {
                    pool.stored(place);
                    return e.view;
                }
                if (e.absent) {
                    pool.give(place);
                } else {
                    pool.stored(place);
                    pools.forgetPlaces(a.id());
                }
                throw Refusal.conflict(Refusal.BUSY);
            } catch (RuntimeException e) {
                pool.give(place);
                throw e;
            }
        }
        throw Refusal.conflict(Refusal.BUSY);
    }

    /**
     * The refusal the member gets now for a place in a full activity: the activity is first come and open, every
     * place (all quotas and the common pool) is held, and the member — known from memory — belongs to the
     * activity's part of the tree (outside it they are told they are not eligible, not that it is full). Read from
     * memory only: the activity's snapshot, its pool of places and the member's facts as last looked up, so a rush
     * on a full activity is answered without the database. Empty when the answer needs more; {@link #register}
     * then decides.
     * The member ({@code -1} when unknown) is asked for only once the activity is found full.
     */
    public java.util.Optional<String> refusalWhenFull(long activityId, java.util.function.LongSupplier member) {
        ActivityView a = catalog.find(activityId).orElse(null);
        if (a == null || a.isLottery() || a.phase(clock.instant()) != ActivityView.Phase.OPEN) {
            return java.util.Optional.empty();
        }
        ActivityPlaces pool = pools.placesIfLoaded(a);
        if (pool == null || !pool.isFull()) {
            return java.util.Optional.empty();
        }
        long memberId = member.getAsLong();
        return memberId < 0 ? java.util.Optional.empty() : directory.forRefusal(memberId)
                .filter(facts -> a.eligibility().coversOrganisationOf(facts.member())).map(facts -> Refusal.FULL);
    }

    /** "Full": of the whole activity, or of the member's quota while other quotas keep their places. */
    private DomainException full(ActivityPlaces pool, Instant now) {
        QuotaPlan plan = pool.plan();
        if (plan.isEmpty() || plan.releasedAt(now) || pool.isFull()) {
            return Refusal.conflict(Refusal.FULL);
        }
        if (plan.releaseAt() == null) {
            return Refusal.conflict(Refusal.FULL_QUOTA);
        }
        return Refusal.conflict(Refusal.FULL_QUOTA_UNTIL,
                LocalDateTime.ofInstant(plan.releaseAt(), clock.getZone()).toString().replace('T', ' '));
    }

    /** How many places the member could take now (their quota, the common pool, released quotas). */
    public int freePlacesFor(ActivityView a, long memberId) {
        if (a.isLottery()) {
            return a.capacity();
        }
        ActivityPlaces pool = pools.places(a);
        if (!pool.hasQuotas()) {
            return pool.available();
        }
        return pool.availableFor(directory.require(memberId).member().orgPath(), clock.instant());
    }

    /** Joins the waitlist of a full first-come activity. */
    public RegistrationView joinWaitlist(long memberId, long activityId, ShippingAddress address) {
        return register(memberId, activityId, address, true);
    }

    private RegistrationView storeWithoutPlace(ActivityView a, long memberId, RegistrationStatus status,
            ShippingAddress shipping, Instant now) {
        try {
            return store(a, memberId, status, null, shipping, now);
        } catch (OutcomeUnknown e) {
            if (e.stored) {
                return e.view;
            }
            throw Refusal.conflict(Refusal.BUSY);
        } catch (PlaceTaken e) {
            throw Refusal.conflict(Refusal.BUSY);
        }
    }

    private void requireOpen(ActivityView a, Instant now) {
        switch (a.phase(now)) {
            case CANCELLED -> throw Refusal.conflict(Refusal.CANCELLED);
            case CLOSED -> throw Refusal.conflict(Refusal.CLOSED);
            case UPCOMING -> throw Refusal.conflict(Refusal.NOT_OPEN,
                    LocalDateTime.ofInstant(a.opensAt(), clock.getZone()).toString().replace('T', ' '));
            default -> {
            }
        }
    }

    private ShippingAddress checkMember(ActivityView a, MemberDirectory.Facts facts, ShippingAddress address,
            Instant now) {
        a.eligibility().check(facts.member(), LocalDate.ofInstant(now, clock.getZone())).ifPresent(refusal -> {
            throw refusal;
        });
        if (a.category() == ActivityCategory.MODEL_WORKER && !modelWorkers.isModelWorker(facts.member().id())) {
            throw Refusal.forbidden(Refusal.NOT_ELIGIBLE_MODEL_WORKER);
        }
        if (facts.suspendedAt(now)) {
            throw Refusal.forbidden(Refusal.SUSPENDED,
                    LocalDate.ofInstant(facts.suspendedUntil(), clock.getZone()).toString());
        }
        if (a.needsAddress()) {
            return (address == null ? ShippingAddress.NONE : address).validated();
        }
        return null;
    }

    /**
     * Stores the registration in one transaction (with the monthly quota when the activity has one). Returns
     * only after the commit. A second registration of the member reuses their earlier row if it was cancelled
     * (or was waitlisted and now gets a place).
     */
    private RegistrationView store(ActivityView a, long memberId, RegistrationStatus status, Integer place,
            ShippingAddress address, Instant now) {
        boolean quota = a.monthlyLimit() != null && status != RegistrationStatus.WAITLISTED;
        if (!quota && status == RegistrationStatus.CONFIRMED && place != null && commits.enabled()) {
            SharedCommits.Outcome shared = commits.store(a, memberId, place, address, now);
            if (shared.stored() != null) {
                return shared.stored();
            }
            if (shared.failure() != null) {
                throw outcomeOf(a, memberId, place, shared.failure());
            }
            // refused as a batch: stored alone below, where a duplicate or a taken place is sorted out
        }
        if (quota) {
            store.ensureQuota(memberId, a);
        }
        try {
            return tx.execute(s -> {
                if (quota && !store.useQuota(memberId, a)) {
                    throw Refusal.conflict(Refusal.MONTHLY_LIMIT, a.monthlyLimit());
                }
                long id = store.insert(a, memberId, status, place, address, now);
                return RegistrationView.stored(id, a.id(), memberId, status, place, now, address);
            });
        } catch (DataIntegrityViolationException e) {
            if (RegistrationStore.violated(e, "registration_place")) {
                throw new PlaceTaken();
            }
            if (RegistrationStore.violated(e, "registration_code")) {
                return store(a, memberId, status, place, address, now);
            }
            return again(a, memberId, status, place, address, now, quota);
        } catch (DomainException e) {
            throw e;
        } catch (DataAccessException | TransactionException e) {
            throw outcomeOf(a, memberId, place, e);
        }
    }

    /** The member has a registration already: reuse an ended one, promote a waitlisted one, else refuse. */
    private RegistrationView again(ActivityView a, long memberId, RegistrationStatus status, Integer place,
            ShippingAddress address, Instant now, boolean quota) {
        RegistrationView existing = committed(a.id(), memberId);
        RegistrationStatus from = existing.status();
        boolean reuse = !from.isActive() || from == RegistrationStatus.WAITLISTED && status == RegistrationStatus.CONFIRMED;
        if (!reuse) {
            throw Refusal.conflict(Refusal.ALREADY_REGISTERED);
        }
        try {
            boolean changed = Boolean.TRUE.equals(tx.execute(s -> {
                if (quota && !store.useQuota(memberId, a)) {
                    throw Refusal.conflict(Refusal.MONTHLY_LIMIT, a.monthlyLimit());
                }
                if (!store.reactivate(existing.id(), from, status, place, address, now)) {
                    s.setRollbackOnly();
                    return false;
                }
                return true;
            }));
            if (!changed) {
                throw Refusal.conflict(Refusal.ALREADY_REGISTERED);
            }
        } catch (DataIntegrityViolationException e) {
            throw new PlaceTaken();
        }
        return store.find(existing.id()).orElseThrow();
    }

    /**
     * The member's registration that made ours a duplicate. Some databases (H2) refuse a duplicate of a row
     * not yet committed, so give that commit a moment to land.
     */
    private RegistrationView committed(long activityId, long memberId) {
        for (int i = 0; i < 50; i++) {
            var found = store.find(activityId, memberId);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw Refusal.conflict(Refusal.BUSY);
    }

    private OutcomeUnknown outcomeOf(ActivityView a, long memberId, Integer place, RuntimeException cause) {
        log.warn("registration of member {} for activity {}: outcome unknown, checking", memberId, a.id(), cause);
        try {
            var stored = store.find(a.id(), memberId)
                    .filter(r -> r.status().isActive() && java.util.Objects.equals(r.placeNo(), place));
            return stored.map(OutcomeUnknown::stored).orElseGet(OutcomeUnknown::absent);
        } catch (RuntimeException e) {
            return new OutcomeUnknown(false, false, null);
        }
    }

    /** The member's registration for an activity, with their waitlist position. */
    public java.util.Optional<RegistrationView> mine(long memberId, long activityId) {
        return store.find(activityId, memberId).map(this::withPosition);
    }

    public RegistrationView mineById(long memberId, long registrationId) {
        return store.find(registrationId).filter(r -> r.memberId() == memberId).map(this::withPosition)
                .orElseThrow(() -> DomainException.notFound("registration.not-found"));
    }

    /** The member's registrations, newest first. */
    public PageResult<RegistrationView> history(long memberId, int page, int size) {
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        List<RegistrationView> rows = new ArrayList<>(store.ofMember(memberId, safeSize + 1, (long) safePage * safeSize));
        rows.replaceAll(this::withPosition);
        return PageResult.of(rows, safePage, safeSize);
    }

    private RegistrationView withPosition(RegistrationView r) {
        return r.status() == RegistrationStatus.WAITLISTED ? r.withPosition(store.waitlistPosition(r)) : r;
    }

    /** The member cancels; a freed place goes to the next in line, or back to the pool. */
    public RegistrationView cancel(long memberId, long registrationId) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        RegistrationView r = mineById(memberId, registrationId);
        ActivityView a = catalog.require(r.activityId());
        if (!r.status().isActive()) {
            throw DomainException.conflict("registration.already-ended");
        }
        if (r.status() == RegistrationStatus.CONFIRMED && !a.cancellableAt(now)) {
            throw DomainException.conflict("registration.cancel.too-late");
        }
        if (r.status() == RegistrationStatus.ENTERED && a.status() != ActivityStatus.PUBLISHED) {
            throw DomainException.conflict("registration.cancel.frozen");
        }
        Integer freed = tx.execute(s -> {
            RegistrationView locked = store.lock(registrationId).orElseThrow();
            if (locked.status() != r.status() || !store.end(registrationId, r.status(), RegistrationStatus.CANCELLED, now)) {
                throw DomainException.conflict("error.concurrent-change");
            }
            if (a.monthlyLimit() != null && (r.status() == RegistrationStatus.CONFIRMED
                    || r.status() == RegistrationStatus.ENTERED)) {
                store.releaseQuota(memberId, a);
            }
            return locked.placeNo() == null ? null : passOn(a, locked.placeNo(), now);
        });
        if (freed != null) {
            pools.givePlaces(a, List.of(freed));
        }
        return mineById(memberId, registrationId);
    }

    /**
     * Offers a freed place to the next in line (inside the caller's transaction). Returns the place when nobody
     * takes it, so the caller gives it back to the pool after the commit.
     */
    Integer passOn(ActivityView a, int place, Instant now) {
        Instant start = a.firstStart();
        if (start != null && !now.isBefore(start)) {
            return freed(a, place);
        }
        QuotaPlan plan = pools.places(a).plan();
        var quota = plan.releasedAt(now) ? java.util.Optional.<PlaceQuota>empty() : plan.quotaHolding(place);
        var next = quota.isEmpty() ? store.nextInLine(a.id())
                : store.nextInLine(a.id(), memberId -> directory.find(memberId)
                        .map(m -> quota.get().covers(m.orgPath())).orElse(false));
        if (next.isEmpty()) {
            return freed(a, place);
        }
        Instant expires = now.plusSeconds(3600L * a.confirmHours());
        if (start != null && expires.isAfter(start)) {
            expires = start;
        }
        store.offer(next.get().id(), place, expires, now);
        events.publishEvent(new PlaceOffered(next.get().memberId(), a.id(), a.title(), next.get().id(), expires));
        return null;
    }

    /** A place nobody waits for goes back to the pools: every instance's pool reloads (after the commit). */
    private Integer freed(ActivityView a, int place) {
        events.publishEvent(new ActivityChanged(a.id()));
        return place;
    }

    /**
     * Offers the places free now to the waitlist, in its order (after the quotas' release, or more places);
     * returns how many were offered. Places nobody waits for stay in the pool.
     */
    public int offerFreePlaces(long activityId) {
        ActivityView a = catalog.require(activityId);
        if (a.isLottery()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ActivityPlaces pool = pools.places(a);
        int offered = 0;
        while (true) {
            int place = pool.take(null, now, 0);
            if (place < 0) {
                return offered;
            }
            Integer back;
            try {
                back = tx.execute(s -> passOn(a, place, now));
            } catch (RuntimeException e) {
                pool.give(place);
                pools.forgetPlaces(a.id());
                throw e;
            }
            if (back != null) {
                pool.give(place);
                return offered;
            }
            pool.stored(place);
            offered++;
        }
    }

    /** The member takes the place offered to them. */
    public RegistrationView confirmOffer(long memberId, long registrationId) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        RegistrationView r = mineById(memberId, registrationId);
        ActivityView a = catalog.require(r.activityId());
        if (r.status() != RegistrationStatus.OFFERED) {
            throw DomainException.conflict("registration.no-offer");
        }
        boolean quota = a.monthlyLimit() != null;
        if (quota) {
            store.ensureQuota(memberId, a);
        }
        tx.executeWithoutResult(s -> {
            if (quota && !store.useQuota(memberId, a)) {
                throw Refusal.conflict(Refusal.MONTHLY_LIMIT, a.monthlyLimit());
            }
            if (!store.confirmOffer(registrationId, memberId, now)) {
                throw DomainException.conflict("registration.offer-expired");
            }
        });
        return mineById(memberId, registrationId);
    }

    /** Expires offers not confirmed in time and passes their places on; returns how many expired. */
    public int expireOffers() {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        int expired = 0;
        for (RegistrationView r : store.expiredOffers(now, 500)) {
            ActivityView a = catalog.require(r.activityId());
            Integer freed = tx.execute(s -> {
                if (!store.end(r.id(), RegistrationStatus.OFFERED, RegistrationStatus.EXPIRED, now)) {
                    return null;
                }
                return passOn(a, r.placeNo(), now);
            });
            if (freed != null) {
                pools.givePlaces(a, List.of(freed));
            }
            expired++;
        }
        return expired;
    }

    /** A place number held by another instance's registration. */
    private static final class PlaceTaken extends RuntimeException {
        PlaceTaken() {
            super(null, null, false, false);
        }
    }

    /** The commit's outcome was not known; the database was asked (if it answered). */
    private static final class OutcomeUnknown extends RuntimeException {
        final boolean stored;
        final boolean absent;
        final transient RegistrationView view;

        OutcomeUnknown(boolean stored, boolean absent, RegistrationView view) {
            super(null, null, false, false);
            this.stored = stored;
            this.absent = absent;
            this.view = view;
        }

        static OutcomeUnknown stored(RegistrationView view) {
            return new OutcomeUnknown(true, false, view);
        }

        static OutcomeUnknown absent() {
            return new OutcomeUnknown(false, true, null);
        }
    }
}
