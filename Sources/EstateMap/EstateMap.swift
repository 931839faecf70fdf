/// The estate map: a plan drawn as a standalone SVG (`estate.svg`) or a self-contained,
/// offline HTML page with hover details, layer toggles and the district table (`estate.html`).
/// Both are deterministic: the same data gives byte-identical text.
public enum EstateMap {
    /// Drawing choices that are not data.
    public struct Options: Sendable, Equatable {
        /// Above this many areas the map bins areas into grid cells (one mark and one tooltip per
        /// cell) so that a 35,000-area county still opens in a couple of seconds.
        public var aggregateAbove: Int
        /// Side of an aggregation cell, canvas pixels (the map box is 900 pixels wide).
        public var cellSize: Double
        /// Most points the areas' outlines may take on the map (each shared border counted once
        /// per area drawing it): beyond it, borders are simplified further, never apart. About
        /// 7 bytes a point: the default keeps the shapes near 2 MB of SVG.
        public var outlinePoints: Int

        public init(aggregateAbove: Int = 4000, cellSize: Double = 9, outlinePoints: Int = 300_000) {
            self.aggregateAbove = aggregateAbove
            self.cellSize = cellSize
            self.outlinePoints = outlinePoints
        }
    }

    /// The plan as a standalone SVG document (valid XML, with the SVG namespace).
    public static func svg(_ data: EstateMapData, options: Options = Options()) throws(MapDataError) -> String {
        try data.validate()
        return PlanMapRenderer(data: data, options: options).document(standalone: true)
    }

    /// The plan as one self-contained HTML page: inline SVG, CSS and script, no network request.
    public static func html(_ data: EstateMapData, options: Options = Options()) throws(MapDataError) -> String {
        try data.validate()
        return page(PlanMapRenderer(data: data, options: options))
    }

    /// Both files of a plan from one drawing (about half the time of `svg` then `html`): what a
    /// plan writes as `estate.svg` and `estate.html`.
    public static func files(_ data: EstateMapData, options: Options = Options()) throws(MapDataError) -> (svg: String, html: String) {
        try data.validate()
        let renderer = PlanMapRenderer(data: data, options: options)
        return (renderer.document(standalone: true), page(renderer))
    }

    private static func page(_ renderer: PlanMapRenderer) -> String {
        HTMLPage(title: renderer.data.title + " — " + renderer.data.subtitle, svg: renderer.document(standalone: false),
                 toggles: renderer.toggles, hover: renderer.hover, table: renderer.data.districtTable,
                 notices: renderer.data.notices, choices: renderer.services.choices).text
    }

    /// Two options compared: areas by coverage change, sites by decision change, as standalone SVG.
    public static func differenceSVG(_ data: DifferenceMapData, options: Options = Options()) throws(MapDataError) -> String {
        try data.validate()
        return DifferenceMapRenderer(data: data, options: options).document(standalone: true)
    }

    /// The difference map as one self-contained HTML page with hover details and the side-by-side table.
    public static func differenceHTML(_ data: DifferenceMapData, options: Options = Options()) throws(MapDataError) -> String {
        try data.validate()
        let renderer = DifferenceMapRenderer(data: data, options: options)
        return HTMLPage(
            title: data.title + " — " + data.optionA + " vs " + data.optionB,
            svg: renderer.document(standalone: false),
            toggles: renderer.toggles,
            hover: renderer.hover,
            table: data.districtTable,
            notices: data.notices,
            choices: renderer.choices,
            baseChoice: "none (any building)",
            serviceTable: data.serviceTable
        ).text
    }
}
