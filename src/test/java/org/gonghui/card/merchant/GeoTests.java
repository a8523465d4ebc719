package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GeoTests {

    @Test
    void knownDistances() {
        assertThat(Geo.metres(29.87, 121.55, 29.87, 121.55)).isZero();
        // one degree of latitude is about 111.2 km everywhere
        assertThat(Geo.metres(29.0, 121.5, 30.0, 121.5)).isCloseTo(111_195, within(50.0));
        // Ningbo's Tianyi Square to Shanghai People's Square, about 150 km as the crow flies
        assertThat(Geo.metres(29.8713, 121.5540, 31.2323, 121.4752)).isCloseTo(151_500, within(1_500.0));
        // symmetric
        assertThat(Geo.metres(29.8, 121.5, 29.9, 121.7)).isEqualTo(Geo.metres(29.9, 121.7, 29.8, 121.5));
    }

    @Test
    void theBoundingBoxHoldsEveryPointWithinTheRadius() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double lat = 29.0 + random.nextDouble() * 2;
            double lng = 121.0 + random.nextDouble() * 1.5;
            double radius = 500 + random.nextDouble() * 20_000;
            double pLat = lat + (random.nextDouble() - 0.5) * 0.5;
            double pLng = lng + (random.nextDouble() - 0.5) * 0.5;
            Geo.Box box = Geo.around(lat, lng, radius);
            if (Geo.metres(lat, lng, pLat, pLng) <= radius) {
                assertThat(pLat).isBetween(box.minLat(), box.maxLat());
                assertThat(pLng).isBetween(box.minLng(), box.maxLng());
            }
        }
    }

    @Test
    void pointsOutsideTheEarthAreNotPoints() {
        assertThat(Geo.isPoint(29.8, 121.5)).isTrue();
        assertThat(Geo.isPoint(91.0, 121.5)).isFalse();
        assertThat(Geo.isPoint(29.8, 181.0)).isFalse();
        assertThat(Geo.isPoint(Double.NaN, 121.5)).isFalse();
        assertThat(Geo.isPoint(null, 121.5)).isFalse();
    }
}
