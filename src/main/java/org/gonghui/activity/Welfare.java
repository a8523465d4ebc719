package org.gonghui.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Welfare offers and vouchers. Claims are exact the same way as registrations: a voucher takes a serial number
 * 1..total from an in-memory pool and a member sequence 1..per-member, both unique per offer in the database.
 * Redemption locks the voucher row, so it happens once; a retry carrying the same idempotency key gets the
 * first answer again.
 */
@Service
public class Welfare {

    private static final Logger log = LoggerFactory.getLogger(Welfare.class);
    private static final long WAIT_MILLIS = 3_000;

    private final WelfareStore store;
    private final NumberPools pools;
    private final MemberDirectory directory;
    private final Organisations organisations;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    Welfare(WelfareStore store, NumberPools pools, MemberDirectory directory, Organisations organisations,
            TransactionTemplate tx, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.pools = pools;
        this.directory = directory;
        this.organisations = organisations;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public WelfareOfferView publish(CurrentUser staff, WelfareOfferForm form) {
        TreePath scope = Activities.scopeOf(staff);
        form.validate();
        String eligiblePath = form.eligibleOrgId() == null ? scope.value()
                : organisations.requireInScope(form.eligibleOrgId(), scope).path();
        long id = tx.execute(s -> {
            long created = store.insert(form, staff.orgId(), staff.orgPath(), eligiblePath, staff.getUsername());
            audit.record("welfare.publish", "welfare_offer", created, form.title());
            return created;
        });
        return store.find(id).orElseThrow();
    }

    public WelfareOfferView requireInScope(CurrentUser staff, long id) {
        TreePath scope = Activities.scopeOf(staff);
        return store.find(id).filter(o -> scope.contains(o.orgPath()))
                .orElseThrow(() -> DomainException.notFound("welfare.not-found"));
    }

    public PageResult<WelfareOfferView> staffList(CurrentUser staff, int page, int size) {
        return page("org_path like :scope", Map.of("scope", Activities.scopeOf(staff).likePattern()), page, size);
    }

    /** Offers a member may see: for their organisation, not cancelled, claim window not long past. */
    public PageResult<WelfareOfferView> browse(long memberId, int page, int size) {
        MemberView member = directory.require(memberId).member();
        Map<String, Object> params = new HashMap<>();
        params.put("memberPath", member.orgPath());
        params.put("since", ActivityStore.ts(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minusSeconds(7L * 86400)));
        return page("status = 'PUBLISHED' and claim_closes_at > :since"
                + " and :memberPath like concat(coalesce(eligible_path, org_path), '%')", params, page, size);
    }

    public WelfareOfferView forMember(long memberId, long offerId) {
        MemberView member = directory.require(memberId).member();
        return offer(offerId).filter(o -> member.orgPath().startsWith(
                o.eligibility().orgPath() == null ? o.orgPath() : o.eligibility().orgPath()))
                .orElseThrow(() -> DomainException.notFound("welfare.not-found"));
    }

    /** [claimed, redeemed] */
    public long[] figures(CurrentUser staff, long offerId) {
        requireInScope(staff, offerId);
        return store.counts(offerId);
    }

    /** An offer without scope, for showing a member's own vouchers. */
    public Optional<WelfareOfferView> find(long id) {
        return offer(id);
    }

    public VoucherView voucherOf(long memberId, long voucherId) {
        return store.vouchersOf(memberId, 1000, 0).stream().filter(v -> v.id() == voucherId).findFirst()
                .orElseThrow(() -> DomainException.notFound("voucher.not-found"));
    }

    public int remaining(WelfareOfferView offer) {
        return pools.serials(offer.id(), offer.totalQuantity()).available();
    }

    /** The member claims one voucher of the offer. */
    /**
     * The refusal the member gets now for a voucher of a sold-out offer: the claim window is open, every voucher
     * is taken, and the member — known from memory — belongs to the offer's part of the tree. Read from memory
     * only (the offer's snapshot, its serial numbers, the member's recent facts); empty when the answer needs more,
     * and {@link #claim} then decides. The member ({@code -1} when unknown) is asked for only once the offer is
     * found sold out.
     */
    public Optional<String> refusalWhenSoldOut(long offerId, java.util.function.LongSupplier member) {
        WelfareOfferView offer = offer(offerId).orElse(null);
        Instant now = clock.instant();
        if (offer == null || offer.phase(now) != ActivityView.Phase.OPEN) {
            return Optional.empty();
        }
        NumberPool pool = pools.serialsIfLoaded(offer.id(), offer.totalQuantity());
        if (pool == null || !pool.isFull()) {
            return Optional.empty();
        }
        long memberId = member.getAsLong();
        return memberId < 0 ? Optional.empty() : directory.forRefusal(memberId)
                .filter(facts -> offer.eligibility().coversOrganisationOf(facts.member())).map(facts -> Refusal.SOLD_OUT);
    }

    public VoucherView claim(long memberId, long offerId) {
        WelfareOfferView offer = offer(offerId).orElseThrow(() -> DomainException.notFound("welfare.not-found"));
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        switch (offer.phase(now)) {
            case UPCOMING -> throw Refusal.conflict(Refusal.CLAIM_NOT_OPEN,
                    LocalDateTime.ofInstant(offer.claimOpensAt(), clock.getZone()).toString().replace('T', ' '));
            case OPEN -> {
            }
            default -> throw Refusal.conflict(Refusal.CLAIM_CLOSED);
        }
        NumberPool pool = pools.serials(offer.id(), offer.totalQuantity());
        MemberDirectory.Facts facts = directory.require(memberId);
        if (pool.isFull()) {
            // a member outside the offer's part of the tree learns only that it is not for them
            throw offer.eligibility().coversOrganisationOf(facts.member()) ? Refusal.conflict(Refusal.SOLD_OUT)
                    : Refusal.forbidden(Refusal.NOT_ELIGIBLE_ORG);
        }
        offer.eligibility().check(facts.member(), LocalDate.ofInstant(now, clock.getZone())).ifPresent(refusal -> {
            throw refusal;
        });
        for (int attempt = 0; attempt < 60; attempt++) {
            int seq = store.countOfMember(offer.id(), memberId) + 1;
            if (seq > offer.perMember()) {
                throw Refusal.conflict(Refusal.VOUCHER_LIMIT, offer.perMember());
            }
            int serial = pool.take(WAIT_MILLIS);
            if (serial < 0) {
                throw Refusal.conflict(Refusal.SOLD_OUT);
            }
            String code = Codes.next(16);
            try {
                long id = tx.execute(s -> {
                    long stored = store.insertVoucher(offer.id(), memberId, serial, seq, code, now);
                    events.publishEvent(new WelfareClaimed(stored, offer.id(), memberId, offer.title(), offer.priceFen(), now));
                    return stored;
                });
                pool.stored();
                return new VoucherView(id, offer.id(), memberId, serial, code, now, null, null, null);
            } catch (DataIntegrityViolationException e) {
                if (RegistrationStore.violated(e, "voucher_serial")) {
                    // another instance handed out the same serial: it is held, and our pool learns what else is
                    pool.stored();
                    pool = pools.serialTakenElsewhere(offer.id(), offer.totalQuantity());
                } else {
                    // the member's sequence number was taken by a concurrent claim (maybe not yet committed)
                    pool.give(serial);
                    pause();
                }
            } catch (DataAccessException | TransactionException e) {
                log.warn("voucher claim of member {} for offer {}: outcome unknown, checking", memberId, offerId, e);
                Optional<VoucherView> stored;
                try {
                    stored = store.voucher(offer.id(), memberId, seq).filter(v -> v.serialNo() == serial);
                } catch (RuntimeException unknown) {
                    pool.stored();
                    pools.forgetSerials(offer.id());
                    throw Refusal.conflict(Refusal.BUSY);
                }
                if (stored.isPresent()) {
                    pool.stored();
                    return stored.get();
                }
                pool.give(serial);
                throw Refusal.conflict(Refusal.BUSY);
            } catch (RuntimeException e) {
                pool.give(serial);
                throw e;
            }
        }
        throw Refusal.conflict(Refusal.BUSY);
    }

    public PageResult<VoucherView> vouchers(long memberId, int page, int size) {
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        return PageResult.of(store.vouchersOf(memberId, safeSize + 1, (long) safePage * safeSize), safePage, safeSize);
    }

    /**
     * A merchant redeems a voucher by its code. Refused when the code is unknown, belongs to an offer the
     * merchant does not honour, is not valid yet or any more, or was redeemed before — unless this is a retry
     * with the same idempotency key, which gets the first answer again.
     */
    public Redemption redeem(long merchantId, String typedCode, String outlet, String idempotencyKey) {
        String code = Codes.normalise(typedCode);
        if (code == null) {
            throw DomainException.notFound("voucher.not-found");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null
                : idempotencyKey.trim().substring(0, Math.min(64, idempotencyKey.trim().length()));
        String where = outlet == null || outlet.isBlank() ? null : outlet.trim().substring(0, Math.min(100, outlet.trim().length()));
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return tx.execute(s -> {
            VoucherView v = store.lockByCode(code).orElseThrow(() -> DomainException.notFound("voucher.not-found"));
            WelfareOfferView offer = store.find(v.offerId()).orElseThrow();
            if (!store.honours(offer.id(), merchantId)) {
                throw DomainException.forbidden("voucher.other-merchant");
            }
            if (v.redeemed()) {
                if (key != null && key.equals(store.redemptionKey(v.id())) && Long.valueOf(merchantId).equals(v.redeemedBy())) {
                    return new Redemption(code, offer.id(), offer.title(), offer.price(), v.redeemedAt(), v.redeemedOutlet(),
                            true);
                }
                throw DomainException.conflict("voucher.already-redeemed",
                        LocalDateTime.ofInstant(v.redeemedAt(), clock.getZone()).toString().replace('T', ' '));
            }
            if (now.isBefore(offer.validFrom())) {
                throw DomainException.conflict("voucher.not-yet-valid",
                        LocalDate.ofInstant(offer.validFrom(), clock.getZone()).toString());
            }
            if (!now.isBefore(offer.validUntil())) {
                throw DomainException.conflict("voucher.expired",
                        LocalDate.ofInstant(offer.validUntil(), clock.getZone()).toString());
            }
            store.redeem(v.id(), merchantId, where, key, now);
            events.publishEvent(new VoucherUsed(v.id(), offer.id(), v.memberId(), offer.title(), merchantId, where, now));
            audit.record("voucher.redeem", "voucher", v.id(), "merchant " + merchantId);
            return new Redemption(code, offer.id(), offer.title(), offer.price(), now, where, false);
        });
    }

    private Optional<WelfareOfferView> offer(long id) {
        long now = System.nanoTime();
        Cached cached = cache.get(id);
        if (cached != null && now - cached.loadedAt < ActivityCatalog.TTL_NANOS) {
            return Optional.of(cached.view);
        }
        Optional<WelfareOfferView> view = store.find(id);
        view.ifPresentOrElse(v -> cache.put(id, new Cached(v, now)), () -> cache.remove(id));
        return view;
    }

    private PageResult<WelfareOfferView> page(String where, Map<String, Object> params, int page, int size) {
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        List<WelfareOfferView> rows = store.list(where, params, safeSize + 1, (long) safePage * safeSize);
        return PageResult.of(rows, safePage, safeSize);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Cached(WelfareOfferView view, long loadedAt) {
    }
}
