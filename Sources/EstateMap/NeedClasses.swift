/// Need drawn as five quantile classes (quintiles of the areas) on viridis: a sequential scale
/// that stays ordered in grey and under the common colour-vision deficiencies. Classes rather
/// than a continuous ramp because need scores are skewed and a legend of ranges reads at a glance.
struct NeedClasses {
    /// Viridis at 0, 1/4, 1/2, 3/4, 1, from the least need (yellow) to the most (dark purple),
    /// so the areas that matter most are the darkest marks on the pale map.
    static let palette = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]

    /// Upper bounds of every class but the last, ascending and distinct.
    let breaks: [Double]
    /// Digits after the point in legend labels, chosen from the data's range.
    let decimals: Int

    /// Quintile breaks of `values` (nearest-rank); duplicates merge, so heavily tied data gets fewer classes.
    init(values: [Double]) {
        let sorted = values.sorted()
        var breaks: [Double] = []
        if !sorted.isEmpty {
            for q in 1...4 {
                let rank = (q * sorted.count + 4) / 5 - 1
                let b = sorted[max(0, min(sorted.count - 1, rank))]
                if b < sorted[sorted.count - 1], breaks.last.map({ b > $0 }) ?? true { breaks.append(b) }
            }
        }
        self.breaks = breaks
        let range = (sorted.last ?? 0) - (sorted.first ?? 0)
        decimals = range < 1 ? 3 : range < 10 ? 2 : range < 100 ? 1 : 0
    }

    var count: Int { breaks.count + 1 }

    /// Class of a value: 0 for the least need; a value equal to a break belongs to the lower class.
    func index(of value: Double) -> Int {
        var i = 0
        while i < breaks.count && value > breaks[i] { i += 1 }
        return i
    }

    /// Fill colour of class `i`, spread over the whole palette whatever the number of classes.
    func colour(_ i: Int) -> String {
        guard count > 1 else { return Self.palette[2] }
        return Self.palette[(i * (Self.palette.count - 1) + (count - 1) / 2) / (count - 1)]
    }

    /// Legend text of class `i` for people: in words with the range after it when there are five
    /// classes ("highest-need fifth (> 31.0)"), since a bare score range means nothing to a
    /// reader of a cabinet paper; the range alone, marked at the ends, when ties merged classes.
    func words(_ i: Int) -> String {
        guard count == 5 else {
            let end = count > 1 && i == count - 1 ? "  most need" : count > 1 && i == 0 ? "  least need" : ""
            return label(i) + end
        }
        let names = ["lowest-need fifth", "fourth fifth", "middle fifth", "second fifth", "highest-need fifth"]
        return names[i] + " (" + label(i) + ")"
    }

    /// Legend range of class `i`, e.g. "≤ 12.5", "12.5 – 20.1", "> 31.0".
    func label(_ i: Int) -> String {
        if count == 1 { return "all areas" }
        if i == 0 { return "≤ " + Fixed.places(breaks[0], decimals) }
        if i == count - 1 { return "> " + Fixed.places(breaks[i - 1], decimals) }
        return Fixed.places(breaks[i - 1], decimals) + " – " + Fixed.places(breaks[i], decimals)
    }
}
