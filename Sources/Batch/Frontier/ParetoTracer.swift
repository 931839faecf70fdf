/// Whether smaller or larger values of a criterion are better.
public enum OptimizationSense: String, Sendable {
    /// Smaller is better (cost in GBP per year, carbon in tCO2e per year).
    case minimize
    /// Larger is better (coverage share, need served).
    case maximize
}

/// One solved point of a frontier.
public struct FrontierPoint<Payload> {
    /// The bound on x the point was solved under (x <= epsilon when x is minimised,
    /// x >= epsilon when maximised), in x's units.
    public var epsilon: Double
    /// The constrained criterion of the plan found, in its own units.
    public var x: Double
    /// The optimised criterion of the plan found, in its own units.
    public var y: Double
    /// Whatever the solver closure attached (e.g. the kept sites).
    public var payload: Payload

    /// A solved point.
    public init(epsilon: Double, x: Double, y: Double, payload: Payload) {
        self.epsilon = epsilon
        self.x = x
        self.y = y
        self.payload = payload
    }
}

extension FrontierPoint: Sendable where Payload: Sendable {}

/// A traced frontier: every solve, and the non-dominated points among them.
public struct Frontier<Payload> {
    /// Non-dominated points, sorted by x ascending.
    public var points: [FrontierPoint<Payload>]
    /// Every feasible solve, in the order solved.
    public var samples: [FrontierPoint<Payload>]
    /// Epsilons at which the constrained problem was infeasible, in the order tried.
    public var infeasibleEpsilons: [Double]
    /// Number of calls made to the solver closure.
    public var solves: Int
}

extension Frontier: Sendable where Payload: Sendable {}

/// Traces the Pareto frontier between two criteria by the epsilon-constraint method.
///
/// The closure optimises y subject to a bound `epsilon` on x (x <= epsilon when x is
/// minimised, x >= epsilon when maximised) and returns the plan's (x, y), or nil when
/// no plan meets the bound. For exact frontiers it should break ties in y by the
/// better x (a second, lexicographic solve); weakly dominated answers are filtered
/// out anyway.
///
/// Spacing is adaptive: after solving both ends of `range`, the tracer repeatedly
/// bisects the unexplored epsilon interval between the two neighbouring points that
/// are farthest apart (distance in criteria normalised by the frontier's extent), so
/// solves go where the frontier jumps or bends (its knees), not where it is flat.
/// An interval is closed, never split again, when its two points have the same y
/// (by monotonicity no non-dominated point lies between them), when it is narrower
/// than `resolution`, or when its points are closer than `tolerance`. Tracing stops
/// when every interval is closed or after `maxSolves` solves.
public struct ParetoTracer: Sendable {
    /// Direction of the constrained criterion x.
    public var xSense: OptimizationSense
    /// Direction of the optimised criterion y.
    public var ySense: OptimizationSense
    /// The epsilon range to explore, in x's units (e.g. GBP per year from the
    /// cheapest feasible estate to the full estate's cost).
    public var range: ClosedRange<Double>
    /// Most solves allowed, at least 2 (the two ends).
    public var maxSolves: Int
    /// An unexplored interval narrower than this (x's units) is not split: 1 makes
    /// the frontier exact when x only takes integer values (site counts, whole GBP).
    public var resolution: Double
    /// Neighbouring points closer than this normalised distance (0...sqrt 2) are
    /// not separated further; 0 traces until `maxSolves` or `resolution` stop it.
    public var tolerance: Double

    /// A tracer; `resolution` defaults to a millionth of the range.
    public init(
        x: OptimizationSense, y: OptimizationSense, range: ClosedRange<Double>, maxSolves: Int = 25,
        resolution: Double? = nil, tolerance: Double = 0
    ) {
        self.xSense = x
        self.ySense = y
        self.range = range
        self.maxSolves = maxSolves
        self.resolution = resolution ?? (range.upperBound - range.lowerBound) * 1e-6
        self.tolerance = tolerance
    }

    /// Traces the frontier with `solve(epsilon) -> (x, y)?` when no payload is needed.
    public func trace(_ solve: (Double) throws -> (x: Double, y: Double)?) throws -> Frontier<Void> {
        try trace { epsilon -> (x: Double, y: Double, payload: Void)? in
            try solve(epsilon).map { ($0.x, $0.y, ()) }
        }
    }

