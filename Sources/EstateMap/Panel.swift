/// The title block and legend at the right of every map: title, option name, solver status,
/// headline totals, then legend entries, laid out top to bottom.
struct Panel {
    enum Entry {
        /// A small bold heading.
        case heading(String)
        /// A filled square, e.g. a need class or the "not covered" hatch (`url(#uncovered-hatch)`).
        case swatch(colour: String, label: String)
        /// A line sample; `dash` nil for a solid line.
        case line(colour: String, dash: String?, label: String)
        /// A site symbol as drawn on the map.
        case symbol(SiteSymbol, label: String)
        /// Plain small text (a note).
        case note(String)
    }

    var title: String
    var subtitle: String
    /// Warnings shown in red under the title (an illustrative dataset, caveats).
    var notices: [String]
    var status: String
    var totals: [MapTotal]
    var entries: [Entry]

    /// Bottom of the panel's content, pixels (the canvas is at least this tall).
    var height: Double { layout().height }

    func markup() -> String { layout().markup }

    private func layout() -> (markup: String, height: Double) {
        let left = MapCanvas.panelLeft, right = MapCanvas.panelRight
        var svg = SVGWriter()
        var y = 38.0
        svg.open("g", ["id": "title-block", "fill": "#1e1e1e"])
        for line in Self.wrap(title, chars: Self.titleChars) {
            svg.element("text", ["x": Fixed.trimmed(left), "y": Fixed.trimmed(y), "font-size": "22", "font-weight": "700"], text: line)
            y += 27
        }
        for line in Self.wrap(subtitle, chars: 38) {
            svg.element("text", ["x": Fixed.trimmed(left), "y": Fixed.trimmed(y), "font-size": "15", "fill": "#444444"], text: line)
            y += 20
        }
        for notice in notices {
            for line in Self.wrap(notice, chars: 38) {
                svg.element("text", ["x": Fixed.trimmed(left), "y": Fixed.trimmed(y), "font-size": "13", "font-weight": "700",
                                     "fill": "#b30000", "class": "notice"], text: line)
                y += 18
            }
        }
        for line in Self.wrap(status, chars: 44) {
            svg.element("text", ["x": Fixed.trimmed(left), "y": Fixed.trimmed(y), "font-size": "13", "fill": "#444444", "class": "status"], text: line)
            y += 18
        }
        y += 8
        for total in totals {
            svg.element("text", ["x": Fixed.trimmed(left), "y": Fixed.trimmed(y), "font-size": "13"], text: total.label)
            svg.element("text", ["x": Fixed.trimmed(right), "y": Fixed.trimmed(y), "font-size": "13", "font-weight": "700",
                                 "text-anchor": "end"], text: total.value)
            y += 19
        }
        svg.close("g")
        y += 8
        svg.open("g", ["id": "legend", "font-size": "12", "fill": "#1e1e1e"])
        for entry in entries {
            let cx = left + 9, ty = Fixed.trimmed(y + 4), tx = Fixed.trimmed(left + 26)
            switch entry {
            case .heading(let text):
                y += 10
                svg.element("text", ["x": Fixed.trimmed(left), "y": Fixed.trimmed(y + 4), "font-size": "13", "font-weight": "700"], text: text)
            case .swatch(let colour, let label):
                svg.empty("rect", ["x": Fixed.trimmed(cx - 7), "y": Fixed.trimmed(y - 7), "width": "14", "height": "14",
                                   "fill": colour, "stroke": "#666666", "stroke-width": "0.5"])
                svg.element("text", ["x": tx, "y": ty], text: label)
            case .line(let colour, let dash, let label):
                if let dash {
                    svg.empty("line", ["x1": Fixed.trimmed(cx - 9), "y1": Fixed.trimmed(y), "x2": Fixed.trimmed(cx + 9),
                                       "y2": Fixed.trimmed(y), "stroke": colour, "stroke-width": "1.5", "stroke-dasharray": dash])
                } else {
                    svg.empty("line", ["x1": Fixed.trimmed(cx - 9), "y1": Fixed.trimmed(y), "x2": Fixed.trimmed(cx + 9),
                                       "y2": Fixed.trimmed(y), "stroke": colour, "stroke-width": "1.5"])
                }
                svg.element("text", ["x": tx, "y": ty], text: label)
            case .symbol(let symbol, let label):
                svg.raw(symbol.markup(x: cx, y: y, attributes: ""))
                svg.element("text", ["x": tx, "y": ty], text: label)
            case .note(let text):
                for (k, line) in Self.wrap(text, chars: 50).enumerated() {
                    if k > 0 { y += 15 }
                    svg.element("text", ["x": Fixed.trimmed(left), "y": Fixed.trimmed(y + 4), "font-size": "11", "fill": "#555555"], text: line)
                }
            }
            y += 21
        }
        svg.close("g")
        return (svg.text, y + 10)
    }

    /// Characters of the 22 px bold title that fit the panel's text width in the widest font the
    /// map may fall back to, DejaVu Sans Bold. Chromium sets "Kent Family Hub Network" at 0.63 em
    /// a character (so at 24 a line it ran past the panel's edge and was clipped); 0.75 em leaves
    /// room for titles of wider letters (capitals, m, w).
    static let titleChars = Int((MapCanvas.panelRight - MapCanvas.panelLeft) / (22 * 0.75))

    /// Greedy word wrap at roughly `chars` characters per line (the panel has no text measuring).
    static func wrap(_ text: String, chars: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > chars {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
