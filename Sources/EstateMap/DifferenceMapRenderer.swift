import XMLText

/// Draws a `DifferenceMapData`: areas coloured by how their coverage moves from option A to B,
/// sites by how their decision moves, over the same districts, scale bar and north arrow.
struct DifferenceMapRenderer {
    let data: DifferenceMapData
    /// Canvas, pixels, grid cells, area shapes (the areas' own outlines when the dataset has
    /// boundaries) and district outlines, as the plan map has them.
    let layout: MapLayout
    private(set) var hover = HoverData()
    private var canvas: MapCanvas { layout.canvas }
    private var shapes: AreaShapes { layout.shapes }
    private var aggregated: Bool { layout.aggregated }
    private var areaMarkup = "", siteMarkup = "", districtLabelMarkup = ""
    /// With services: one coverage-change layer per service, shown through the page's selector.
    private var serviceMarkup = ""

    let toggles = [("layer-areas", "Areas"), ("layer-unchanged-sites", "Unchanged sites"), ("layer-districts", "Districts")]

    /// Colour of each coverage change: losses in orange and gains in blue (a colour-blind-safe
    /// diverging pair); unchanged areas in greys so the changes stand out.
    static func colour(_ change: CoverageChange) -> String {
        switch change {
        case .lost: return "#e66101"
        case .gained: return "#2c7bb6"
        case .coveredInBoth: return "#c9c9c9"
        case .uncoveredInBoth: return "#5e5e5e"
        }
    }

    static func label(_ change: CoverageChange) -> String {
        switch change {
        case .lost: return "loses coverage"
        case .gained: return "gains coverage"
        case .coveredInBoth: return "covered in both"
        case .uncoveredInBoth: return "not covered in either"
        }
    }

    /// Drawing order and the priority of a cell's colour: a cell with any loss shows the loss.
    static let order: [CoverageChange] = [.coveredInBoth, .uncoveredInBoth, .gained, .lost]

    init(data: DifferenceMapData, options: EstateMap.Options) {
        self.data = data
        let layout = MapLayout(areas: data.areas, sites: data.sites, boundaries: data.boundaries, options: options)
        self.layout = layout
        if let grid = layout.grid {
            areaMarkup = cellLayer(grid: grid)
        } else {
            areaMarkup = areaLayer()
        }
        siteMarkup = siteLayer(sitePixels: layout.sitePixels)
        var labels = layout.labels(symbols: data.sites.map { SiteSymbol($0.change) })
        districtLabelMarkup = layout.names(towns: [], labels: &labels).districts
        serviceMarkup = serviceLayers()
    }

    /// The selector's choices: (group id, service name), as on the plan map.
    var choices: [(String, String)] { data.services.enumerated().map { ("layer-service-\($0.offset)", $0.element.name) } }

    /// One hidden group per service (`layer-service-K`, class `service-layer`, as the plan map's
    /// service layers, so the page's one selector script shows them), each area filled by how the
    /// service's reach moves from A to B in the colours of the coverage change.
    private func serviceLayers() -> String {
        var svg = SVGWriter()
        for (k, service) in data.services.enumerated() {
            let change = data.areas.indices.map { Self.order.firstIndex(of: service.change(of: [$0]))! }
            let paths = shapes.shapes(group: change, groups: Self.order.count)
            svg.open("g", ["id": "layer-service-\(k)", "class": "service-layer", "display": "none", "pointer-events": "none",
                           "data-service": service.code])
            svg.open("g", shapes.layerAttributes)
            for (g, kind) in Self.order.enumerated() where !paths[g].isEmpty {
                svg.open("g", shapes.classAttributes(colour: Self.colour(kind)))
                svg.empty("path", ["d": paths[g], "class": kind.rawValue])
                svg.close("g")
            }
            svg.close("g")
            svg.close("g")
        }
        return svg.text
    }

    func document(standalone: Bool) -> String {
        var entries: [Panel.Entry] = [.heading(aggregated ? "Areas (cell shows its most serious change)" : "Areas, A → B")]
        for change in Self.order.reversed() {
            let n = data.areas.filter { $0.change == change }.count
            entries.append(.swatch(colour: Self.colour(change), label: Self.label(change) + " (\(n))"))
        }
        entries.append(.heading("Sites, A → B"))
        for change in [DecisionChange.closedInB, .openedInB, .openInBoth, .closedInBoth] {
            let n = data.sites.filter { $0.change == change }.count
            entries.append(.symbol(SiteSymbol(change), label: Self.label(change) + " (\(n))"))
        }
        if !standalone, !data.services.isEmpty {
            entries.append(.heading("Service coverage (selector above)"))
            entries.append(.note("The same colours, for one service: an area counts as reached when a building offering it, "
                + "or outreach, reaches most of its need."))
        }
        entries.append(.note("A: " + data.optionA + ". B: " + data.optionB + "."))
        entries.append(.note(data.boundaries.isEmpty ? shapes.note : "District outlines from the boundary file."))
        let panel = Panel(title: data.title, subtitle: data.optionA + " vs " + data.optionB, notices: data.notices,
                          status: "Difference map: what changes from A to B", totals: data.totals, entries: entries)
        // The per-service layers need the page's selector, so only the HTML page carries them.
        let overlays = standalone ? "" : serviceMarkup
        return canvas.document(standalone: standalone,
                               layers: areaMarkup + overlays + layout.districts.outlines + siteMarkup + districtLabelMarkup, panel: panel)
    }

