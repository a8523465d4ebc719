package org.gonghui.card.merchant;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds outlets of a category nearest a point: a bounding box on the indexed (category, lat, lng) of live merchants
 * (5 km around the point; when fewer outlets than asked lie within 5 km, once more with 100 km), then exact haversine
 * distances in Java, nearest first. At most two index range reads per search. No PostGIS.
 */
@Service
public class OutletFinder {

    static final double FIRST_RADIUS = 5_000;
    static final double LAST_RADIUS = 100_000;

    private final JdbcClient jdbc;
    private final MerchantSettings settings;
    private final PlatformTime time;

    OutletFinder(JdbcClient jdbc, MerchantSettings settings, PlatformTime time) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public List<OutletView> nearest(String category, double lat, double lng, int limit) {
        if (!settings.categories().contains(category)) {
            throw DomainException.invalid("card.merchant.category.invalid");
        }
        if (!Geo.isPoint(lat, lng) || limit < 1 || limit > 50) {
            throw DomainException.invalid("card.merchant.outlet.position");
        }
        Date today = Date.valueOf(time.today());
        for (double r = FIRST_RADIUS; ; r = LAST_RADIUS) {
            double radius = r;
            Geo.Box box = Geo.around(lat, lng, radius);
            List<OutletView> found = new ArrayList<>();
            jdbc.sql("""
                    select o.*, m.name as merchant_name from card_outlet_category c
                    join card_outlet o on o.id = c.outlet_id join card_merchant m on m.id = o.card_merchant_id
                    where c.category = :cat and c.lat between :minLat and :maxLat and c.lng between :minLng and :maxLng
                      and c.live and m.contract_from <= :today and m.contract_until >= :today
                      and (m.discounts_stop_on is null or m.discounts_stop_on > :today)""")
                    .param("cat", category).param("minLat", box.minLat()).param("maxLat", box.maxLat())
                    .param("minLng", box.minLng()).param("maxLng", box.maxLng()).param("today", today)
                    .query((rs, n) -> {
                        long metres = Math.round(Geo.metres(lat, lng, rs.getDouble("lat"), rs.getDouble("lng")));
                        return MerchantStore.outlet(rs, metres);
                    }).list().forEach(found::add);
            List<OutletView> within = new ArrayList<>(found.stream().filter(o -> o.metres() <= radius).toList());
            if (within.size() >= limit || radius >= LAST_RADIUS) {
                within.sort(Comparator.comparingLong(OutletView::metres).thenComparingLong(OutletView::id));
                return List.copyOf(within.subList(0, Math.min(limit, within.size())));
            }
        }
    }
}
