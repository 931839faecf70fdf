import XMLText

/// Draws an `EstateMapData`: area shapes filled by need class, district outlines, catchment
/// links, sites by decision and the title block; also gathers the hover details the HTML page needs.
struct PlanMapRenderer {
    let data: EstateMapData
    /// Canvas, pixels, grid cells, area shapes and district outlines, as the difference map has them.
    let layout: MapLayout
    let classes: NeedClasses
    private(set) var hover = HoverData()
    private var canvas: MapCanvas { layout.canvas }
    private var shapes: AreaShapes { layout.shapes }
    private var aggregated: Bool { layout.aggregated }
    private var areaMarkup = "", linkMarkup = "", siteMarkup = "", placeMarkup = "", districtLabelMarkup = ""
    /// v2 plans: outreach areas, per-service coverage, Family Hub and partner symbols.
    let services: ServiceLayers
    private var outreachMarkup = "", serviceMarkup = ""
    /// For print: the key to the closing sites' numbers, under the map box.
    private var closureKey = ClosureKey(entries: [])

    /// Layers the HTML page can switch on and off: (group id, label).
    var toggles: [(String, String)] {
        [("layer-areas", "Areas")] + (services.isEmpty ? [] : [("layer-outreach", "Outreach")])
            + [("layer-links", "Catchment links"), ("layer-closed-sites", "Closed sites"), ("layer-districts", "Districts")]
    }

    init(data: EstateMapData, options: EstateMap.Options) {
        self.data = data
        let layout = MapLayout(areas: data.areas, sites: data.sites, boundaries: data.boundaries, options: options)
        self.layout = layout
        services = ServiceLayers(data: data)
        if let grid = layout.grid {
            let cellNeed = grid.cells.map { cell in Self.weightedMean(cell.members.map { (data.areas[$0].need, data.areas[$0].children) }) }
            classes = NeedClasses(values: cellNeed)
            linkMarkup = linksLayer(areaPixels: layout.areaPixels, sitePixels: layout.sitePixels, grid: grid)
            areaMarkup = cellLayer(grid: grid, cellNeed: cellNeed)
        } else {
            classes = NeedClasses(values: data.areas.map(\.need))
            linkMarkup = linksLayer(areaPixels: layout.areaPixels, sitePixels: layout.sitePixels, grid: nil)
            areaMarkup = areaLayer()
        }
        // District and town names (`MapLabels.placeNames`), then, for print, the closing sites' names around them.
        var labels = layout.labels(symbols: data.sites.map(services.symbol), towns: data.places)
        (districtLabelMarkup, placeMarkup) = layout.names(towns: data.places, labels: &labels)
        closureKey = ClosureKey(sites: data.sites)
        siteMarkup = siteLayer(sitePixels: layout.sitePixels, labels: &labels)
        outreachMarkup = services.outreachLayer(layout.shapes)
        serviceMarkup = services.coverageLayers(layout.shapes)
    }

    func document(standalone: Bool) -> String {
        let panel = Panel(title: data.title, subtitle: data.subtitle, notices: data.notices, status: data.status, totals: data.totals,
                          entries: legend(interactive: !standalone))
        // The per-service layers need the page's selector, so only the HTML page carries them.
        let overlays = outreachMarkup + (standalone ? "" : serviceMarkup)
        return canvas.document(standalone: standalone,
                               layers: areaMarkup + overlays + layout.districts.outlines + linkMarkup + siteMarkup + placeMarkup + districtLabelMarkup,
                               panel: panel, below: closureKey.markup(top: canvas.frame.box.y + canvas.frame.box.height))
    }

    // MARK: layers

    /// Each area's shape (its cells of the raster) filled by need class, hatched when not covered,
    /// with a dot at its centroid (`MapLayout.centroidDots`).
    private mutating func areaLayer() -> String {
        let shapes = self.shapes.shapes(count: data.areas.count)
        let order = layout.areaOrder
        var svg = SVGWriter()
        svg.open("g", ["id": "layer-areas"])
        svg.open("g", self.shapes.layerAttributes)
        needGroups(&svg, paths: shapes, hover: "a", need: order.map { ($0, data.areas[$0].need) })
        let uncovered = order.filter { !data.areas[$0].covered }.map { shapes[$0] }.joined()
        if !uncovered.isEmpty {
            svg.empty("path", ["d": uncovered, "fill": "url(#uncovered-hatch)", "fill-opacity": "0.6", "stroke": "none", "pointer-events": "none"])
        }
        svg.close("g")
        svg.raw(layout.centroidDots())
        svg.close("g")
        hover.kinds["a"] = HoverData.Kind(
            h: ["Area", "District", "Need score", "Weight", "Children", "Hub", "Minutes", "Covered", "Deprivation decile"]
                + (services.isEmpty ? [] : ServiceLayers.areaHoverFields),
            r: data.areas.indices.map { i in
                let area = data.areas[i]
                return [area.id, area.district, Fixed.places(area.need, 3), Fixed.places(area.weight, 1), Fixed.places(area.children, 0),
                        area.hub.map { data.sites[$0].name + " (" + data.sites[$0].id + ")" } ?? "none reachable",
                        area.minutes.map { Fixed.places($0, 1) } ?? "—", area.covered ? "yes" : "no",
                        area.deprivationDecile.map { "\($0) (1 = most deprived)" } ?? "—"]
                    + (services.isEmpty ? [] : services.areaHover(i))
            })
        return svg.text
    }

