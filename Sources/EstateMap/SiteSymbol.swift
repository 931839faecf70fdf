/// How a site is drawn. Decisions differ by shape as well as colour, so the map reads in greyscale
/// and for colour-blind readers: open sites are filled, closed ones hollow with a cross.
enum SiteSymbol {
    /// Kept by the optimiser: a filled red-orange circle.
    case kept
    /// Kept by the scenario's `status: keep`: a filled diamond.
    case mustKeep
    /// Closed: a hollow circle with a cross.
    case closed
    /// v2: a kept Family Hub (every core service): a filled star.
    case familyHub
    /// v2: a partner's building in use: a filled purple square.
    case partner
    /// Difference map: open under both options (a dark diamond, unlike any area dot).
    case openInBoth
    /// Difference map: closed under both (hollow grey with a cross).
    case closedInBoth
    /// Difference map: open under A, closed under B (an orange square with a cross).
    case closedInB
    /// Difference map: closed under A, opened under B (a blue triangle).
    case openedInB

    /// Symbol size for a map of `count` sites: full size up to 150 sites, then shrinking with
    /// the square root of the count (to 60%) so that a crowded estate stays legible.
    static func scale(forSites count: Int) -> Double {
        count <= 150 ? 1 : max(0.6, (150 / Double(count)).squareRoot())
    }

    init(_ decision: SiteDecision) {
        switch decision {
        case .kept: self = .kept
        case .mustKeep: self = .mustKeep
        case .closed: self = .closed
        }
    }

    init(_ change: DecisionChange) {
        switch change {
        case .openInBoth: self = .openInBoth
        case .closedInBoth: self = .closedInBoth
        case .closedInB: self = .closedInB
        case .openedInB: self = .openedInB
        }
    }

    /// Half the side of the square the symbol covers at scale 1, its outline's stroke included,
    /// pixels (a sharp corner's mitred stroke included): what names on the map keep clear of.
    var radius: Double {
        switch self {
        case .kept: return 6.7
        case .mustKeep: return 9.7
        case .closed: return 5.7
        case .familyHub: return 10.2
        case .partner: return 6.2
        case .openInBoth: return 7.9
        case .closedInBoth: return 5.1
        case .closedInB: return 7.7
        case .openedInB: return 10.4
        }
    }

    /// The symbol centred at (x, y) as one `<g>`, drawn at `scale` times its legend size;
    /// `attributes` (already escaped, with a leading space) go on the group, e.g. data attributes for hover.
    func markup(x: Double, y: Double, scale: Double = 1, attributes: String) -> String {
        let t = "<g" + attributes + " transform=\"translate(" + Fixed.trimmed(x) + " " + Fixed.trimmed(y) + ")"
            + (scale == 1 ? "" : " scale(" + Fixed.trimmed(scale, 2) + ")") + "\">"
        switch self {
        case .kept:
            return t + "<circle r=\"6\" fill=\"#f03b20\" stroke=\"#1e1e1e\" stroke-width=\"1.3\"/></g>\n"
        case .mustKeep:
            return t + "<path d=\"M0-8.5L8.5 0L0 8.5L-8.5 0Z\" fill=\"#f03b20\" stroke=\"#1e1e1e\" stroke-width=\"1.6\"/></g>\n"
        case .closed:
            return t + "<circle r=\"5\" fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"1.3\"/>"
                + "<path d=\"M-3-3L3 3M3-3L-3 3\" stroke=\"#555555\" stroke-width=\"1.3\"/></g>\n"
        case .familyHub:
            return t + "<path d=\"M0-9.5L2.6-3.2L9.3-2.9L4.1 1.3L5.9 7.8L0 4.1L-5.9 7.8L-4.1 1.3L-9.3-2.9L-2.6-3.2Z\" "
                + "fill=\"#f03b20\" stroke=\"#1e1e1e\" stroke-width=\"1.3\" stroke-linejoin=\"round\"/></g>\n"
        case .partner:
            return t + "<rect x=\"-5.5\" y=\"-5.5\" width=\"11\" height=\"11\" fill=\"#7b3294\" stroke=\"#1e1e1e\" stroke-width=\"1.3\"/></g>\n"
        case .openInBoth:
            return t + "<path d=\"M0-7L7 0L0 7L-7 0Z\" fill=\"#1e1e1e\" stroke=\"#ffffff\" stroke-width=\"1.2\"/></g>\n"
        case .closedInBoth:
            return t + "<circle r=\"4.5\" fill=\"#ffffff\" stroke=\"#888888\" stroke-width=\"1.1\"/>"
                + "<path d=\"M-2.5-2.5L2.5 2.5M2.5-2.5L-2.5 2.5\" stroke=\"#888888\" stroke-width=\"1.1\"/></g>\n"
        case .closedInB:
            return t + "<rect x=\"-7\" y=\"-7\" width=\"14\" height=\"14\" fill=\"#e66101\" stroke=\"#1e1e1e\" stroke-width=\"1.3\"/>"
                + "<path d=\"M-4-4L4 4M4-4L-4 4\" stroke=\"#ffffff\" stroke-width=\"2\"/></g>\n"
        case .openedInB:
            return t + "<path d=\"M0-9L8 6H-8Z\" fill=\"#2c7bb6\" stroke=\"#1e1e1e\" stroke-width=\"1.3\"/></g>\n"
        }
    }
}
