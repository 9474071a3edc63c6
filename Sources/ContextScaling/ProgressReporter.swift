import Foundation

/// How far a long computation has got, for the person waiting.
///
/// As with `Cancellation`, the science layer does no I/O: the program hands in a closure, and the
/// long loops (a fit's searches, bootstrap draws, the folds of a comparison or backtest, the files
/// of an import) report their steps through it. The closure may be called from several threads at
/// once (the loops run in parallel) and must be quick.
public struct ProgressReporter: Sendable {
    /// What is being counted; the program words it.
    public enum Stage: Sendable, Equatable {
        case fitting, bootstrap, comparing, backtesting, importing
    }

    private let report: @Sendable (_ stage: Stage, _ done: Int, _ total: Int) -> Void

    public init(_ report: @escaping @Sendable (_ stage: Stage, _ done: Int, _ total: Int) -> Void) {
        self.report = report
    }

    /// Reports nothing: the default, for library users, tests, pipes and `--json`.
    public static let none = ProgressReporter { _, _, _ in }

    /// `done` of `total` steps of `stage` are finished.
    public func report(_ stage: Stage, done: Int, of total: Int) { report(stage, done, total) }

    /// A count of `total` steps of `stage` that parallel loops advance with `step()`.
    public func counter(_ stage: Stage, total: Int) -> ProgressCounter {
        ProgressCounter(progress: self, stage: stage, total: total)
    }
}

/// Steps finished so far, counted under a lock so that parallel loops can each add theirs.
public final class ProgressCounter: @unchecked Sendable {
    private let progress: ProgressReporter
    private let stage: ProgressReporter.Stage
    private let total: Int
    private let lock = NSLock()
    private var done = 0

    init(progress: ProgressReporter, stage: ProgressReporter.Stage, total: Int) {
        self.progress = progress
        self.stage = stage
        self.total = total
        progress.report(stage, done: 0, of: total)
    }

    /// One more step is finished. Reported under the lock, so that the counts arrive in order
    /// (a late "199 of 200" never follows the "200 of 200" that ends the stage).
    public func step() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        progress.report(stage, done: done, of: total)
    }
}
