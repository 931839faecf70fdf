import XCTest
@testable import Estate

/// National Grid to WGS84 against Ordnance Survey's published points.
final class BritishNationalGridTests: XCTestCase {
    /// OS's worked example of the inverse projection ("A guide to coordinate systems in Great
    /// Britain", Annex C): E 651409.903, N 313177.270 is OSGB36 52°39'27.2531" N, 1°43'4.5177" E.
    func testInverseProjectionMatchesOrdnanceSurveysWorkedExample() {
        let (phi, lambda) = BritishNationalGrid.osgb36(easting: 651_409.903, northing: 313_177.270)
        let degrees = 180 / Double.pi
        XCTAssertEqual(phi * degrees, 52 + 39.0 / 60 + 27.2531 / 3600, accuracy: 1e-4 / 3600)
        XCTAssertEqual(lambda * degrees, 1 + 43.0 / 60 + 4.5177 / 3600, accuracy: 1e-4 / 3600)
    }

    /// OS's OSTN15 test points in England and Wales (TP01-TP12: ETRS89 latitude and longitude and
    /// the OSGB36 National Grid coordinates OSTN15 gives them). ETRS89 and WGS84 agree to well
    /// under a metre in Britain; the Helmert transformation is documented as about 5 m accurate.
    func testConversionIsWithinFiveMetresOfOrdnanceSurveyTestPoints() {
        let points: [(String, Double, Double, Double, Double)] = [
            ("TP01", 49.92226393730, -6.29977752014, 91492.146, 11318.804),
            ("TP02", 49.96006137820, -5.20304609998, 170370.718, 11572.405),
            ("TP03", 50.43885825610, -4.10864563561, 250359.811, 62016.569),
            ("TP04", 50.57563665000, -1.29782277240, 449816.371, 75335.861),
            ("TP05", 50.93127937910, -1.45051433700, 438710.920, 114792.250),
            ("TP06", 51.40078220140, -3.55128349240, 292184.870, 168003.465),
            ("TP07", 51.37447025550, 1.44454730409, 639821.835, 169565.858),
            ("TP08", 51.42754743020, -2.54407618349, 362269.991, 169978.690),
            ("TP09", 51.48936564950, -0.11992557180, 530624.974, 178388.464),
            ("TP10", 51.85890896400, -4.30852476960, 241124.584, 220332.641),
            ("TP11", 51.89436637350, 0.89724327012, 599445.590, 225722.826),
            ("TP12", 52.25529381630, -2.15458614387, 389544.190, 261912.153),
        ]
        var worst = 0.0
        for (name, latitude, longitude, easting, northing) in points {
            let converted = BritishNationalGrid.wgs84(easting: easting, northing: northing)
            let metres = Geodesy.distanceKm(latitude1: latitude, longitude1: longitude,
                                            latitude2: converted.latitude, longitude2: converted.longitude) * 1000
            XCTAssertLessThan(metres, 5, name)
            worst = max(worst, metres)
        }
        print("BNG -> WGS84 worst error over TP01-TP12: \(worst) m")
    }
}
