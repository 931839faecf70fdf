import Estate

/// What both maps know of an area, whichever map it is on (the plan map's `MapArea`, the
/// difference map's `DifferenceArea`), declared once: its id, district, centroid, children and
/// outline. `MapLayout` frames and orders areas by it, `MapValidation` checks it.
public struct MapAreaBasics: Sendable, Equatable {
    /// Area code, e.g. "E01024100": unique, and the order every layer draws in.
    public var id: String
    /// District the area belongs to.
    public var district: String
    /// Population-weighted centroid, decimal degrees (WGS84).
    public var lat: Double
    /// Decimal degrees (WGS84).
    public var lon: Double
    /// Resident children and young people aged 0-19: shown on hover, and weighting an aggregated
    /// cell's mean need.
    public var children: Double
    /// The area's outline from the dataset's boundary file (WGS84 degrees), or nil: with
    /// outlines the areas are drawn as their real shapes and districts are merged from them.
    public var outline: Boundary?

    public init(id: String, district: String, lat: Double, lon: Double, children: Double, outline: Boundary?) {
        self.id = id
        self.district = district
        self.lat = lat
        self.lon = lon
        self.children = children
        self.outline = outline
    }
}

/// A place of either map, an area or a site: its `basics`, read and written as if they were its
/// own fields (`area.district`, `site.name`, `area.outline = nil`).
@dynamicMemberLookup
public protocol MapPlaced {
    associatedtype Basics
    var basics: Basics { get set }
}

extension MapPlaced {
    @inlinable
    public subscript<T>(dynamicMember field: WritableKeyPath<Basics, T>) -> T {
        get { basics[keyPath: field] }
        set { basics[keyPath: field] = newValue }
    }
}

/// An area of either map (`MapArea`, `DifferenceArea`).
public protocol MapPlacedArea: MapPlaced where Basics == MapAreaBasics {}

/// What both maps know of a site, whichever map it is on (the plan map's `MapSite`, the
/// difference map's `DifferenceSite`), declared once: its id, name, kind, district and position.
public struct MapSiteBasics: Sendable, Equatable {
    /// Site id from `sites.csv`.
    public var id: String
    /// Building name, shown on hover and in the printed map's key.
    public var name: String
    /// `childrens_centre`, `youth_hub`, `family_hub`, `partner`, ...
    public var kind: String
    /// District the building is in.
    public var district: String
    /// Decimal degrees (WGS84).
    public var lat: Double
    /// Decimal degrees (WGS84).
    public var lon: Double
    // Built only by `MapSite` and `DifferenceSite`'s initialisers, so the memberwise one serves.
}

/// A site of either map (`MapSite`, `DifferenceSite`).
public protocol MapPlacedSite: MapPlaced where Basics == MapSiteBasics {}

extension MapArea: MapPlacedArea {}
extension DifferenceArea: MapPlacedArea {}
extension MapSite: MapPlacedSite {}
extension DifferenceSite: MapPlacedSite {}
