import Estate
import Foundation

/// The file part of `dataset.yaml` (which may also hold the dataset's provenance,
/// `illustrative` and `caveats`): how the files a council actually has (as ONS, the deprivation release and
/// its own property list publish them) make an Estate dataset. Without it, a dataset folder is
/// FORMAT.md's `areas.csv` and `sites.csv`; with it, the manifest names the files, the column
/// that plays each role, the coordinate reference system and derived columns, and the reader
/// assembles the same plain tables from them (see `ManifestAssembler`).
///
/// ```yaml
/// areas:                        # the first file lists the areas; the others join by area code
///   - file: LSOA21_WD22_LAD22_EW_LU.csv
///     key: LSOA21CD
///     where: {LAD22CD: [E07000105, E07000106]}
///     columns: {district: LAD22NM}
///   - file: LSOA_PopCentroids_EW_2021_V3.csv
///     key: LSOA21CD
///     crs: EPSG:27700           # easting/northing in metres, converted to WGS84
///     columns: {easting: x, northing: y}
///   - file: sapelsoasyoa2022.csv
///     key: LSOA 2021 Code
///     columns:
///       children: {sum: ["F{0..19}", "M{0..19}"]}
/// sites:
///   file: buildings.csv
///   columns: {site_id: ref, kind: type, annual_cost: cost}
/// ```
public struct DatasetManifest: Sendable, Hashable {
    /// How one target column is made from a source file.
    public enum ColumnSource: Sendable, Hashable {
        /// A source column, its numbers multiplied by `scale` (1: copied as it is).
        case column(String, scale: Double)
        /// The sum of several numeric source columns (e.g. single years of age), times `scale`.
        case sum([String], scale: Double)
    }

    /// One target column: its name in FORMAT.md's layout (`district`, `children`, an indicator
    /// such as `imd_score`, or `easting`/`northing` under EPSG:27700) and where it comes from.
    public struct Column: Sendable, Hashable {
        public var target: String
        public var source: ColumnSource
        /// Line of the entry in `dataset.yaml`, for messages.
        public var line: Int?
    }

    /// Coordinate reference systems a file's coordinates may be in.
    public enum CRS: String, Sendable, Hashable {
        /// WGS84 latitude and longitude in decimal degrees (`lat`, `lon`).
        case wgs84 = "EPSG:4326"
        /// British National Grid eastings and northings in metres (`easting`, `northing`).
        case britishNationalGrid = "EPSG:27700"
    }

    /// One source file.
    public struct File: Sendable, Hashable {
        /// File name, relative to the dataset folder.
        public var file: String
        /// The column holding the row's code (area code, or site id for sites).
        public var key: String?
        /// The coordinates' reference system.
        public var crs: CRS
        /// Rows kept: a row is kept when, for every listed column, its value is one of those
        /// given (only for the first area file, which lists the areas, and for the sites file).
        public var filter: [(column: String, values: Set<String>)]
        /// Target columns, in manifest order.
        public var columns: [Column]
        /// Line of the file's entry in `dataset.yaml`.
        public var line: Int?

        public static func == (a: File, b: File) -> Bool {
            a.file == b.file && a.key == b.key && a.crs == b.crs && a.columns == b.columns && a.line == b.line
                && a.filter.map(\.column) == b.filter.map(\.column) && a.filter.map(\.values) == b.filter.map(\.values)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(file)
            hasher.combine(key)
        }
    }

    /// Area files: the first lists the areas, each other one joins by area code.
    public var areas: [File]
    /// The sites file.
    public var sites: File
    /// `usage.csv` in FORMAT.md's layout, when there is one (relative to the folder).
    public var usage: String?
    /// `travel.csv` in FORMAT.md's layout, when there is one.
    public var travel: String?
    /// The areas' outlines (GeoJSON or GeoPackage), keyed by area code, when given.
    public var boundaries: File?
}
