import Foundation

/// Writes a frontier as an SVG scatter plot (axes, ticks, grid, the frontier line,
/// its points, and the chosen options labelled) and as CSV. Output is
/// byte-deterministic: coordinates have two decimals, points keep their order.
public struct FrontierPlot: Sendable {
    /// One point to draw; `label` non-nil marks a chosen option, drawn larger and named.
    public struct Point: Sendable, Equatable {
        /// Position on the x axis, in the criterion's own units.
        public var x: Double
        /// Position on the y axis, in the criterion's own units.
        public var y: Double
        /// The chosen option's name, or nil for an ordinary point.
        public var label: String?

        /// A point, labelled when it is a chosen option.
        public init(x: Double, y: Double, label: String? = nil) {
            self.x = x
            self.y = y
            self.label = label
        }
    }

    /// Plot title.
    public var title: String
    /// Axis titles; include units, e.g. "annual cost (GBP/year)".
    public var xTitle: String
    /// The y axis title, with units.
    public var yTitle: String
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

    /// The SVG document. Points are joined by a line in x order.
    public func svg(_ points: [Point]) -> String {
        let (left, right, top, bottom) = (90.0, 30.0, 50.0, 60.0)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let xAxis = AxisTicks(points.map(\.x)), yAxis = AxisTicks(points.map(\.y))
        func px(_ x: Double) -> Double { left + (x - xAxis.lower) / (xAxis.upper - xAxis.lower) * plotWidth }
        func py(_ y: Double) -> Double { top + plotHeight - (y - yAxis.lower) / (yAxis.upper - yAxis.lower) * plotHeight }

        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" \
        viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="12">

        """
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        out += "<text x=\"\(f(width / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">\(xml(title))</text>\n"
        for tick in xAxis.ticks {
            let x = px(tick)
            out += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight))\" stroke=\"#e5e5e5\"/>\n"
            out += "<text x=\"\(f(x))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">"
                + "\(AxisTicks.label(tick, step: xAxis.step))</text>\n"
        }
        for tick in yAxis.ticks {
            let y = py(tick)
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y))\" stroke=\"#e5e5e5\"/>\n"
            out += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">"
                + "\(AxisTicks.label(tick, step: yAxis.step))</text>\n"
        }
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" "
            + "fill=\"none\" stroke=\"#333\"/>\n"
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 16))\" text-anchor=\"middle\">\(xml(xTitle))</text>\n"
        out += "<text transform=\"translate(20 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">"
            + "\(xml(yTitle))</text>\n"
        let ordered = points.enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
        if ordered.count > 1 {
            let path = ordered.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\"/>\n"
        }
        for point in points {
            let (x, y) = (px(point.x), py(point.y))
            if let label = point.label {
                out += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"6\" fill=\"#d62728\"/>\n"
                out += "<text x=\"\(f(x + 9))\" y=\"\(f(y - 9))\" font-weight=\"bold\" stroke=\"white\" "
                    + "stroke-width=\"3\" paint-order=\"stroke\">\(xml(label))</text>\n"
            } else {
                out += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"3.5\" fill=\"#1f77b4\"/>\n"
            }
        }
        return out + "</svg>\n"
    }

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

    private func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
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
