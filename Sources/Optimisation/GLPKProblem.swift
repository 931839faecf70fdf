import CGLPK
import CGLPKGuard

/// The one owner of a GLPK problem object: created on the solving thread, freed in
/// `deinit`, never shared between threads.
final class GLPKProblem {
    /// nil after a fatal GLPK error, which frees the thread's environment and every
    /// problem in it (so this object must not free it again).
    private(set) var pointer: OpaquePointer?

    init() {
        pointer = glp_create_prob()
    }

    deinit {
        free()
    }

    /// Deletes the problem now (idempotent); it must go before its thread's environment.
    func free() {
        if let pointer { glp_delete_prob(pointer) }
        pointer = nil
    }

    /// Records that GLPK's guard freed the environment (and this problem with it).
    func forget() {
        pointer = nil
    }

    /// Loads `model` in one bulk call (bounds, objective, one `glp_load_matrix`).
    /// Returns false when GLPK raised a fatal error (the problem is then gone).
    func load(_ model: LinearModel) -> Bool {
        guard let pointer else { return false }
        let m = model.rowCount, n = model.variableCount
        let kinds = model.kinds.map { $0 == .continuous ? GLP_CV : GLP_IV }
        // 1-based triplets (element 0 unused); explicit zeros are dropped.
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        ia.reserveCapacity(model.coefficientCount + 1)
        ja.reserveCapacity(model.coefficientCount + 1)
        ar.reserveCapacity(model.coefficientCount + 1)
        for r in 0 ..< m {
            for k in model.rowStart[r] ..< model.rowStart[r + 1] where model.rowCoefficients[k] != 0 {
                ia.append(Int32(r + 1))
                ja.append(Int32(model.rowColumns[k] + 1))
                ar.append(model.rowCoefficients[k])
            }
        }
        let code = estate_glpk_load(pointer, model.sense == .minimise ? 1 : 0, Int32(m), Int32(n),
                                    kinds, model.lower, model.upper, model.objective,
                                    model.rowLower, model.rowUpper, Int32(ar.count - 1), ia, ja, ar)
        guard code == ESTATE_GLPK_OK else { forget(); return false }
        for (j, name) in model.variableNames.sorted(by: { $0.key < $1.key }) {
            guard estate_glpk_set_col_name(pointer, Int32(j + 1), name) == ESTATE_GLPK_OK else { forget(); return false }
        }
        for (i, name) in model.rowNames.sorted(by: { $0.key < $1.key }) {
            guard estate_glpk_set_row_name(pointer, Int32(i + 1), name) == ESTATE_GLPK_OK else { forget(); return false }
        }
        return true
    }

    /// Values of the basic (LP) solution, one per column.
    func lpValues(count: Int) -> [Double] {
        guard let pointer else { return [] }
        return (0 ..< count).map { glp_get_col_prim(pointer, Int32($0 + 1)) }
    }

    /// Reduced costs of the basic (LP) solution, one per column.
    func reducedCosts(count: Int) -> [Double] {
        guard let pointer else { return [] }
        return (0 ..< count).map { glp_get_col_dual(pointer, Int32($0 + 1)) }
    }

    /// Values of the MIP solution, integer columns rounded.
    func mipValues(_ model: LinearModel) -> [Double] {
        guard let pointer else { return [] }
        return (0 ..< model.variableCount).map { j in
            let value = glp_mip_col_val(pointer, Int32(j + 1))
            return model.kinds[j] == .continuous ? value : value.rounded()
        }
    }
}
