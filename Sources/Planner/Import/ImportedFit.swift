import ContextScaling
import Foundation

extension Planner {
    /// The records to fit from `paths` (see `importResults`): one task's, the chosen one's or
    /// the only one the files hold. `layoutTask` is the task preset of that name, if any, whose
    /// token lengths a saved preset may borrow.
    public func fitRecords(paths: [String], settings: ImportSettings) throws -> (
        name: String, records: [Observation], layoutTask: TaskPreset?, imported: ImportedData
    ) {
        let (records, imported) = try fitInput(paths: paths, settings: settings)
        let tasks = Set(records.compactMap { $0.task?.lowercased() })
        if settings.task == nil && tasks.count > 1 {
            throw FittingError.severalTasks(file: paths.joined(separator: " "), tasks: tasks.sorted())
        }
        let name =
            settings.task ?? records.first?.task
            ?? URL(fileURLWithPath: paths[0]).deletingPathExtension().lastPathComponent
        let layoutTask = try? library.task(name)
        return (layoutTask?.name ?? name, records, layoutTask, imported)
    }

    /// The observations to fit and what was read. CSV files alone are read straight into
    /// observations: a million rows wrapped as imported records as well took twice the memory.
    private func fitInput(paths: [String], settings: ImportSettings) throws -> ([Observation], ImportedData) {
        let files = try Planner.resultFiles(paths).files
        guard !files.isEmpty, files.allSatisfy({ $0.1 && $0.0.lowercased().hasSuffix(".csv") }) else {
            var folding = settings
            folding.foldsRepeats = true
            let imported = try importResults(paths: paths, settings: folding)
            return (imported.records.map(\.observation), imported)
        }
        var records: [Observation] = []
        var read: [(path: String, format: ResultsFormat, records: Int)] = []
        var tasksSeen: Set<String> = []
        for (path, _) in files {
            if cancellation.isRequested { throw CancelledByUser() }
            let (observations, tasks) = try csvObservations(path, settings: settings, folding: true)
            tasksSeen.formUnion(tasks)
            read.append((path, .csv, observations.observationCount))
            records += observations
        }
        if let task = settings.task, records.isEmpty {
            throw ImportError.taskNotFound(task: task, available: tasksSeen.sorted())
        }
        let imported = ImportedData(
            records: [], files: read, charsPerToken: settings.charsPerToken, promptSources: [.measured])
        return (records, imported)
    }

    /// Token lengths measured from the records themselves: the least-squares line
    /// n_pmt = base + shots x per-shot tokens through the records that give both a shot count
    /// and a prompt length. Nil with fewer than two shot counts, or a line that is not two
    /// lengths of at least one token.
    public static func tokenLengths(of records: [Observation]) -> PromptLayout? {
        let pairs = records.compactMap { r in r.shots.map { (Double($0), r.nPmt, Double(r.count)) } }
        guard Set(pairs.map(\.0)).count >= 2 else { return nil }
        let n = pairs.reduce(0) { $0 + $1.2 }
        let meanShots = pairs.reduce(0) { $0 + $1.0 * $1.2 } / n
        let meanTokens = pairs.reduce(0) { $0 + $1.1 * $1.2 } / n
        var covariance = 0.0
        var variance = 0.0
        for (s, t, w) in pairs {
            covariance += w * (s - meanShots) * (t - meanTokens)
            variance += w * (s - meanShots) * (s - meanShots)
        }
        let perShot = covariance / variance
        let base = meanTokens - perShot * meanShots
        guard perShot >= 1, base >= 1, perShot.isFinite, base.isFinite else { return nil }
        return PromptLayout(baseTokens: base, shotTokens: perShot)
    }
}
