/// The v2 layers of the estate map (FORMAT.md: "The map draws Family Hubs, other kept sites
/// offering services, partner sites and outreach areas distinctly, with a per-service coverage
/// layer"): the areas outreach reaches, and for each service the areas a building covers,
/// outreach reaches or nothing reaches. Kept apart from the base map's layers, which do not
/// change for a v1 plan. Shapes are unions of the areas' shapes (outlines or raster cells, as
/// the base map draws them), so a layer is a few paths however many areas it holds.
struct ServiceLayers {
    let data: EstateMapData

    /// Whether the plan has services at all (a v1 plan draws none of this).
    var isEmpty: Bool { data.services.isEmpty }

    /// Fill colours of a service's coverage layer: blue where a building covers, pale blue
    /// where outreach reaches, orange (and hatched) where nothing does; a diverging pair that
    /// colour-blind readers tell apart, and the hatch keeps "not reached" legible in greyscale.
    static let reachColour: [MapService.Reach: String] = [.building: "#2c7bb6", .outreach: "#abd9e9", .none: "#fdae61"]

    /// The dotted pattern over outreach areas, referenced as `url(#outreach-dots)`.
    static let outreachPattern = "<defs><pattern id=\"outreach-dots\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
        + "<rect width=\"5\" height=\"5\" fill=\"#ffffff\" fill-opacity=\"0.35\"/>"
        + "<circle cx=\"2.5\" cy=\"2.5\" r=\"1.1\" fill=\"#00441b\"/></pattern></defs>\n"

    /// The areas where outreach reaches some of the population of at least one service, dotted.
    func outreachLayer(_ shapes: AreaShapes) -> String {
        guard !isEmpty else { return "" }
        let reached = data.areas.indices.map { i in data.services.contains { $0.outreach[i] > 1e-9 } ? 1 : 0 }
        var svg = SVGWriter()
        svg.raw(Self.outreachPattern)
        svg.open("g", ["id": "layer-outreach", "pointer-events": "none"])
        let path = shapes.shapes(group: reached, groups: 2)[1]
        if !path.isEmpty {
            svg.open("g", shapes.layerAttributes)
            svg.empty("path", ["d": path, "fill": "url(#outreach-dots)"])
            svg.close("g")
        }
        svg.close("g")
        return svg.text
    }

    /// One hidden group per service (`layer-service-K`, class `service-layer`), which the HTML
    /// page's selector shows one at a time over the need shading.
    func coverageLayers(_ shapes: AreaShapes) -> String {
        var svg = SVGWriter()
        for (k, service) in data.services.enumerated() {
            let reach = data.areas.indices.map { service.reach(of: [$0]).rawValue }
            let paths = shapes.shapes(group: reach, groups: MapService.Reach.allCases.count)
            svg.open("g", ["id": "layer-service-\(k)", "class": "service-layer", "display": "none", "pointer-events": "none",
                           "data-service": service.code])
            svg.open("g", shapes.layerAttributes)
            for kind in MapService.Reach.allCases where !paths[kind.rawValue].isEmpty {
                svg.open("g", shapes.classAttributes(colour: Self.reachColour[kind]!))
                svg.empty("path", ["d": paths[kind.rawValue], "class": "reach-\(kind)"])
                svg.close("g")
            }
            if !paths[MapService.Reach.none.rawValue].isEmpty {
                svg.empty("path", ["d": paths[MapService.Reach.none.rawValue], "fill": "url(#uncovered-hatch)", "fill-opacity": "0.5"])
            }
            svg.close("g")
            svg.close("g")
        }
        return svg.text
    }

    /// The selector's choices: (group id, service name).
    var choices: [(String, String)] { data.services.enumerated().map { ("layer-service-\($0.offset)", $0.element.name) } }

    /// The symbol of an open site: a Family Hub is a star and a partner's building a square,
    /// whatever else the plan says of it; other kept sites keep their decision's symbol.
    func symbol(_ site: MapSite) -> SiteSymbol {
        guard !isEmpty, site.decision.isOpen else { return SiteSymbol(site.decision) }
        if site.familyHub { return .familyHub }
        if site.isPartner { return .partner }
        return SiteSymbol(site.decision)
    }

    /// Legend entries for the sites (replacing the v1 ones) and the service layers, in words.
    func legend(interactive: Bool) -> [Panel.Entry] {
        let open = data.sites.filter(\.decision.isOpen)
        let hubs = open.filter(\.familyHub).count
        let partners = open.filter { !$0.familyHub && $0.isPartner }.count
        let others = open.filter { !$0.familyHub && !$0.isPartner }
        var entries: [Panel.Entry] = [
            .heading("Sites"),
            .symbol(.familyHub, label: "Family Hub, every core service (\(hubs))"),
            .symbol(.kept, label: "other kept site (\(others.filter { $0.decision == .kept }.count))"),
            .symbol(.mustKeep, label: "other kept site, must keep (\(others.filter { $0.decision == .mustKeep }.count))"),
            .symbol(.partner, label: "partner's building in use (\(partners))"),
            .symbol(.closed, label: "closed (\(data.sites.filter { $0.decision == .closed }.count))"),
            .heading("Outreach"),
            .swatch(colour: "url(#outreach-dots)", label: "outreach reaches families here (some service)"),
        ]
        if interactive {
            entries += [
                .heading("Service coverage (selector above)"),
                .swatch(colour: Self.reachColour[.building]!, label: "most covered by a building offering it"),
                .swatch(colour: Self.reachColour[.outreach]!, label: "most reached only by outreach"),
                .swatch(colour: Self.reachColour[.none]!, label: "most not reached"),
            ]
        }
        return entries
    }

    /// Hover fields added to an area: the services a building covers there and those outreach reaches.
    func areaHover(_ i: Int) -> [String] {
        func codes(_ reach: MapService.Reach) -> String {
            let list = data.services.filter { $0.reach(of: [i]) == reach }.map(\.name)
            return list.isEmpty ? "none" : list.joined(separator: ", ")
        }
        return [codes(.building), codes(.outreach), codes(.none)]
    }
    static let areaHoverFields = ["Services covered", "Services by outreach", "Services not reached"]

    /// Hover fields added to a site: Family Hub or partner, and what it offers.
    func siteHover(_ site: MapSite) -> [String] {
        let role = site.familyHub ? "Family Hub" : site.isPartner ? "partner's building" : site.decision.isOpen ? "kept site" : "closed"
        return [role, site.servicesOffered.isEmpty ? "none" : site.servicesOffered.joined(separator: ", ")]
    }
    static let siteHoverFields = ["Role", "Services offered"]
}