    /// Areas merged by grid cell: each cell's shape is the union of its areas' shapes (so cells
    /// tile the land without gaps), coloured by the children-weighted mean need of its areas;
    /// cells where most children are not covered are hatched.
    private mutating func cellLayer(grid: AreaGrid, cellNeed: [Double]) -> String {
        let shapes = self.shapes.shapes(group: grid.cellOfArea(count: data.areas.count), groups: grid.cells.count)
        var svg = SVGWriter()
        svg.open("g", ["id": "layer-areas"])
        svg.open("g", self.shapes.layerAttributes)
        needGroups(&svg, paths: shapes, hover: "c", need: cellNeed.enumerated().map { ($0.offset, $0.element) })
        var hatched = ""
        var rows: [[String]] = []
        for (c, cell) in grid.cells.enumerated() {
            let children = cell.members.reduce(0.0) { $0 + data.areas[$1].children }
            let covered = cell.members.reduce(0.0) { $0 + (data.areas[$1].covered ? data.areas[$1].children : 0) }
            let minutes = cell.members.compactMap { data.areas[$0].minutes }
            if covered * 2 < children { hatched += shapes[c] }
            rows.append([
                "\(cell.members.count) areas", cell.districtNames(data.areas),
                Fixed.places(children, 0), Fixed.places(cellNeed[c], 3),
                children > 0 ? Fixed.places(100 * covered / children, 1) + "%" : "—",
                minutes.max().map { Fixed.places($0, 1) } ?? "—",
                "\(cell.members.filter { !data.areas[$0].covered }.count)",
            ])
        }
        if !hatched.isEmpty {
            svg.empty("path", ["d": hatched, "fill": "url(#uncovered-hatch)", "fill-opacity": "0.6", "stroke": "none", "pointer-events": "none"])
        }
        svg.close("g")
        svg.close("g")
        hover.kinds["c"] = HoverData.Kind(
            h: ["Cell", "Districts", "Children", "Mean need (children-weighted)", "Children covered", "Worst minutes", "Areas not covered"],
            r: rows)
        return svg.text
    }

    /// One group per need class holding any of `need`'s shapes (areas or cells, in the order
    /// given), filled with the class's colour; each path carries its hover key (`a3`, `c12`).
    private func needGroups(_ svg: inout SVGWriter, paths: [String], hover: String, need: [(index: Int, need: Double)]) {
        var byClass = [[Int]](repeating: [], count: classes.count)
        for (i, value) in need { byClass[classes.index(of: value)].append(i) }
        for (k, members) in byClass.enumerated() where !members.isEmpty {
            svg.open("g", shapes.classAttributes(colour: classes.colour(k)))
            for i in members where !paths[i].isEmpty {
                svg.raw("<path d=\"" + paths[i] + "\" data-h=\"" + hover + "\(i)\"/>\n")
            }
            svg.close("g")
        }
    }

