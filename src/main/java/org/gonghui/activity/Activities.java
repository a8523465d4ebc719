package org.gonghui.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.LikePattern;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishing and managing activities. Staff work within their organisation's subtree: an activity published
 * elsewhere is "not found" to them.
 */
@Service
public class Activities {

    private final ActivityStore store;
    private final ActivityCatalog catalog;
    private final NumberPools pools;
    private final RegistrationStore registrations;
    private final Registrations offers;
    private final Registrants registrants;
    private final MemberDirectory directory;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    Activities(ActivityStore store, ActivityCatalog catalog, NumberPools pools, RegistrationStore registrations,
            Registrations offers, Registrants registrants, MemberDirectory directory, Organisations organisations,
            JdbcClient jdbc, AuditLog audit, org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.store = store;
        this.catalog = catalog;
        this.pools = pools;
        this.registrations = registrations;
        this.offers = offers;
        this.registrants = registrants;
        this.directory = directory;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Publishes an activity for the staff user's subtree (or a part of it). */
    @Transactional
    public ActivityView publish(CurrentUser staff, ActivityForm form) {
        TreePath scope = scopeOf(staff);
        form.validate();
        String eligiblePath = eligiblePath(form, scope);
        long id = store.insert(form, staff.orgId(), staff.orgPath(), eligiblePath, staff.getUsername());
        store.setRepeat(id, form.repeatWeekly(), form.repeatUntil());
        audit.record("activity.publish", "activity", id, form.title());
        return store.find(id).orElseThrow();
    }

    /**
     * Edits an activity; the capacity cannot drop below a place already held. Raising the capacity of a
     * first-come activity offers the new places to the waitlist in its order, as a cancellation would; places
     * nobody waits for stay free (the pool is reloaded from the database).
     */
    @Transactional
    public ActivityView update(CurrentUser staff, long id, ActivityForm form) {
        ActivityView current = requireInScope(staff, id);
        if (current.status() == ActivityStatus.CANCELLED || current.status() == ActivityStatus.DRAWN
                || current.status() == ActivityStatus.FROZEN) {
            throw DomainException.conflict("activity.not-editable");
        }
        form.validate();
        if (form.mode() != current.mode() && registrations.countsByStatus(id).values().stream().anyMatch(n -> n > 0)) {
            throw DomainException.conflict("activity.mode.locked");
        }
        Integer highest = jdbc.sql("select max(place_no) from registration where activity_id = :id").param("id", id)
                .query(Integer.class).optional().orElse(null);
        if (highest != null && highest > form.capacity()) {
            throw DomainException.conflict("activity.capacity.below-held", highest);
        }
        int reserved = pools.quotaPlan(id).reserved();
        if (reserved > form.capacity()) {
            throw DomainException.conflict("activity.capacity.below-quotas", reserved);
        }
        if (reserved > 0 && form.mode() == AllocationMode.LOTTERY) {
            throw DomainException.conflict("activity.quota.first-come-only");
        }
        store.update(id, form, eligiblePath(form, scopeOf(staff)));
        store.setRepeat(id, form.repeatWeekly(), form.repeatUntil());
        forget(id);
        audit.record("activity.update", "activity", id, form.title());
        ActivityView updated = store.find(id).orElseThrow();
        offerNewPlaces(current, updated);
        return updated;
    }

    /** Offers places above the old capacity to the waitlist (inside the update's transaction). */
    private void offerNewPlaces(ActivityView before, ActivityView after) {
        if (after.isLottery() || after.capacity() <= before.capacity()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int offered = 0;
        for (int place = before.capacity() + 1; place <= after.capacity(); place++) {
            if (offers.passOn(after, place, now) != null) {
                break; // nobody (left) in line, or the activity has begun: the rest stay free
            }
            offered++;
        }
        if (offered > 0) {
            audit.record("activity.capacity-offered", "activity", after.id(), offered + " places offered to the waitlist");
        }
        // a registration between the pool's reload and this commit may have cached the old numbers
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                forget(after.id());
            }
        });
    }

    @Transactional
    public ActivityView close(CurrentUser staff, long id) {
        ActivityView a = requireInScope(staff, id);
        if (a.status() != ActivityStatus.PUBLISHED) {
            throw DomainException.conflict("activity.not-open");
        }
        store.setStatus(id, ActivityStatus.CLOSED);
        forget(id);
        audit.record("activity.close", "activity", id, null);
        return store.find(id).orElseThrow();
    }

    @Transactional
    public ActivityView cancel(CurrentUser staff, long id) {
        ActivityView a = requireInScope(staff, id);
        if (a.status() == ActivityStatus.CANCELLED) {
            throw DomainException.conflict("activity.already-cancelled");
        }
        store.setStatus(id, ActivityStatus.CANCELLED);
        // the registrations end with the activity; they no longer count towards their members' monthly limit
        List<Long> told = registrations.endAll(a, clock.instant());
        forget(id);
        audit.record("activity.cancel", "activity", id, null);
        events.publishEvent(new ActivityCancelled(id, a.title(), told));
        return store.find(id).orElseThrow();
    }

    /** An activity in the staff user's scope. */
    @Transactional(readOnly = true)
    public ActivityView requireInScope(CurrentUser staff, long id) {
        TreePath scope = scopeOf(staff);
        return store.find(id).filter(a -> scope.contains(a.orgPath()))
                .orElseThrow(() -> DomainException.notFound("activity.not-found"));
    }

    /** The form to edit an activity. */
    @Transactional(readOnly = true)
    public ActivityForm formOf(CurrentUser staff, long id) {
        ActivityView a = requireInScope(staff, id);
        Long eligibleOrg = a.eligibility().orgPath() == null || a.eligibility().orgPath().equals(a.orgPath()) ? null
                : new TreePath(a.eligibility().orgPath()).last();
        return ActivityForm.of(a, eligibleOrg, clock.getZone());
    }

    /** Activities published in the staff user's subtree, newest first, optionally by title. */
    @Transactional(readOnly = true)
    public PageResult<ActivityView> staffList(CurrentUser staff, String text, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scopeOf(staff).likePattern());
        String where = "org_path like :scope";
        if (text != null && !text.isBlank()) {
            where += " and title like :text" + LikePattern.ESCAPE;
            params.put("text", LikePattern.containing(text.trim()));
        }
        return page(where, params, page, size);
    }

    /**
     * What a member may browse: activities open to their organisation (eligible subtree above or at it), not
     * cancelled, still to close or closed in the last 30 days; optionally one category.
     */
    @Transactional(readOnly = true)
    public PageResult<ActivityView> browse(long memberId, ActivityCategory category, int page, int size) {
        MemberView member = directory.require(memberId).member();
        Map<String, Object> params = new HashMap<>();
        params.put("memberPath", member.orgPath());
        params.put("since", ActivityStore.ts(clock.instant().minusSeconds(30L * 86400)));
        String where = "status <> 'CANCELLED' and closes_at > :since"
                + " and :memberPath like concat(coalesce(eligible_path, org_path), '%')";
        if (category != null) {
            where += " and category = :category";
            params.put("category", category.name());
        }
        return page(where, params, page, size);
    }

    /** An activity as a member sees it (anything they could browse). */
    @Transactional(readOnly = true)
    public ActivityView forMember(long memberId, long id) {
        MemberView member = directory.require(memberId).member();
        return catalog.find(id).filter(a -> a.status() != ActivityStatus.CANCELLED)
                .filter(a -> member.orgPath().startsWith(a.eligibility().orgPath() == null ? a.orgPath()
                        : a.eligibility().orgPath()))
                .orElseThrow(() -> DomainException.notFound("activity.not-found"));
    }

    /** An activity without scope, for showing a member's own registrations. */
    public Optional<ActivityView> find(long id) {
        return catalog.find(id);
    }

    @Transactional(readOnly = true)
    public ActivityFigures figures(CurrentUser staff, long id) {
        requireInScope(staff, id);
        return ActivityFigures.of(registrations.countsByStatus(id));
    }

    /**
     * Registrations of an activity for staff, optionally of one status (the waitlist in its order), with who
     * registered (masked, and only for members in the staff user's scope).
     */
    @Transactional(readOnly = true)
    public PageResult<RegistrationListing> registrations(CurrentUser staff, long id, RegistrationStatus status,
            int page, int size) {
        requireInScope(staff, id);
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        PageResult<RegistrationView> rows = PageResult.of(
                registrations.ofActivity(id, status, safeSize + 1, (long) safePage * safeSize), safePage, safeSize);
        var members = registrants.inScope(scopeOf(staff), rows.items().stream().map(RegistrationView::memberId).toList());
        return rows.map(r -> RegistrationListing.of(r, members.get(r.memberId())));
    }

    /** How many places are free now, as the in-memory gate sees it. */
    public int freePlaces(ActivityView a) {
        return a.isLottery() ? a.capacity() : pools.places(a).available();
    }

    public Instant now() {
        return clock.instant();
    }

    private PageResult<ActivityView> page(String where, Map<String, Object> params, int page, int size) {
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        List<ActivityView> rows = store.list(where, params, safeSize + 1, (long) safePage * safeSize);
        return PageResult.of(rows, safePage, safeSize);
    }

    private String eligiblePath(ActivityForm form, TreePath scope) {
        if (form.eligibleOrgId() == null) {
            return scope.value();
        }
        return organisations.requireInScope(form.eligibleOrgId(), scope).path();
    }

    /** Drops the activity's snapshot and pool here, and — from a transaction, after its commit — on every instance. */
    void forget(long id) {
        catalog.forget(id);
        pools.forgetPlaces(id);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            events.publishEvent(new ActivityChanged(id));
        }
    }

    /** An activity changed on another instance (profile cluster): its snapshot and pool here are stale. */
    @org.springframework.context.event.EventListener
    void on(org.gonghui.shared.events.Remote<ActivityChanged> changed) {
        catalog.forget(changed.event().activityId());
        pools.forgetPlaces(changed.event().activityId());
    }

    static TreePath scopeOf(CurrentUser staff) {
        if (staff == null || !staff.isStaff()) {
            throw DomainException.forbidden("error.forbidden");
        }
        return new TreePath(staff.orgPath());
    }
}
