import CCBC
import Foundation
import Synchronization

/// COIN-OR CBC through its C interface: load the column-major model, mark the integer columns,
/// limit the time, silence the log, solve, read the answer back, free the model.
enum CBC {
    enum Status: String, Sendable {
        case optimal
        /// Stopped at the time limit; `values` holds the best solution found, if any.
        case timeLimit = "time limit"
        case infeasible
        case failed
    }

    struct Outcome: Sendable {
        var status: Status
        /// Column values of the best solution found; nil when there is none.
        var values: [Double]?
        var objective: Double?
        /// The best bound CBC proved (a MIP's best possible value; an LP's optimum).
        var bound: Double?
        var seconds: Double
    }

    static var version: String { String(cString: Cbc_getVersion()) }

    /// `Cbc_solve` runs CbcMain1, whose command-line parser keeps state in globals: one solve at a time.
    private static let solving = Mutex(())

    /// Solves `model` within `timeLimit` seconds, from the feasible solution `start` (every column's
    /// value) when given. A model without integer columns is solved as an LP (by Clp, no time limit).
    static func solve(_ model: MIPModel, start: [Double]? = nil, timeLimit: Double) -> Outcome {
        solving.withLock { _ in
            let began = ProcessInfo.processInfo.systemUptime
            guard let cbc = Cbc_newModel() else { return Outcome(status: .failed, seconds: 0) }
            defer { Cbc_deleteModel(cbc) }
            Cbc_loadProblem(cbc, Int32(model.columnCount), Int32(model.rowCount), model.columnStarts, model.rowIndices, model.values,
                            model.columnLower, model.columnUpper, model.objective, model.rowLower, model.rowUpper)
            Cbc_setObjSense(cbc, model.maximize ? -1 : 1)
            for column in model.integers { Cbc_setInteger(cbc, Int32(column)) }
            // Quiet: CBC's own log, and Clp's (which CbcMain1 sets apart, e.g. "Presolved problem not optimal").
            Cbc_setLogLevel(cbc, 0)
            Cbc_setParameter(cbc, "log", "0")
            Cbc_setParameter(cbc, "slogLevel", "0")
            Cbc_setMaximumSeconds(cbc, timeLimit)
            // A full solution rather than Cbc_setMIPStart's named columns: CBC 2.10.8 looks the names up
            // after preprocessing has added columns, and fails ("Illegal index … getColumnName").
            if let start { Cbc_setInitialSolution(cbc, start) }
            Cbc_solve(cbc)
            let seconds = ProcessInfo.processInfo.systemUptime - began

            let isLP = model.integers.isEmpty
            let status: Status = Cbc_isProvenOptimal(cbc) != 0 ? .optimal
                : Cbc_isProvenInfeasible(cbc) != 0 ? .infeasible
                : !isLP && Cbc_isSecondsLimitReached(cbc) != 0 ? .timeLimit : .failed
            // A MIP's answer is its best solution, not the column values of the last LP solved.
            let best = isLP ? (status == .optimal ? Cbc_getColSolution(cbc) : nil) : UnsafePointer(Cbc_bestSolution(cbc))
            let hasSolution = best != nil
            let values = best.map { Array(UnsafeBufferPointer(start: $0, count: model.columnCount)) }
            let objective = hasSolution ? Cbc_getObjValue(cbc) : nil
            let bound: Double? = isLP ? objective : status == .infeasible ? nil : Cbc_getBestPossibleObjValue(cbc)
            return Outcome(status: status, values: values, objective: objective, bound: bound, seconds: seconds)
        }
    }
}
