import Optimisation

/// Where a solve left its model's relaxation: the simplex basis, with the rows and columns it was
/// found on, so that a neighbouring model (the same scenario with a limit moved or dropped: an
/// explanation's re-solve) starts there instead of from scratch. Rows are matched by what they
/// are (group, member, terms), so a model with rows left out or added still starts from it.
public struct RelaxationBasis: Sendable, Equatable {
    let basis: SimplexBasis
    let rows: [Formulation.RowKey]
    let columns: [ColumnKey]

    /// A column as the basis saw it: a neighbour whose columns differ in any of these is not started from it.
    struct ColumnKey: Equatable, Sendable {
        var kind: VariableKind
        var lower: Double
        var upper: Double
        var objective: Double
    }

    /// `basis` (a solve's, of `formulation`'s model), nil when there is none or it does not fit.
    init?(_ basis: SimplexBasis?, formulation: Formulation) {
        let model = formulation.linearModel()
        guard let basis, basis.fits(model) else { return nil }
        self.basis = basis
        rows = formulation.rowKeys
        columns = Self.columns(of: formulation)
    }

    static func columns(of formulation: Formulation) -> [ColumnKey] {
        let model = formulation.model
        return (0 ..< model.variableCount).map { j in
            let (lower, upper) = model.bounds(of: j)
            return ColumnKey(kind: model.kind(of: j), lower: lower, upper: upper, objective: model.objectiveCoefficient(of: j))
        }
    }

    /// The basis for `formulation`'s model: nil unless it has the same columns and every row it
    /// leaves out was basic (``SimplexBasis/carried(from:to:)``).
    func start(for formulation: Formulation) -> SimplexBasis? {
        guard Self.columns(of: formulation) == columns else { return nil }
        return basis.carried(from: rows, to: formulation.rowKeys)
    }
}

extension SolveOptions {
    /// These options for the branch and cut of `formulation`'s model, a specification's: from its
    /// ``PlanSpecification/warmStart`` by the dual simplex where that carries over to this model;
    /// as they are otherwise (from scratch, with the simplex chosen for that).
    func warmStarted(by specification: PlanSpecification, formulation: Formulation) -> SolveOptions {
        guard let basis = specification.warmStart?.start(for: formulation) else { return self }
        var warm = self
        warm.startBasis = basis
        warm.simplex = .dual
        return warm
    }
}
