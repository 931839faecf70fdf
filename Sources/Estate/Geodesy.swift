import Foundation

/// Great-circle geometry on a spherical Earth.
public enum Geodesy {
    /// Mean Earth radius (IUGG), kilometres.
    public static let earthRadiusKm = 6371.0088

    /// Haversine great-circle distance in kilometres between two points in decimal degrees.
    @inlinable
    public static func distanceKm(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
        let radians = Double.pi / 180
        let phi1 = latitude1 * radians, phi2 = latitude2 * radians
        let sinHalfDeltaPhi = sin((phi2 - phi1) / 2)
        let sinHalfDeltaLambda = sin((longitude2 - longitude1) * radians / 2)
        let h = sinHalfDeltaPhi * sinHalfDeltaPhi + cos(phi1) * cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda
        return 2 * earthRadiusKm * asin(min(1, h.squareRoot()))
    }
}