    /// Traces the frontier with `solve(epsilon) -> (x, y, payload)?`.
    public func trace<Payload>(
        _ solve: (Double) throws -> (x: Double, y: Double, payload: Payload)?
    ) throws -> Frontier<Payload> {
        guard maxSolves >= 2 else { throw BatchError.invalidFrontier(reason: "at most \(maxSolves) solves: at least 2 are needed") }
        guard range.lowerBound.isFinite, range.upperBound.isFinite, range.upperBound > range.lowerBound else {
            throw BatchError.invalidFrontier(reason: "range \(range): expected finite bounds, lower < upper")
        }
        // Work in "u" (smaller is better, constraint u <= e) and "v" (larger is better).
        let uSign: Double = xSense == .minimize ? 1 : -1
        let vSign: Double = ySense == .maximize ? 1 : -1
        let (loosest, tightest) = xSense == .minimize
            ? (range.upperBound, range.lowerBound) : (range.lowerBound, range.upperBound)
        let uScale = range.upperBound - range.lowerBound

        var samples: [FrontierPoint<Payload>] = []
        var infeasible: [Double] = []
        // Probes sorted by e = uSign * epsilon; `point` is nil where infeasible.
        var probes: [(e: Double, point: FrontierPoint<Payload>?)] = []
        var solves = 0

        func probe(_ epsilon: Double) throws {
            solves += 1
            var found: FrontierPoint<Payload>?
            if let answer = try solve(epsilon) {
                found = FrontierPoint(epsilon: epsilon, x: answer.x, y: answer.y, payload: answer.payload)
                samples.append(found!)
            } else {
                infeasible.append(epsilon)
            }
            let e = uSign * epsilon
            let at = probes.firstIndex { $0.e > e } ?? probes.endIndex
            probes.insert((e, found), at: at)
        }

        try probe(loosest)
        guard probes[0].point != nil else {
            return Frontier(points: [], samples: samples, infeasibleEpsilons: infeasible, solves: solves)
        }
        try probe(tightest)

        while solves < maxSolves {
            let vs = samples.map { vSign * $0.y }
            let vScale = max((vs.max() ?? 0) - (vs.min() ?? 0), .leastNonzeroMagnitude)
            var best: (priority: Double, split: Double)?
            for index in probes.indices.dropLast() {
                let a = probes[index], b = probes[index + 1]
                guard let pb = b.point else { continue }
                let ub = uSign * pb.x
                let width = ub - a.e
                guard width > resolution else { continue }
                let priority: Double
                if let pa = a.point {
                    let dv = vSign * pb.y - vSign * pa.y
                    guard dv != 0 else { continue }
                    let du = ub - uSign * pa.x
                    priority = ((du / uScale) * (du / uScale) + (dv / vScale) * (dv / vScale)).squareRoot()
                    guard priority > tolerance else { continue }
                } else {
                    priority = width / uScale
                }
                if best == nil || priority > best!.priority {
                    best = (priority, (a.e + ub) / 2)
                }
            }
            guard let best else { break }
            try probe(uSign * best.split)
        }
        let points = ParetoFilter.nondominated(samples, x: xSense, y: ySense)
        return Frontier(points: points, samples: samples, infeasibleEpsilons: infeasible, solves: solves)
    }
}

/// Dominance filtering between two criteria.
public enum ParetoFilter {
    /// The points no other point dominates (at least as good in both criteria and
    /// better in one), sorted by x ascending. Of identical points the first is kept.
    public static func nondominated<Payload>(
        _ points: [FrontierPoint<Payload>], x: OptimizationSense, y: OptimizationSense
    ) -> [FrontierPoint<Payload>] {
        let uSign: Double = x == .minimize ? 1 : -1
        let vSign: Double = y == .maximize ? 1 : -1
        let order = points.indices.sorted { i, j in
            let (ui, uj) = (uSign * points[i].x, uSign * points[j].x)
            if ui != uj { return ui < uj }
            let (vi, vj) = (vSign * points[i].y, vSign * points[j].y)
            if vi != vj { return vi > vj }
            return i < j
        }
        var kept: [FrontierPoint<Payload>] = []
        var bestV = -Double.infinity
        for index in order where vSign * points[index].y > bestV {
            bestV = vSign * points[index].y
            kept.append(points[index])
        }
        return kept.sorted { $0.x < $1.x }
    }

    /// The knee: the point farthest from the straight line between the frontier's
    /// two ends, with both criteria scaled to 0...1; nil with fewer than 3 points.
    /// It is where giving up a little of one criterion stops buying much of the other.
    public static func knee<Payload>(_ points: [FrontierPoint<Payload>]) -> FrontierPoint<Payload>? {
        guard points.count >= 3, let first = points.first, let last = points.last else { return nil }
        let xs = points.map(\.x), ys = points.map(\.y)
        let xSpan = max(xs.max()! - xs.min()!, .leastNonzeroMagnitude)
        let ySpan = max(ys.max()! - ys.min()!, .leastNonzeroMagnitude)
        func normalised(_ p: FrontierPoint<Payload>) -> (Double, Double) {
            ((p.x - xs.min()!) / xSpan, (p.y - ys.min()!) / ySpan)
        }
        let (ax, ay) = normalised(first), (bx, by) = normalised(last)
        let length = max(((bx - ax) * (bx - ax) + (by - ay) * (by - ay)).squareRoot(), .leastNonzeroMagnitude)
        var best: (distance: Double, point: FrontierPoint<Payload>)?
        for point in points.dropFirst().dropLast() {
            let (px, py) = normalised(point)
            let distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if best == nil || distance > best!.distance { best = (distance, point) }
        }
        return best?.point
    }
}
