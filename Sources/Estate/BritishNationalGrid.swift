import Foundation

/// British National Grid (EPSG:27700) eastings and northings to WGS84 latitude and longitude,
/// as ONS publishes small-area centroids (`x`, `y` in metres).
///
/// Two steps, both from Ordnance Survey's "A guide to coordinate systems in Great Britain":
/// 1. the inverse Transverse Mercator projection on the Airy 1830 ellipsoid (Annex C), giving
///    OSGB36 latitude and longitude, exact to well under a millimetre;
/// 2. a seven-parameter Helmert transformation from OSGB36 to WGS84 (section 6.6, the published
///    WGS84 -> OSGB36 parameters with their signs reversed), through Cartesian coordinates.
///
/// The Helmert step is the approximation: OSGB36 is not a uniform shift of WGS84, and OS quotes
/// about 5 m accuracy for it over Great Britain (the exact transformation, OSTN15, is a 1 km
/// correction grid of several megabytes that we do not ship). Five metres is far below the
/// resolution of a travel-time estimate. We write the transformation ourselves because no
/// package in reach does it without native PROJ.
public enum BritishNationalGrid {
    /// Airy 1830 ellipsoid (OSGB36): semi-major and semi-minor axes, metres.
    static let airyA = 6_377_563.396, airyB = 6_356_256.909
    /// GRS80 ellipsoid (WGS84 to within a millimetre): axes, metres.
    static let grs80A = 6_378_137.000, grs80B = 6_356_752.314140
    /// National Grid projection: central meridian scale, true origin (49 N, 2 W), false origin (m).
    static let scale = 0.9996012717, originLatitude = 49.0, originLongitude = -2.0
    static let falseEasting = 400_000.0, falseNorthing = -100_000.0
    /// OSGB36 -> WGS84 Helmert parameters: translations (m), scale (ppm), rotations (arc seconds).
    static let tx = 446.448, ty = -125.157, tz = 542.060, sppm = -20.4894
    static let rx = 0.1502, ry = 0.2470, rz = 0.8421

    /// WGS84 latitude and longitude (degrees) of a National Grid easting and northing (metres).
    public static func wgs84(easting: Double, northing: Double) -> (latitude: Double, longitude: Double) {
        let (phi, lambda) = osgb36(easting: easting, northing: northing)
        return helmertToWGS84(latitude: phi, longitude: lambda)
    }

    /// OSGB36 latitude and longitude (radians) by the inverse Transverse Mercator projection
    /// (OS guide, Annex C, equations C1-C9 iterated to 0.01 mm).
    static func osgb36(easting: Double, northing: Double) -> (Double, Double) {
        let a = airyA, b = airyB, f0 = scale
        let radians = Double.pi / 180
        let phi0 = originLatitude * radians, lambda0 = originLongitude * radians
        let e2 = (a * a - b * b) / (a * a)
        let n = (a - b) / (a + b), n2 = n * n, n3 = n2 * n
        func meridional(_ phi: Double) -> Double {
            let d = phi - phi0, s = phi + phi0
            return b * f0 * ((1 + n + 1.25 * n2 + 1.25 * n3) * d
                - (3 * n + 3 * n2 + 21.0 / 8 * n3) * sin(d) * cos(s)
                + (15.0 / 8 * n2 + 15.0 / 8 * n3) * sin(2 * d) * cos(2 * s)
                - 35.0 / 24 * n3 * sin(3 * d) * cos(3 * s))
        }
        var phi = (northing - falseNorthing) / (a * f0) + phi0
        var m = meridional(phi)
        var iterations = 0
        while abs(northing - falseNorthing - m) >= 0.00001 && iterations < 100 {
            phi += (northing - falseNorthing - m) / (a * f0)
            m = meridional(phi)
            iterations += 1
        }
        let sinPhi = sin(phi), cosPhi = cos(phi), tanPhi = tan(phi)
        let nu = a * f0 / (1 - e2 * sinPhi * sinPhi).squareRoot()
        let rho = a * f0 * (1 - e2) / pow(1 - e2 * sinPhi * sinPhi, 1.5)
        let eta2 = nu / rho - 1
        let tan2 = tanPhi * tanPhi, tan4 = tan2 * tan2, tan6 = tan4 * tan2
        let secPhi = 1 / cosPhi
        let vii = tanPhi / (2 * rho * nu)
        let viii = tanPhi / (24 * rho * pow(nu, 3)) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2)
        let ix = tanPhi / (720 * rho * pow(nu, 5)) * (61 + 90 * tan2 + 45 * tan4)
        let x = secPhi / nu
        let xi = secPhi / (6 * pow(nu, 3)) * (nu / rho + 2 * tan2)
        let xii = secPhi / (120 * pow(nu, 5)) * (5 + 28 * tan2 + 24 * tan4)
        let xiia = secPhi / (5040 * pow(nu, 7)) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan6)
        let de = easting - falseEasting
        let de2 = de * de, de3 = de2 * de, de4 = de3 * de, de5 = de4 * de, de6 = de5 * de, de7 = de6 * de
        let latitude = phi - vii * de2 + viii * de4 - ix * de6
        let longitude = lambda0 + x * de - xi * de3 + xii * de5 - xiia * de7
        return (latitude, longitude)
    }

    /// OSGB36 (radians, Airy 1830) to WGS84 (degrees) by the Helmert transformation, with the
    /// ellipsoidal height taken as 0 (it moves the horizontal position by millimetres).
    static func helmertToWGS84(latitude phi: Double, longitude lambda: Double) -> (latitude: Double, longitude: Double) {
        // Geodetic -> Cartesian on Airy 1830.
        let e2 = 1 - (airyB * airyB) / (airyA * airyA)
        let nu = airyA / (1 - e2 * sin(phi) * sin(phi)).squareRoot()
        let x1 = nu * cos(phi) * cos(lambda), y1 = nu * cos(phi) * sin(lambda), z1 = nu * (1 - e2) * sin(phi)
        // Small-angle Helmert: X2 = T + (1 + s) R X1.
        let arcSecond = Double.pi / (180 * 3600)
        let s = sppm * 1e-6, rX = rx * arcSecond, rY = ry * arcSecond, rZ = rz * arcSecond
        let x2 = tx + (1 + s) * x1 - rZ * y1 + rY * z1
        let y2 = ty + rZ * x1 + (1 + s) * y1 - rX * z1
        let z2 = tz - rY * x1 + rX * y1 + (1 + s) * z1
        // Cartesian -> geodetic on GRS80, iterating the latitude (converges in a few steps).
        let e2w = 1 - (grs80B * grs80B) / (grs80A * grs80A)
        let p = (x2 * x2 + y2 * y2).squareRoot()
        var latitude = atan2(z2, p * (1 - e2w))
        for _ in 0..<10 {
            let nuW = grs80A / (1 - e2w * sin(latitude) * sin(latitude)).squareRoot()
            latitude = atan2(z2 + e2w * nuW * sin(latitude), p)
        }
        let degrees = 180 / Double.pi
        return (latitude * degrees, atan2(y2, x2) * degrees)
    }
}
