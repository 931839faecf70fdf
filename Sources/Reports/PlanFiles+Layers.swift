import Estate
import Planning

extension PlanFiles {
    /// The plan as GIS layers, one GeoJSON file each (what QGIS opens as separate layers):
    /// `sites.geojson` (points), `areas.geojson` (the areas' outlines where the dataset has
    /// boundaries, their centroids otherwise) and `districts.geojson` (each district's figures,
    /// its geometry the union of its areas' outlines, or none without boundaries).
    /// `estate.geojson` stays the single points file FORMAT.md defines.
    static func sitesLayer(_ context: PlanContext, _ tables: PlanTables) -> String {
        collection(tables.sites.map { row in
            let site = context.dataset.sites[row.site]
            return feature(point(site.longitude, site.latitude), siteProperties(context, row))
        })
    }

    static func areasLayer(_ context: PlanContext) -> String {
        let dataset = context.dataset
        return collection(dataset.areas.indices.map { i in
            let geometry = i < dataset.boundaries.count ? dataset.boundaries[i].map(multiPolygon) : nil
            return feature(geometry ?? point(dataset.areas[i].longitude, dataset.areas[i].latitude), areaProperties(context, i))
        })
    }

    /// `outlines`: `Dataset.districtBoundaries()`, computed once for this layer and the GeoPackage.
    static func districtsLayer(_ context: PlanContext, _ tables: PlanTables, outlines: [Boundary?]) -> String {
        collection(tables.districts.map { row in
            let geometry = row.district < outlines.count ? outlines[row.district].map(multiPolygon) : nil
            return feature(geometry ?? "null", districtProperties(context, row))
        })
    }

    /// A district's figures as layer properties (districts.geojson and the GeoPackage).
    static func districtProperties(_ context: PlanContext, _ row: DistrictRow) -> [(String, FeatureValue)] {
        [
            ("district", .text(context.dataset.districts[row.district])), ("sites_kept", .integer(row.sitesKept)),
            ("sites_closed", .integer(row.sitesClosed)), ("cost", .number(row.cost, decimals: 2)),
            ("carbon", .number(row.carbon, decimals: 3)), ("need", .number(row.need, decimals: 3)),
            ("coverage", .number(row.coverage, decimals: 4)), ("median_minutes", .number(row.medianMinutes, 2)),
            ("worst_minutes", .number(row.worstMinutes, 2)), ("areas_without_hub", .integer(row.areasWithoutHub)),
        ]
    }


    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    static func point(_ longitude: Double, _ latitude: Double) -> String {
        "{\"type\":\"Point\",\"coordinates\":[\(NumberFormat.decimal(longitude, 6)),\(NumberFormat.decimal(latitude, 6))]}"
    }

    /// A boundary as a GeoJSON MultiPolygon, 6 decimals (about 0.1 m).
    static func multiPolygon(_ boundary: Boundary) -> String {
        var text = "{\"type\":\"MultiPolygon\",\"coordinates\":["
        for (k, polygon) in boundary.polygons.enumerated() {
            text += k == 0 ? "[" : ",["
            for (r, ring) in polygon.enumerated() {
                text += r == 0 ? "[" : ",["
                var index = 0
                while index < ring.coordinates.count {
                    if index > 0 { text += "," }
                    text += "[\(NumberFormat.decimal(ring.coordinates[index], 6)),\(NumberFormat.decimal(ring.coordinates[index + 1], 6))]"
                    index += 2
                }
                text += "]"
            }
            text += "]"
        }
        return text + "]}"
    }
}
