import Foundation
import Quantities
import XMLText

/// Writes a frontier as an SVG scatter plot (axes, ticks, grid, the frontier line, its
/// points each captioned where its caption fits, the chosen options and reference points named,
/// and reference lines such as a ceiling) and as CSV. Output is byte-deterministic:
/// coordinates have two decimals, points keep their order.
public struct FrontierPlot: Sendable {
    /// How a point is drawn.
    public enum Marker: Sendable {
        /// A point of the frontier: a small dot on the line.
        case frontier
        /// A chosen option (the scenario's own plan): a large red dot, named.
        case chosen
        /// A reference off the line (today's estate): a hollow square, named, not joined.
        case reference
    }

    /// One point to draw.
    public struct Point: Sendable, Equatable {
        /// Position on the x axis, in the criterion's own units.
        public var x: Double
        /// Position on the y axis, in the criterion's own units.
        public var y: Double
        /// The point's name ("this scenario"), drawn in bold; nil for an ordinary point.
        public var label: String?
        /// A caption in small type (its cost, coverage and sites), drawn where it does not
        /// overlap another; named points' captions are placed first.
        public var note: String?
        public var marker: Marker

        /// A point; `label` alone (the older form) marks a chosen option.
        public init(x: Double, y: Double, label: String? = nil, note: String? = nil, marker: Marker? = nil) {
            self.x = x
            self.y = y
            self.label = label
            self.note = note
            self.marker = marker ?? (label == nil ? .frontier : .chosen)
        }
    }

    /// A dashed reference line across the plot (a coverage ceiling), at `value` on one axis.
    public struct Guide: Sendable, Equatable {
        public enum Axis: Sendable { case x, y }
        public var axis: Axis
        public var value: Double
        public var label: String

        public init(axis: Axis, value: Double, label: String) {
            self.axis = axis
            self.value = value
            self.label = label
        }
    }

    /// Plot title.
    public var title: String
    /// Axis titles; include units, e.g. "annual cost (GBP/year)".
    public var xTitle: String
    /// The y axis title, with units.
    public var yTitle: String
    /// What each axis measures, so its ticks read as the tables write that quantity (pounds to
    /// the pound, shares as percentages to a tenth, minutes to a tenth); nil for plain numbers.
    public var xQuantity: Quantity?
    public var yQuantity: Quantity?
    /// Canvas width in pixels.
    public var width: Double = 720
    /// Canvas height in pixels.
    public var height: Double = 480

    /// A plot with its titles; the canvas defaults to 720 x 480 pixels.
    public init(title: String, xTitle: String, yTitle: String) {
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
    }

