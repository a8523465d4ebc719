package org.gonghui.activity;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The in-memory pools of free place numbers (per activity, split by its quotas) and voucher serial numbers
 * (per offer), loaded from the database on first use and after anything that may have made them stale.
 */
@Component
class NumberPools {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final boolean severalInstances;
    private final Map<Long, ActivityPlaces> places = new ConcurrentHashMap<>();
    private final Map<Long, NumberPool> serials = new ConcurrentHashMap<>();

    /**
     * With several instances ({@code gonghui.cluster.enabled}, the profile {@code cluster}) a pool loaded from the
     * database starts at a random free number rather than the lowest: instances that load a pool at the same moment
     * (the first registration of a rush, an activity changed) would otherwise all hand out the same first numbers.
     * One instance alone hands out places in order from place 1.
     */
    NumberPools(JdbcClient jdbc, Organisations organisations,
            @org.springframework.beans.factory.annotation.Value("${gonghui.cluster.enabled:false}") boolean severalInstances) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.severalInstances = severalInstances;
    }

    ActivityPlaces places(ActivityView activity) {
        ActivityPlaces pool = places.computeIfAbsent(activity.id(), id -> {
            ActivityPlaces loaded = new ActivityPlaces(activity.capacity(), quotaPlan(id), placesHeld(id));
            if (severalInstances) {
                loaded.scatter();
            }
            return loaded;
        });
        if (pool.capacity() != activity.capacity()) {
            places.remove(activity.id(), pool);
            return places(activity);
        }
        return pool;
    }

    private List<Integer> placesHeld(long activityId) {
        return jdbc.sql("select place_no from registration where activity_id = :id and place_no is not null")
                .param("id", activityId).query(Integer.class).list();
    }

    /**
     * A place handed out by this instance's pool was found held by a stored row — another instance's, whose pool
     * hands out the same numbers. The pool learns the places stored now and goes on elsewhere in its range; it is
     * not thrown away, so the places in flight here stay known (a new pool would hand them out again). Returns
     * the activity's pool.
     */
    ActivityPlaces placeTakenElsewhere(ActivityView activity, int place) {
        ActivityPlaces pool = places(activity);
        pool.takenElsewhere(place, () -> placesHeld(activity.id()));
        return pool;
    }

    /** The same for a voucher serial number. */
    NumberPool serialTakenElsewhere(long offerId, int total) {
        NumberPool pool = serials(offerId, total);
        pool.learnTaken(serialsHeld(offerId));
        pool.scatter();
        return pool;
    }

    private List<Integer> serialsHeld(long offerId) {
        return jdbc.sql("select serial_no from voucher where offer_id = :id").param("id", offerId)
                .query(Integer.class).list();
    }

    /** The activity's pool if it is in memory and matches the activity's capacity; never loads. */
    ActivityPlaces placesIfLoaded(ActivityView activity) {
        ActivityPlaces pool = places.get(activity.id());
        return pool != null && pool.capacity() == activity.capacity() ? pool : null;
    }

    /** The activity's quotas as stored, with the organisations' current paths and names. */
    QuotaPlan quotaPlan(long activityId) {
        record Stored(long orgId, int first, int places) {
        }
        List<Stored> rows = jdbc.sql("""
                select org_id, first_place, places from activity_quota where activity_id = :id order by first_place""")
                .param("id", activityId).query((rs, n) -> new Stored(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
                .list();
        if (rows.isEmpty()) {
            return QuotaPlan.NONE;
        }
        Timestamp releaseAt = jdbc.sql("select release_at from activity_quota_plan where activity_id = :id")
                .param("id", activityId).query(Timestamp.class).optional().orElse(null);
        Map<Long, OrganisationView> orgs = organisations.findAll(rows.stream().map(Stored::orgId).toList());
        List<PlaceQuota> quotas = rows.stream().map(r -> {
            OrganisationView o = orgs.get(r.orgId());
            // an organisation gone from the tree covers nobody: its places wait for the release
            return new PlaceQuota(r.orgId(), o == null ? "/-/" : o.path(), o == null ? null : o.name(), r.first(),
                    r.places());
        }).toList();
        return new QuotaPlan(quotas, releaseAt == null ? null : releaseAt.toInstant());
    }

    NumberPool serials(long offerId, int total) {
        NumberPool pool = serials.computeIfAbsent(offerId, id -> {
            NumberPool loaded = new NumberPool(total, serialsHeld(id));
            if (severalInstances) {
                loaded.scatter();
            }
            return loaded;
        });
        if (pool.capacity() != total) {
            serials.remove(offerId, pool);
            return serials(offerId, total);
        }
        return pool;
    }

    /** The offer's serial numbers if they are in memory and match its total; never loads. */
    NumberPool serialsIfLoaded(long offerId, int total) {
        NumberPool pool = serials.get(offerId);
        return pool != null && pool.capacity() == total ? pool : null;
    }

    /** An organisation moved (here or on another instance): the quotas' paths changed, every pool reloads. */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(org.gonghui.organisation.OrganisationMoved moved) {
        places.clear();
    }

    @org.springframework.context.event.EventListener
    void onMoved(org.gonghui.shared.events.Remote<org.gonghui.organisation.OrganisationMoved> moved) {
        places.clear();
    }

    void forgetPlaces(long activityId) {
        places.remove(activityId);
    }

    void forgetSerials(long offerId) {
        serials.remove(offerId);
    }

    /** Places given back after a commit that freed them (cancellation with nobody waiting). */
    void givePlaces(ActivityView activity, List<Integer> numbers) {
        ActivityPlaces pool = places.get(activity.id());
        if (pool != null) {
            numbers.forEach(pool::release);
        }
    }
}