    static func label(_ change: DecisionChange) -> String {
        switch change {
        case .openInBoth: return "open in both"
        case .closedInBoth: return "closed in both"
        case .closedInB: return "open in A, closed in B"
        case .openedInB: return "closed in A, open in B"
        }
    }

    /// Each area's shape filled by its coverage change, with a dot at its centroid.
    private mutating func areaLayer() -> String {
        let paths = shapes.shapes(count: data.areas.count)
        let order = layout.areaOrder
        var svg = SVGWriter()
        svg.open("g", ["id": "layer-areas"])
        svg.open("g", shapes.layerAttributes)
        changeGroups(&svg, paths: paths, hover: "a", members: Self.order.map { change in
            order.filter { data.areas[$0].change == change && !paths[$0].isEmpty }
        })
        svg.close("g")
        svg.raw(layout.centroidDots())
        svg.close("g")
        let minutes = { (m: Double?) in m.map { Fixed.places($0, 1) } ?? "none reachable" }
        func services(_ i: Int, _ change: CoverageChange) -> String {
            let names = data.services.filter { $0.change(of: [i]) == change }.map(\.name)
            return names.isEmpty ? "none" : names.joined(separator: ", ")
        }
        hover.kinds["a"] = HoverData.Kind(
            h: ["Area", "District", "Children", "Change", "Minutes A", "Minutes B"]
                + (data.services.isEmpty ? [] : ["Services lost", "Services gained"]),
            r: data.areas.indices.map { i in
                let area = data.areas[i]
                return [area.id, area.district, Fixed.places(area.children, 0), Self.label(area.change), minutes(area.minutesA),
                        minutes(area.minutesB)] + (data.services.isEmpty ? [] : [services(i, .lost), services(i, .gained)])
            })
        return svg.text
    }

    /// Areas merged by grid cell (the union of their shapes), each cell showing its most serious change.
    private mutating func cellLayer(grid: AreaGrid) -> String {
        let paths = shapes.shapes(group: grid.cellOfArea(count: data.areas.count), groups: grid.cells.count)
        var svg = SVGWriter()
        svg.open("g", ["id": "layer-areas"])
        svg.open("g", shapes.layerAttributes)
        let worst = grid.cells.map { cell in
            cell.members.map { Self.order.firstIndex(of: data.areas[$0].change)! }.max()!
        }
        changeGroups(&svg, paths: paths, hover: "c", members: Self.order.indices.map { k in
            grid.cells.indices.filter { worst[$0] == k && !paths[$0].isEmpty }
        })
        svg.close("g")
        svg.close("g")
        hover.kinds["c"] = HoverData.Kind(
            h: ["Cell", "Districts", "Children", "Areas losing coverage", "Areas gaining coverage"],
            r: grid.cells.map { cell in
                ["\(cell.members.count) areas", cell.districtNames(data.areas),
                 Fixed.places(cell.members.reduce(0.0) { $0 + data.areas[$1].children }, 0),
                 "\(cell.members.filter { data.areas[$0].change == .lost }.count)",
                 "\(cell.members.filter { data.areas[$0].change == .gained }.count)"]
            })
        return svg.text
    }

    /// One group per coverage change, in `order`, with its class and colour, holding the paths of
    /// `members[k]` (areas or cells with the k-th change), each with its hover key (`a3`, `c12`).
    private func changeGroups(_ svg: inout SVGWriter, paths: [String], hover: String, members: [[Int]]) {
        for (change, shown) in zip(Self.order, members) where !shown.isEmpty {
            svg.open("g", ["class": change.rawValue])
            svg.open("g", shapes.classAttributes(colour: Self.colour(change)))
            for i in shown { svg.raw("<path d=\"" + paths[i] + "\" data-h=\"" + hover + "\(i)\"/>\n") }
            svg.close("g")
            svg.close("g")
        }
    }

    /// Changed sites on top of unchanged ones; unchanged sites in their own toggleable group.
    private mutating func siteLayer(sitePixels: [(x: Double, y: Double)]) -> String {
        let order = layout.siteOrder
        let scale = SiteSymbol.scale(forSites: data.sites.count)
        var svg = SVGWriter()
        svg.open("g", ["id": "layer-sites"])
        for (group, changes) in [("layer-unchanged-sites", [DecisionChange.closedInBoth, .openInBoth]),
                                 ("layer-changed-sites", [.openedInB, .closedInB])] {
            svg.open("g", ["id": group])
            for change in changes {
                for i in order where data.sites[i].change == change {
                    let attributes = " class=\"site " + change.rawValue + "\" data-h=\"s\(i)\" data-site=\"" + XMLText.escaped(data.sites[i].id) + "\""
                    svg.raw(SiteSymbol(change).markup(x: sitePixels[i].x, y: sitePixels[i].y, scale: scale, attributes: attributes))
                }
            }
            svg.close("g")
        }
        svg.close("g")
        hover.kinds["s"] = HoverData.Kind(
            h: ["Site", "Name", "Kind", "District", "Under A", "Under B"],
            r: data.sites.map { [$0.id, $0.name, $0.kind, $0.district, PlanMapRenderer.decisionText($0.decisionA),
                                 PlanMapRenderer.decisionText($0.decisionB)] })
        return svg.text
    }
}