    /// The SVG document. Frontier and chosen points are joined by a line in x order.
    public func svg(_ points: [Point], guides: [Guide] = []) -> String {
        let xAxis = AxisTicks(points.map(\.x) + guides.filter { $0.axis == .x }.map(\.value))
        let yAxis = AxisTicks(points.map(\.y) + guides.filter { $0.axis == .y }.map(\.value))
        // Margins wide enough for the tick labels (whole pounds are long): the y labels beside the
        // rotated axis title, half the last x label past the plot's right edge.
        let yLabelWidth = yAxis.ticks.map { Self.textWidth(AxisTicks.label($0, step: yAxis.step, quantity: yQuantity), size: 12) }.max() ?? 0
        let xLabelWidth = xAxis.ticks.last.map { Self.textWidth(AxisTicks.label($0, step: xAxis.step, quantity: xQuantity), size: 12) } ?? 0
        let (left, right, top, bottom) = (max(90.0, 36 + yLabelWidth), max(30.0, xLabelWidth / 2 + 8), 50.0, 60.0)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func px(_ x: Double) -> Double { left + (x - xAxis.lower) / (xAxis.upper - xAxis.lower) * plotWidth }
        func py(_ y: Double) -> Double { top + plotHeight - (y - yAxis.lower) / (yAxis.upper - yAxis.lower) * plotHeight }

        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" \
        viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="12">

        """
        out += "<title>\(XMLText.escaped(title))</title>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        out += "<text x=\"\(f(width / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">\(XMLText.escaped(title))</text>\n"
        for tick in xAxis.ticks {
            let x = px(tick)
            out += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight))\" stroke=\"#e5e5e5\"/>\n"
            out += "<text x=\"\(f(x))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">"
                + "\(XMLText.escaped(AxisTicks.label(tick, step: xAxis.step, quantity: xQuantity)))</text>\n"
        }
        for tick in yAxis.ticks {
            let y = py(tick)
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y))\" stroke=\"#e5e5e5\"/>\n"
            out += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">"
                + "\(XMLText.escaped(AxisTicks.label(tick, step: yAxis.step, quantity: yQuantity)))</text>\n"
        }
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" "
            + "fill=\"none\" stroke=\"#333\"/>\n"
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 16))\" text-anchor=\"middle\">\(XMLText.escaped(xTitle))</text>\n"
        out += "<text transform=\"translate(20 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">"
            + "\(XMLText.escaped(yTitle))</text>\n"
        // Captions already placed, as boxes, so later ones go where they do not overlap.
        var taken: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for guide in guides {
            let (x1, y1, x2, y2) = guide.axis == .y ? (left, py(guide.value), left + plotWidth, py(guide.value))
                : (px(guide.value), top, px(guide.value), top + plotHeight)
            out += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"#555\" "
                + "stroke-dasharray=\"6 4\"/>\n"
            // A vertical guide near the right edge is labelled on its left, inside the plot.
            let labelWidth = Self.textWidth(guide.label, size: 11)
            let (tx, ty) = guide.axis == .y ? (left + 6, y1 - 6)
                : (x1 + 6 + labelWidth <= left + plotWidth ? x1 + 6 : max(left + 2, x1 - 6 - labelWidth), top + 14)
            out += "<text x=\"\(f(tx))\" y=\"\(f(ty))\" fill=\"#333\" font-size=\"11\">\(XMLText.escaped(guide.label))</text>\n"
            taken.append((tx, ty - 11, tx + labelWidth, ty + 2))
            taken.append((min(x1, x2) - 2, min(y1, y2) - 2, max(x1, x2) + 2, max(y1, y2) + 2))
        }
        let ordered = points.enumerated().filter { $0.element.marker != .reference }
            .sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
        if ordered.count > 1 {
            let path = ordered.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\"/>\n"
        }
        for point in points {
            let (x, y) = (px(point.x), py(point.y))
            let tip = point.note.map { "<title>\(XMLText.escaped(($0)))</title>" } ?? ""
            switch point.marker {
            case .frontier: out += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"3.5\" fill=\"#1f77b4\">\(tip)</circle>\n"
            case .chosen: out += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"6\" fill=\"#d62728\">\(tip)</circle>\n"
            case .reference:
                out += "<rect x=\"\(f(x - 6))\" y=\"\(f(y - 6))\" width=\"12\" height=\"12\" fill=\"white\" stroke=\"#333\" "
                    + "stroke-width=\"2\">\(tip)</rect>\n"
            }
            taken.append((x - 6, y - 6, x + 6, y + 6))
        }
        // Named points' captions first, then the others left to right, each in the first of four
        // places beside its point that stays inside the plot and clear of every caption so far.
        let captionOrder = points.indices.sorted { a, b in
            ((points[a].label == nil ? 1 : 0), points[a].x, a) < ((points[b].label == nil ? 1 : 0), points[b].x, b)
        }
        for index in captionOrder {
            let point = points[index]
            let lines = [point.label, point.note].compactMap { $0 }
            guard !lines.isEmpty else { continue }
            let size = 10.5, lineHeight = 13.0
            let boxWidth = lines.map { Self.textWidth($0, size: point.label != nil && $0 == point.label ? 12 : size) }.max()!
            let boxHeight = Double(lines.count) * lineHeight
            let (x, y) = (px(point.x), py(point.y))
            let places = [(x + 9, y + 4), (x - 9 - boxWidth, y + 4), (x + 9, y - 6 - boxHeight), (x - 9 - boxWidth, y - 6 - boxHeight),
                          (x - boxWidth / 2, y + 10), (x - boxWidth / 2, y - 10 - boxHeight)]
            let fits = places.first { (bx, by) in
                bx >= left + 2 && bx + boxWidth <= left + plotWidth - 2 && by >= top + 2 && by + boxHeight <= top + plotHeight - 2
                    && !taken.contains { $0.x0 < bx + boxWidth && bx < $0.x1 && $0.y0 < by + boxHeight && by < $0.y1 }
            }
            guard let place = fits ?? (point.label != nil ? places[0] : nil) else { continue }
            let (bx, by) = place
            taken.append((bx, by, bx + boxWidth, by + boxHeight))
            for (k, line) in lines.enumerated() {
                let bold = point.label != nil && k == 0
                out += "<text x=\"\(f(bx))\" y=\"\(f(by + Double(k + 1) * lineHeight - 3))\" font-size=\"\(bold ? "12" : "10.5")\""
                    + (bold ? " font-weight=\"bold\"" : " fill=\"#333\"")
                    + " stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">\(XMLText.escaped(line))</text>\n"
            }
        }
        return out + "</svg>\n"
    }

    /// A caption's width in pixels, estimated (no font metrics in a pure writer): sans-serif
    /// characters average a little under 0.6 em.
    static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.58 }

    /// CSV of a frontier: `epsilon,<xName>,<yName>,label`, in the points' order
    /// (x ascending for `Frontier.points`); numbers in shortest round-trip form.
    public static func csv<Payload>(
        _ points: [FrontierPoint<Payload>], xName: String, yName: String, label: (FrontierPoint<Payload>) -> String? = { _ in nil }
    ) -> String {
        var lines = ["epsilon,\(ResultStore.cell(xName)),\(ResultStore.cell(yName)),label"]
        for point in points {
            lines.append("\(point.epsilon),\(point.x),\(point.y),\(ResultStore.cell(label(point) ?? ""))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func f(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// "Nice" axis ticks: steps of 1, 2 or 5 x 10^k, about five intervals, and an axis
/// range widened to whole steps so every point sits inside.
struct AxisTicks: Equatable {
    let lower: Double
    let upper: Double
    let step: Double

    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { lower + Double($0) * step }
    }

    init(_ values: [Double]) {
        var low = values.min() ?? 0, high = values.max() ?? 1
        if high <= low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - pad, high + pad)
        }
        let rough = (high - low) / 5
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let normalised = rough / magnitude
        let step = (normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10) * magnitude
        self.step = step
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
    }

    /// A tick's text: as people read `quantity` everywhere else (`Quantity.display`: £7,500,000,
    /// 85.5%), or as `label(_:step:)` writes a plain number when there is none.
    static func label(_ value: Double, step: Double, quantity: Quantity?) -> String {
        quantity?.display(value) ?? label(value, step: step)
    }

    /// A tick's text: thousands as `k`, millions as `M`, with as many decimals as
    /// the step needs (`7M`, `7.5M`, `0.85`).
    static func label(_ value: Double, step: Double) -> String {
        let (scale, suffix): (Double, String) =
            abs(step) >= 1_000_000 || (abs(value) >= 1_000_000 && step >= 100_000) ? (1_000_000, "M")
            : abs(step) >= 1_000 ? (1_000, "k") : (1, "")
        let scaledStep = step / scale
        let decimals = scaledStep >= 1 ? 0 : Int((-log10(scaledStep)).rounded(.up))
        let text = String(format: "%.\(decimals)f", value / scale)
        if Double(text) == 0 { return "0" }
        return text + suffix
    }
}
