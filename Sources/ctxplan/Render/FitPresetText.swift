import Foundation
import Planner

/// What a preset saved by `fit --save` says of itself.
extension FitReport {
    /// "fitted to 90 records of arithmetic".
    var presetDescription: String { "fitted to \(records.observationCount) records of \(taskName)" }
    /// "ctxplan fit (paper law), MAE 0.0123".
    var presetSource: String {
        "ctxplan fit (\(result.law.form.rawValue) law), MAE \(String(format: "%.4f", result.mae))"
    }
}
