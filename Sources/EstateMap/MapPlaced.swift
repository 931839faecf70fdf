import Estate

/// What both maps know of an area, whichever map it is on (the plan map's `MapArea`, the
/// difference map's `DifferenceArea`): its id (the drawing order, and unique), its centroid,
/// district and outline. `MapLayout` frames and orders areas by it, `MapValidation` checks it.
protocol MapPlacedArea {
    var id: String { get }
    var lat: Double { get }
    var lon: Double { get }
    var district: String { get }
    var outline: Boundary? { get }
}

/// What both maps know of a site (`MapSite`, `DifferenceSite`): its id and position.
protocol MapPlacedSite {
    var id: String { get }
    var lat: Double { get }
    var lon: Double { get }
}

extension MapArea: MapPlacedArea {}
extension DifferenceArea: MapPlacedArea {}
extension MapSite: MapPlacedSite {}
extension DifferenceSite: MapPlacedSite {}
