package org.gonghui.card.merchant;

/** Distances on the earth (haversine, mean radius) and the bounding box that prefilters outlets around a point. */
public final class Geo {

    static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS_M / 180;

    private Geo() {
    }

    /** Great-circle distance in metres between two points given in degrees. */
    public static double metres(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** A box of degrees holding every point within {@code radius} metres of the centre (a little more near the corners). */
    public record Box(double minLat, double maxLat, double minLng, double maxLng) {
    }

    public static Box around(double lat, double lng, double radius) {
        double dLat = radius / METRES_PER_DEGREE;
        double cos = Math.cos(Math.toRadians(Math.min(89.0, Math.abs(lat) + dLat)));
        double dLng = Math.min(180, radius / (METRES_PER_DEGREE * cos));
        return new Box(Math.max(-90, lat - dLat), Math.min(90, lat + dLat), lng - dLng, lng + dLng);
    }

    public static boolean isPoint(Double lat, Double lng) {
        return lat != null && lng != null && Double.isFinite(lat) && Double.isFinite(lng) && Math.abs(lat) <= 90
                && Math.abs(lng) <= 180;
    }
}
