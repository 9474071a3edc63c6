import ContextScaling
import Foundation

extension Planner {
    /// Reads evaluation results from `paths`: CSV files, results files of the formats in
    /// `ResultsFormat`, or folders searched recursively for both (`.csv` and `.json` files; a
    /// JSON in a folder that is in no known format, such as a preset, is passed over).
    public func importResults(paths: [String], settings: ImportSettings) throws -> ImportedData {
        var context = ImportContext(settings: settings, library: library)
        var records: [ImportedRecord] = []
        var files: [(path: String, format: ResultsFormat, records: Int)] = []
        for (path, named) in try Planner.resultFiles(paths) {
            if cancellation.isRequested { throw CancelledByUser() }
            guard let (format, read) = try readFile(path, named: named, context: &context) else { continue }
            files.append((path, format, read.count))
            records += read
        }
        guard !files.isEmpty else { throw ImportError.noResults(paths: paths) }
        if let task = settings.task, records.isEmpty {
            throw ImportError.taskNotFound(task: task, available: context.datasetsSeen)
        }
        return ImportedData(records: records, files: files, charsPerToken: settings.charsPerToken)
    }

    /// The files under `paths` in a stable order, each with whether it was named itself.
    static func resultFiles(_ paths: [String]) throws -> [(String, Bool)] {
        var found: [(String, Bool)] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ImportError.noSuchPath(path)
            }
            guard isFolder.boolValue else {
                found.append((path, true))
                continue
            }
            // Found files are named from the path as given, as the user wrote it.
            let base = path.hasSuffix("/") ? path : path + "/"
            let inside = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
            for relative in inside where relative.hasSuffix(".csv") || relative.hasSuffix(".json") {
                found.append((base + relative, false))
            }
        }
        return found
    }

    private func readFile(_ path: String, named: Bool, context: inout ImportContext) throws
        -> (ResultsFormat, [ImportedRecord])?
    {
        if path.lowercased().hasSuffix(".csv") {
            // A folder may hold other tables (a model table): only those with scores are results.
            if !named && !Planner.hasScoreColumn(path) { return nil }
            return (.csv, try readCSV(path, context: &context))
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError.unreadable(file: path) }
        guard let object = try? JSONSerialization.jsonObject(with: data), let json = object as? [String: Any] else {
            if named { throw ImportError.notJSON(file: path) }
            return nil
        }
        if PaperEvalFile.looksLike(json) {
            return (.paperEval, try PaperEvalFile.read(json, file: path, context: &context))
        }
        if HarnessResultsFile.looksLike(json) {
            let text = String(decoding: data, as: UTF8.self)
            let records = try HarnessResultsFile.read(json, text: text, file: path, context: &context)
            return (records.first?.format ?? .harness, records)
        }
        if named { throw ImportError.unknownFormat(file: path) }
        return nil
    }

    /// Whether a CSV's header names a `metric` or `score` column, as results files have.
    static func hasScoreColumn(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        let start = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        let header = start.split(whereSeparator: \.isNewline).first ?? ""
        return header.split(separator: ",").contains {
            let name = $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\u{FEFF}")).lowercased()
            return name == "metric" || name == "score"
        }
    }

    /// ctxplan's CSV as imported records: the rows of the chosen task.
    private func readCSV(_ path: String, context: inout ImportContext) throws -> [ImportedRecord] {
        let (observations, tasks) = try csvObservations(path, settings: context.settings)
        for name in tasks { _ = context.wants(dataset: name) }
        return observations.map {
            ImportedRecord(
                observation: $0, dataset: $0.task ?? "", params: nil, tokens: nil, metricName: nil,
                promptSource: .measured, format: .csv, source: path)
        }
    }

    /// ctxplan's CSV at `path`: the rows of the chosen task (a file without a task column is
    /// all kept), and every task the file names, sorted.
    func csvObservations(_ path: String, settings: ImportSettings) throws -> (kept: [Observation], tasks: [String]) {
        let layoutTask = settings.task.flatMap { try? library.task($0) }
        var observations = try ObservationReader(
            library: library, defaultTask: layoutTask, percentScores: settings.percentScores
        ).read(path: path)
        let tasks = Set(observations.compactMap(\.task)).sorted()
        if let task = settings.task, observations.contains(where: { $0.task != nil }) {
            observations.removeAll { $0.task?.lowercased() != task.lowercased() }
        }
        return (observations, tasks)
    }
}
