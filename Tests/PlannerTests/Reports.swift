import Synchronization

@testable import Planner

/// Collects what a library reports, from any thread.
final class Reports: Sendable {
    private let problems = Mutex<[LibraryProblem]>([])
    var all: [LibraryProblem] { problems.withLock { $0 } }
    @Sendable func add(_ problem: LibraryProblem) { problems.withLock { $0.append(problem) } }
}

extension Array where Element == LibraryProblem {
    /// In an order that does not depend on which thread reported first.
    var inStableOrder: [LibraryProblem] { sorted { "\($0)" < "\($1)" } }

    /// The path and problem of each skipped preset file.
    var skippedPresets: [(path: String, problem: PresetFileProblem)] {
        compactMap { if case .skippedPreset(let path, let problem) = $0 { (path, problem) } else { nil } }
    }
}
