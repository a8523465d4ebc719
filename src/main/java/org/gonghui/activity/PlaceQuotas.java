package org.gonghui.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotas by organisation: staff split a first-come activity's places between organisations of their subtree
 * (typically districts), each share kept for that organisation's members until a release time, when the
 * places still free return to the common pool. Quotas are laid out as ranges of place numbers from place 1;
 * the rest is the common pool from the start.
 */
@Service
public class PlaceQuotas {

    private final Activities activities;
    private final ActivityCatalog catalog;
    private final NumberPools pools;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PlaceQuotas(Activities activities, ActivityCatalog catalog, NumberPools pools, Organisations organisations,
            JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.activities = activities;
        this.catalog = catalog;
        this.pools = pools;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The activity's quotas as staff see them. */
    @Transactional(readOnly = true)
    public QuotaPlan of(CurrentUser staff, long activityId) {
        activities.requireInScope(staff, activityId);
        return pools.quotaPlan(activityId);
    }

    /** The form to edit the quotas, with organisation codes. */
    @Transactional(readOnly = true)
    public QuotaForm formOf(CurrentUser staff, long activityId) {
        QuotaPlan plan = of(staff, activityId);
        Map<Long, String> codes = new LinkedHashMap<>();
        organisations.findAll(plan.quotas().stream().map(PlaceQuota::orgId).toList())
                .forEach((id, o) -> codes.put(id, o.code() == null ? String.valueOf(id) : o.code()));
        return QuotaForm.of(plan, codes, clock.getZone());
    }

    /** How the places stand: per quota and the common pool, held and free. */
    @Transactional(readOnly = true)
    public List<QuotaUse> usage(CurrentUser staff, long activityId) {
        ActivityView a = activities.requireInScope(staff, activityId);
        QuotaPlan plan = pools.quotaPlan(activityId);
        List<Integer> held = jdbc.sql("""
                select place_no from registration where activity_id = :a and place_no is not null""")
                .param("a", activityId).query(Integer.class).list();
        List<QuotaUse> uses = new ArrayList<>();
        int inQuotas = 0;
        for (PlaceQuota q : plan.quotas()) {
            int h = (int) held.stream().filter(q::holds).count();
            uses.add(new QuotaUse(q.orgId(), q.orgName(), q.places(), h));
            inQuotas += h;
        }
        uses.add(new QuotaUse(null, null, Math.max(0, a.capacity() - plan.reserved()), held.size() - inQuotas));
        return uses;
    }

    /**
     * Replaces the activity's quotas (an empty list removes them). Only while no place is held, since a held
     * place would change hands; refused for lotteries, whose draw has no quotas.
     */
    @Transactional
    public QuotaPlan set(CurrentUser staff, long activityId, QuotaForm form) {
        ActivityView a = activities.requireInScope(staff, activityId);
        if (a.isLottery()) {
            throw DomainException.invalid("activity.quota.first-come-only");
        }
        if (a.status() != ActivityStatus.PUBLISHED) {
            throw DomainException.conflict("activity.not-editable");
        }
        List<QuotaForm.Line> lines = form == null ? List.of() : form.parsed();
        Instant releaseAt = form == null || form.releaseAt() == null ? null
                : form.releaseAt().atZone(clock.getZone()).toInstant();
        if (releaseAt != null && !releaseAt.isBefore(a.closesAt())) {
            throw DomainException.invalid("activity.quota.release.after-close");
        }
        Integer heldPlaces = jdbc.sql("""
                select count(*) from registration where activity_id = :a and place_no is not null""")
                .param("a", activityId).query(Integer.class).single();
        if (heldPlaces > 0) {
            throw DomainException.conflict("activity.quota.places-held", heldPlaces);
        }
        TreePath scope = Activities.scopeOf(staff);
        String eligible = a.eligibility().orgPath() == null ? a.orgPath() : a.eligibility().orgPath();
        List<OrganisationView> orgs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int total = 0;
        for (QuotaForm.Line line : lines) {
            OrganisationView org = resolve(line.org(), scope);
            if (!org.path().startsWith(eligible)) {
                throw DomainException.invalid("activity.quota.org.not-eligible", org.name());
            }
            if (!seen.add(org.id())) {
                throw DomainException.invalid("activity.quota.org.twice", org.name());
            }
            for (OrganisationView other : orgs) {
                if (other.path().startsWith(org.path()) || org.path().startsWith(other.path())) {
                    throw DomainException.invalid("activity.quota.org.nested", other.name(), org.name());
                }
            }
            orgs.add(org);
            total += line.places();
        }
        if (total > a.capacity()) {
            throw DomainException.invalid("activity.quota.over-capacity", total, a.capacity());
        }
        jdbc.sql("delete from activity_quota where activity_id = :a").param("a", activityId).update();
        jdbc.sql("delete from activity_quota_plan where activity_id = :a").param("a", activityId).update();
        if (!lines.isEmpty()) {
            jdbc.sql("""
                    insert into activity_quota_plan (activity_id, release_at, updated_at, updated_by)
                    values (:a, :r, :now, :by)""")
                    .param("a", activityId).param("r", releaseAt == null ? null : Timestamp.from(releaseAt))
                    .param("now", Timestamp.from(clock.instant())).param("by", staff.getUsername()).update();
            int first = 1;
            for (int i = 0; i < lines.size(); i++) {
                jdbc.sql("""
                        insert into activity_quota (activity_id, org_id, first_place, places)
                        values (:a, :o, :f, :p)""")
                        .param("a", activityId).param("o", orgs.get(i).id()).param("f", first)
                        .param("p", lines.get(i).places()).update();
                first += lines.get(i).places();
            }
        }
        audit.record("activity.quota.set", "activity", activityId, describe(orgs, lines, releaseAt));
        forgetAfterCommit(activityId);
        return pools.quotaPlan(activityId);
    }

    /** Returns the quotas' unused places to the common pool now. */
    @Transactional
    public QuotaPlan releaseNow(CurrentUser staff, long activityId) {
        activities.requireInScope(staff, activityId);
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update activity_quota_plan set release_at = :now, updated_at = :now, updated_by = :by
                where activity_id = :a and (release_at is null or release_at > :now)""")
                .param("now", Timestamp.from(now)).param("by", staff.getUsername()).param("a", activityId).update();
        if (changed == 0) {
            throw DomainException.conflict("activity.quota.nothing-to-release");
        }
        audit.record("activity.quota.release", "activity", activityId, null);
        forgetAfterCommit(activityId);
        return pools.quotaPlan(activityId);
    }

    /** Whether the quotas are released (or there are none) for the activity at this moment. */
    public boolean releasedNow(long activityId) {
        QuotaPlan plan = pools.quotaPlan(activityId);
        return plan.isEmpty() || plan.releasedAt(clock.instant());
    }

    private OrganisationView resolve(String ref, TreePath scope) {
        String key = ref.trim();
        Optional<OrganisationView> byCode = organisations.findByCode(key);
        if (byCode.isPresent()) {
            OrganisationView o = byCode.get();
            if (!scope.contains(o.path())) {
                throw DomainException.invalid("activity.quota.org.unknown", key);
            }
            return o;
        }
        if (key.matches("\\d{1,18}")) {
            try {
                return organisations.requireInScope(Long.parseLong(key), scope);
            } catch (DomainException e) {
                throw DomainException.invalid("activity.quota.org.unknown", key);
            }
        }
        throw DomainException.invalid("activity.quota.org.unknown", key);
    }

    private static String describe(List<OrganisationView> orgs, List<QuotaForm.Line> lines, Instant releaseAt) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < orgs.size(); i++) {
            s.append(orgs.get(i).id()).append('=').append(lines.get(i).places()).append(' ');
        }
        return s.append("release=").append(releaseAt).toString();
    }

    private void forgetAfterCommit(long activityId) {
        activities.forget(activityId);
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        activities.forget(activityId);
                    }
                });
    }

    /** How one quota (or, with a null organisation, the common pool) stands. */
    public record QuotaUse(Long orgId, String orgName, int places, int held) {
        public int free() {
            return Math.max(0, places - held);
        }

        public boolean common() {
            return orgId == null;
        }
    }
}
