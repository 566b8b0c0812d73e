package de.auseinerhand.matching;

/** A municipality with the coordinates of its centre (WGS 84). */
public record Place(String ags, String name, double latitude, double longitude) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** Great-circle distance in whole kilometres (haversine, rounded half up). */
    public int kmTo(Place other) {
        double la1 = Math.toRadians(latitude);
        double la2 = Math.toRadians(other.latitude);
        double dLa = la2 - la1;
        double dLo = Math.toRadians(other.longitude - longitude);
        double h = Math.sin(dLa / 2) * Math.sin(dLa / 2) + Math.cos(la1) * Math.cos(la2) * Math.sin(dLo / 2) * Math.sin(dLo / 2);
        return (int) Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h)));
    }
}
