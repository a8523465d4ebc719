package org.gonghui.activity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The in-memory pools of free place numbers (per activity) and voucher serial numbers (per offer), loaded
 * from the database on first use and after anything that may have made them stale.
 */
@Component
class NumberPools {

    private final JdbcClient jdbc;
    private final Map<Long, NumberPool> places = new ConcurrentHashMap<>();
    private final Map<Long, NumberPool> serials = new ConcurrentHashMap<>();

    NumberPools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NumberPool places(ActivityView activity) {
        NumberPool pool = places.computeIfAbsent(activity.id(), id -> new NumberPool(activity.capacity(),
                jdbc.sql("select place_no from registration where activity_id = :id and place_no is not null")
                        .param("id", id).query(Integer.class).list()));
        if (pool.capacity() != activity.capacity()) {
            places.remove(activity.id(), pool);
            return places(activity);
        }
        return pool;
    }

    NumberPool serials(long offerId, int total) {
        NumberPool pool = serials.computeIfAbsent(offerId, id -> new NumberPool(total,
                jdbc.sql("select serial_no from voucher where offer_id = :id").param("id", id).query(Integer.class).list()));
        if (pool.capacity() != total) {
            serials.remove(offerId, pool);
            return serials(offerId, total);
        }
        return pool;
    }

    void forgetPlaces(long activityId) {
        places.remove(activityId);
    }

    void forgetSerials(long offerId) {
        serials.remove(offerId);
    }

    /** Places given back after a commit that freed them (cancellation with nobody waiting). */
    void givePlaces(ActivityView activity, List<Integer> numbers) {
        NumberPool pool = places.get(activity.id());
        if (pool != null) {
            numbers.forEach(pool::release);
        }
    }
}