    /// A straight line from each area (or cell group) to the kept site serving it: solid when the
    /// area is covered, dashed when its hub is beyond the coverage time.
    private func linksLayer(areaPixels: [(x: Double, y: Double)], sitePixels: [(x: Double, y: Double)], grid: AreaGrid?) -> String {
        var covered = "", beyond = ""
        func segment(_ from: (x: Double, y: Double), _ to: (x: Double, y: Double)) -> String {
            "M" + Fixed.trimmed(from.x) + " " + Fixed.trimmed(from.y) + "L" + Fixed.trimmed(to.x) + " " + Fixed.trimmed(to.y)
        }
        if let grid {
            for cell in grid.cells {
                // One line per (hub, covered) group, from the group's children-weighted centroid.
                var groups: [Int: (x: Double, y: Double, w: Double)] = [:]
                for i in cell.members {
                    guard let hub = data.areas[i].hub else { continue }
                    let key = hub * 2 + (data.areas[i].covered ? 1 : 0)
                    let w = max(data.areas[i].children, 1e-9)
                    let g = groups[key] ?? (0, 0, 0)
                    groups[key] = (g.x + areaPixels[i].x * w, g.y + areaPixels[i].y * w, g.w + w)
                }
                for key in groups.keys.sorted() {
                    let g = groups[key]!
                    let path = segment((g.x / g.w, g.y / g.w), sitePixels[key / 2])
                    if key % 2 == 1 { covered += path } else { beyond += path }
                }
            }
        } else {
            for i in layout.areaOrder {
                guard let hub = data.areas[i].hub else { continue }
                if data.areas[i].covered { covered += segment(areaPixels[i], sitePixels[hub]) }
                else { beyond += segment(areaPixels[i], sitePixels[hub]) }
            }
        }
        var svg = SVGWriter()
        svg.open("g", ["id": "layer-links", "fill": "none", "pointer-events": "none"])
        if !covered.isEmpty {
            svg.empty("path", ["d": covered, "stroke": "#1e1e1e", "stroke-opacity": "0.45", "stroke-width": "0.7"])
        }
        if !beyond.isEmpty {
            svg.empty("path", ["d": beyond, "stroke": "#b30000", "stroke-opacity": "0.8", "stroke-width": "1",
                               "stroke-dasharray": "3 2"])
        }
        svg.close("g")
        return svg.text
    }

    /// Closed sites first (their own toggleable group), open sites on top; sorted by id within each.
    private mutating func siteLayer(sitePixels: [(x: Double, y: Double)], labels: inout MapLabels) -> String {
        let order = layout.siteOrder
        let scale = SiteSymbol.scale(forSites: data.sites.count)
        var svg = SVGWriter()
        svg.open("g", ["id": "layer-sites"])
        svg.open("g", ["id": "layer-closed-sites"])
        for i in order where data.sites[i].decision == .closed {
            svg.raw(SiteSymbol.closed.markup(x: sitePixels[i].x, y: sitePixels[i].y, scale: scale, attributes: Self.siteAttributes(i, data.sites[i])))
        }
        svg.close("g")
        svg.raw(closureNumbers(sitePixels: sitePixels, scale: scale, labels: &labels))
        svg.open("g", ["id": "layer-open-sites"])
        for i in order where data.sites[i].decision.isOpen {
            svg.raw(services.symbol(data.sites[i]).markup(x: sitePixels[i].x, y: sitePixels[i].y, scale: scale,
                                                               attributes: Self.siteAttributes(i, data.sites[i])))
        }
        svg.close("g")
        svg.close("g")
        hover.kinds["s"] = HoverData.Kind(
            h: ["Site", "Name", "Kind", "District", "Decision", "Running cost", "Carbon", "Need served"]
                + (services.isEmpty ? [] : ServiceLayers.siteHoverFields),
            r: data.sites.map { site in
                [site.id, site.name, site.kind, site.district, Self.decisionText(site.decision),
                 "£" + Fixed.grouped(site.annualCost) + "/yr", Fixed.places(site.carbon, 1) + " tCO2e/yr",
                 Fixed.places(site.needServed, 1)]
                    + (services.isEmpty ? [] : services.siteHover(site))
            })
        return svg.text
    }

    /// The number of every closing site beside its symbol, shown only in print (the screen map
    /// names sites on hover; a printed map cannot), for the key under the map
    /// (`ClosureKey`) to name: each number goes in the first of the places around its symbol
    /// (`MapLabels.aroundPoint`) that `labels` finds free, after the district and town names.
    /// A number is a few pixels wide where a name is a hundred, so every closing site gets one
    /// where names fitted for fewer than half of Kent's.
    private func closureNumbers(sitePixels: [(x: Double, y: Double)], scale: Double, labels: inout MapLabels) -> String {
        guard !closureKey.entries.isEmpty else { return "" }
        let font = LabelFont.closureNumber
        var svg = SVGWriter()
        svg.open("g", ["id": "layer-closure-numbers", "class": "closure-numbers", "font-size": Fixed.trimmed(font.size),
                       "font-weight": "700", "fill": "#7a0000", "stroke": "#ffffff", "stroke-width": Fixed.trimmed(font.halo),
                       "paint-order": "stroke", "pointer-events": "none"])
        svg.raw("<style>.closure-numbers{display:none}@media print{.closure-numbers{display:inline}}</style>\n")
        for entry in closureKey.entries {
            let text = String(entry.number), (x, y) = sitePixels[entry.site]
            let candidates = MapLabels.aroundPoint(x: x, y: y, radius: SiteSymbol.closed.radius * scale, font: font,
                                                   gaps: Self.closureNumberGaps)
            guard let place = labels.place(text, font: font, candidates: candidates) else { continue }
            if let line = Self.leader(from: (x, y), radius: SiteSymbol.closed.radius * scale, to: font.box(text, at: place)) {
                svg.raw(line)
            }
            svg.raw("<text x=\"" + Fixed.trimmed(place.x) + "\" y=\"" + Fixed.trimmed(place.y) + "\""
                    + (place.anchor == .start ? "" : " text-anchor=\"\(place.anchor.rawValue)\"") + " data-closure=\""
                    + XMLText.escaped(data.sites[entry.site].id) + "\">" + text + "</text>\n")
        }
        svg.close("g")
        return svg.text
    }

