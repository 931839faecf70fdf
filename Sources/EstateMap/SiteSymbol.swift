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

    /// One shape of a symbol at scale 1, centred on the site: what the markup draws and what
    /// `radius` measures, so the two cannot disagree.
    struct Part {
        enum Shape {
            case circle(radius: Double)
            /// A square of half-side `half`.
            case square(half: Double)
            /// A closed polygon through the vertices.
            case polygon([(x: Double, y: Double)])
            /// Open strokes (a cross), each from its first point to its second.
            case strokes([[(x: Double, y: Double)]])
        }

        var shape: Shape
        var fill: String
        var stroke: String
        var strokeWidth: Double
        /// Round joins (the star); otherwise SVG's default mitred corners.
        var roundJoins = false
    }

    /// The symbol's shapes, bottom first.
    var parts: [Part] {
        let dark = "#1e1e1e", red = "#f03b20"
        let cross = { (arm: Double) in [[(x: -arm, y: -arm), (x: arm, y: arm)], [(x: arm, y: -arm), (x: -arm, y: arm)]] }
        switch self {
        case .kept:
            return [Part(shape: .circle(radius: 6), fill: red, stroke: dark, strokeWidth: 1.3)]
        case .mustKeep:
            return [Part(shape: .polygon([(0, -8.5), (8.5, 0), (0, 8.5), (-8.5, 0)]), fill: red, stroke: dark, strokeWidth: 1.6)]
        case .closed:
            return [Part(shape: .circle(radius: 5), fill: "#ffffff", stroke: "#555555", strokeWidth: 1.3),
                    Part(shape: .strokes(cross(3)), fill: "none", stroke: "#555555", strokeWidth: 1.3)]
        case .familyHub:
            return [Part(shape: .polygon([(0, -9.5), (2.6, -3.2), (9.3, -2.9), (4.1, 1.3), (5.9, 7.8), (0, 4.1), (-5.9, 7.8),
                                          (-4.1, 1.3), (-9.3, -2.9), (-2.6, -3.2)]),
                         fill: red, stroke: dark, strokeWidth: 1.3, roundJoins: true)]
        case .partner:
            return [Part(shape: .square(half: 5.5), fill: "#7b3294", stroke: dark, strokeWidth: 1.3)]
        case .openInBoth:
            return [Part(shape: .polygon([(0, -7), (7, 0), (0, 7), (-7, 0)]), fill: dark, stroke: "#ffffff", strokeWidth: 1.2)]
        case .closedInBoth:
            return [Part(shape: .circle(radius: 4.5), fill: "#ffffff", stroke: "#888888", strokeWidth: 1.1),
                    Part(shape: .strokes(cross(2.5)), fill: "none", stroke: "#888888", strokeWidth: 1.1)]
        case .closedInB:
            return [Part(shape: .square(half: 7), fill: "#e66101", stroke: dark, strokeWidth: 1.3),
                    Part(shape: .strokes(cross(4)), fill: "none", stroke: "#ffffff", strokeWidth: 2)]
        case .openedInB:
            return [Part(shape: .polygon([(0, -9), (8, 6), (-8, 6)]), fill: "#2c7bb6", stroke: dark, strokeWidth: 1.3)]
        }
    }

    /// Half the side of the square the symbol covers at scale 1, its outline's stroke included
    /// (a sharp corner's mitred stroke too), pixels, to the tenth above: what names on the map
    /// keep clear of. Measured from `parts`, the shapes the markup draws.
    var radius: Double {
        let extent = parts.map(\.extent).max() ?? 0
        return (extent * 10 - 1e-9).rounded(.up) / 10
    }

    /// The symbol centred at (x, y) as one `<g>`, drawn at `scale` times its legend size;
    /// `attributes` (already escaped, with a leading space) go on the group, e.g. data attributes for hover.
    func markup(x: Double, y: Double, scale: Double = 1, attributes: String) -> String {
        "<g" + attributes + " transform=\"translate(" + Fixed.trimmed(x) + " " + Fixed.trimmed(y) + ")"
            + (scale == 1 ? "" : " scale(" + Fixed.trimmed(scale, 2) + ")") + "\">" + parts.map(\.markup).joined() + "</g>\n"
    }
}

extension SiteSymbol.Part {
    /// The shape as one SVG element.
    var markup: String {
        let paint = " stroke=\"\(stroke)\" stroke-width=\"\(Fixed.trimmed(strokeWidth))\""
        let filled = " fill=\"\(fill)\"" + paint
        func point(_ p: (x: Double, y: Double)) -> String {
            let y = Fixed.trimmed(p.y)
            return Fixed.trimmed(p.x) + (y.hasPrefix("-") ? "" : " ") + y
        }
        switch shape {
        case .circle(let r):
            return "<circle r=\"\(Fixed.trimmed(r))\"" + filled + "/>"
        case .square(let half):
            let side = Fixed.trimmed(2 * half), corner = Fixed.trimmed(-half)
            return "<rect x=\"\(corner)\" y=\"\(corner)\" width=\"\(side)\" height=\"\(side)\"" + filled + "/>"
        case .polygon(let vertices):
            let d = "M" + vertices.map(point).joined(separator: "L") + "Z"
            return "<path d=\"\(d)\"" + filled + (roundJoins ? " stroke-linejoin=\"round\"" : "") + "/>"
        case .strokes(let lines):
            return "<path d=\"" + lines.map { "M" + $0.map(point).joined(separator: "L") }.joined() + "\"" + paint + "/>"
        }
    }

    /// How far the shape reaches from the centre along either axis, its stroke included: half
    /// the stroke beyond a circle, a square or a round-joined or open outline; at a mitred
    /// corner the mitre's tip (SVG's default limit of 4 stroke widths, a bevel beyond it).
    var extent: Double {
        let half = strokeWidth / 2
        switch shape {
        case .circle(let r): return r + half
        case .square(let h): return h + half
        case .strokes(let lines): return lines.joined().map { max(abs($0.x), abs($0.y)) }.max().map { $0 + half } ?? 0
        case .polygon(let vertices):
            guard !roundJoins else { return (vertices.map { max(abs($0.x), abs($0.y)) }.max() ?? 0) + half }
            var reach = 0.0
            for (k, v) in vertices.enumerated() {
                let previous = vertices[(k + vertices.count - 1) % vertices.count], next = vertices[(k + 1) % vertices.count]
                func unit(_ a: (x: Double, y: Double)) -> (x: Double, y: Double) {
                    let dx = a.x - v.x, dy = a.y - v.y, length = (dx * dx + dy * dy).squareRoot()
                    return (dx / length, dy / length)
                }
                let a = unit(previous), b = unit(next)
                let cosine = max(-1, min(1, a.x * b.x + a.y * b.y)), sineHalf = ((1 - cosine) / 2).squareRoot()
                // The mitre points away from both edges, along the bisector, half / sin(angle / 2) out.
                var bx = -(a.x + b.x), by = -(a.y + b.y)
                let length = (bx * bx + by * by).squareRoot()
                if length > 0 { bx /= length; by /= length }
                let out = sineHalf > 0 && 1 / sineHalf <= 4 ? half / sineHalf : half
                reach = max(reach, abs(v.x + bx * out), abs(v.y + by * out))
            }
            return reach
        }
    }
}