    /// A thin line from the edge of a symbol at `centre` to the nearest point of a number's
    /// `box`, when the two are more than 5 pixels apart; nil when the number sits beside it.
    static func leader(from centre: (x: Double, y: Double), radius: Double, to box: MapLabels.Box) -> String? {
        let nx = min(max(centre.x, box.x0), box.x1), ny = min(max(centre.y, box.y0), box.y1)
        let dx = nx - centre.x, dy = ny - centre.y, length = (dx * dx + dy * dy).squareRoot()
        guard length - radius > 5 else { return nil }
        let sx = centre.x + dx / length * radius, sy = centre.y + dy / length * radius
        return "<line x1=\"" + Fixed.trimmed(sx) + "\" y1=\"" + Fixed.trimmed(sy) + "\" x2=\"" + Fixed.trimmed(nx) + "\" y2=\""
            + Fixed.trimmed(ny) + "\" stroke=\"#7a0000\" stroke-width=\"0.7\"/>\n"
    }

    /// How far from its symbol a closing site's number may go, pixels: close rings first, then
    /// further out, since a crowded town centre needs them; a number set off from its symbol
    /// gets a leader line (`leader`), so it cannot be read as a neighbour's.
    static let closureNumberGaps = [1.5, 4, 7, 10, 14, 18, 23, 28, 34, 40]

    static func siteAttributes(_ index: Int, _ site: MapSite) -> String {
        " class=\"site " + site.decision.rawValue + "\" data-h=\"s\(index)\" data-site=\"" + XMLText.escaped(site.id) + "\""
    }

    static func decisionText(_ decision: SiteDecision) -> String {
        switch decision {
        case .kept: return "kept"
        case .closed: return "closed"
        case .mustKeep: return "kept (must keep)"
        }
    }

    /// `interactive`: the HTML page, which also explains the per-service coverage layers.
    private func legend(interactive: Bool) -> [Panel.Entry] {
        var entries: [Panel.Entry] = [.heading(aggregated ? "Need (cell mean, fifths of cells by need)" : "Need (fifths of areas by need score)")]
        for k in (0..<classes.count).reversed() {
            entries.append(.swatch(colour: classes.colour(k), label: classes.words(k)))
        }
        entries.append(.swatch(colour: "url(#uncovered-hatch)", label: aggregated ? "most children not covered" : "not covered by a kept hub"))
        let count = { (d: SiteDecision) in data.sites.filter { $0.decision == d }.count }
        if services.isEmpty {
            entries += [
                .heading("Sites"),
                .symbol(.kept, label: "kept (\(count(.kept)))"),
                .symbol(.mustKeep, label: "must keep (\(count(.mustKeep)))"),
                .symbol(.closed, label: "closed (\(count(.closed)))"),
            ]
        } else {
            entries += services.legend(interactive: interactive)
        }
        entries += [
            .heading("Catchments"),
            .line(colour: "#1e1e1e", dash: nil, label: "area to its hub, covered"),
            .line(colour: "#b30000", dash: "3 2", label: "hub beyond coverage time"),
            .note(aggregated
                  ? "\(data.areas.count) areas merged by \(Fixed.trimmed(layout.cellSize)) px grid cell; links join each cell's areas to their hubs."
                  : shapes.isOutlines ? "\(data.areas.count) areas, each drawn as its outline, with a dot at its centroid."
                  : "\(data.areas.count) areas, each shaded over the land nearest its centroid (dot)."),
            .note(data.boundaries.isEmpty ? shapes.note : "District outlines from the boundary file."),
        ]
        return entries
    }

    /// Mean of values weighted by weights; the plain mean when every weight is zero.
    static func weightedMean(_ pairs: [(value: Double, weight: Double)]) -> Double {
        let w = pairs.reduce(0) { $0 + max($1.weight, 0) }
        if w > 0 { return pairs.reduce(0) { $0 + $1.value * max($1.weight, 0) } / w }
        return pairs.isEmpty ? 0 : pairs.reduce(0) { $0 + $1.value } / Double(pairs.count)
    }
}
