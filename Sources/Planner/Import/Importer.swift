import ContextScaling
import Foundation

extension Planner {
    /// Reads evaluation results from `paths`: CSV files, results files of the formats in
    /// `ResultsFormat`, or folders searched recursively for both (`.csv` and `.json` files).
    /// Every file found is read, passed over as not results (a JSON in no known format, such as
    /// a preset, or a CSV without a score column, found in a folder), or skipped with why (a
    /// syntax error, a missing or bad field, an unreadable file or folder). Skipped files stop
    /// the import, all named at once, unless `settings.skipBad`; an import that reads no record
    /// is an error. `excluding` is a file never read (the import's own output).
    public func importResults(paths: [String], settings: ImportSettings, excluding: String? = nil) throws
        -> ImportedData
    {
        var context = ImportContext(settings: settings, library: library)
        var records: [ImportedRecord] = []
        var files: [(path: String, format: ResultsFormat, records: Int)] = []
        let (found, unreadableFolders) = try Planner.resultFiles(paths, excluding: excluding)
        var skipped = unreadableFolders.map { SkippedFile(file: $0, reason: .unreadable(file: $0)) }
        var passedOver: [String] = []
        var folded: [FoldKey: Int] = [:]
        var reserved = false
        // Progress in bytes read, file by file: one large file weighs as much as many small ones.
        let sizes = found.map { Planner.fileSize($0.0) }
        let totalBytes = max(1, sizes.reduce(0, +))
        var doneBytes = 0
        progress.report(.importing, done: 0, of: totalBytes)
        for ((path, named), size) in zip(found, sizes) {
            if cancellation.isRequested { throw CancelledByUser() }
            defer {
                doneBytes += size
                progress.report(.importing, done: doneBytes, of: totalBytes)
            }
            do {
                guard let (format, read) = try readFile(path, named: named, context: &context) else {
                    passedOver.append(path)
                    continue
                }
                files.append((path, format, read.count))
                if !reserved && !read.isEmpty && !settings.foldsRepeats {
                    // Room for every file's records at the first file's records per byte: a
                    // million records grown by doubling would hold the old copy and the new at
                    // once (and room not filled is never touched, so costs no memory).
                    reserved = true
                    let perByte = Double(read.count) / Double(max(1, size))
                    records.reserveCapacity(Int(min(2e7, Double(totalBytes) * perByte * 1.05)) + read.count)
                }
                if settings.foldsRepeats {
                    Planner.fold(read, into: &records, index: &folded)
                } else {
                    records += read
                }
            } catch is ModelNotFound {
                // A file of an unknown model is noted and passed over, so that one run names them all.
                continue
            } catch let e as ImportError where e.isAboutOneFile {
                skipped.append(SkippedFile(file: path, reason: e))
            }
        }
        if let template = settings.modelsTemplate { try ModelTemplate.write(context.models.seen, to: template) }
        if !context.models.unknown.isEmpty {
            // Files --skip-bad passes over are not this run's problem; the others are.
            throw ImportError.unknownModels(context.models.unknown, unreadable: settings.skipBad ? [] : skipped)
        }
        if !skipped.isEmpty && !settings.skipBad { throw ImportError.skippedFiles(skipped) }
        guard !files.isEmpty || !skipped.isEmpty else { throw ImportError.noResults(paths: paths) }
        if let task = settings.task, records.isEmpty, !files.isEmpty {
            throw ImportError.taskNotFound(task: task, available: context.datasetsSeen)
        }
        guard !records.isEmpty else { throw ImportError.nothingRead(paths: paths) }
        var data = ImportedData(records: records, files: files, charsPerToken: settings.charsPerToken)
        data.skipped = skipped
        data.passedOver = passedOver
        return data
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// What makes two imported records the same observation, read the same way (an import's
    /// summary counts records by where their prompt lengths came from and their format).
    struct FoldKey: Hashable {
        let task: String?, model: String?, dataset: String, shots: Int?
        let flops: Double, nCtx: Double, nPmt: Double, metric: Double, native: Double?
        let promptSource: PromptSource, format: ResultsFormat

        init(_ r: ImportedRecord) {
            let o = r.observation
            (task, model, dataset, shots) = (o.task, o.model, r.dataset, o.shots)
            (flops, nCtx, nPmt, metric, native) = (o.flops, o.nCtx, o.nPmt, o.metric, o.nativeNCtx)
            (promptSource, format) = (r.promptSource, r.format)
        }
    }

    /// `read` added to `records`, each record alike in every value to one there (an instance
    /// of another seed, say) counted into it rather than kept: a folder of a million instances
    /// is fitted in memory that follows its distinct records.
    static func fold(_ read: [ImportedRecord], into records: inout [ImportedRecord], index: inout [FoldKey: Int]) {
        for record in read {
            let key = FoldKey(record)
            if let known = index[key] {
                records[known].observation.count += record.observation.count
            } else {
                index[key] = records.count
                records.append(record)
            }
        }
    }

    /// The files under `paths` in a stable order, each with whether it was named itself, and
    /// the folders that could not be listed. `excluding` is left out wherever it is found.
    static func resultFiles(_ paths: [String], excluding: String? = nil) throws -> (
        files: [(String, Bool)], unreadable: [String]
    ) {
        let excluded = excluding.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        func isExcluded(_ path: String) -> Bool {
            excluded.map { URL(fileURLWithPath: path).standardizedFileURL.path == $0 } ?? false
        }
        var found: [(String, Bool)] = []
        var unreadable: [String] = []
        // Folders by their real path: a link back up the tree is walked once, not forever.
        var walked: Set<String> = []
        func walk(_ folder: String) {
            guard walked.insert(URL(fileURLWithPath: folder).resolvingSymlinksInPath().path).inserted else { return }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                unreadable.append(folder)
                return
            }
            for name in names.sorted() {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    walk(path)
                } else if name.hasSuffix(".csv") || name.hasSuffix(".json"), !isExcluded(path) {
                    found.append((path, false))
                }
            }
        }
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ImportError.noSuchPath(path)
            }
            if isFolder.boolValue {
                // Found files are named from the path as given, as the user wrote it, in the
                // order of their paths below it.
                let before = found.count
                walk(path)
                found[before...].sort { $0.0 < $1.0 }
            } else if !isExcluded(path) {
                found.append((path, true))
            }
        }
        return (found, unreadable)
    }

    private func readFile(_ path: String, named: Bool, context: inout ImportContext) throws
        -> (ResultsFormat, [ImportedRecord])?
    {
        if path.lowercased().hasSuffix(".csv") {
            // A folder may hold other tables (a model table): only those with scores are results.
            if !named && !Planner.hasScoreColumn(path) { return nil }
            return (.csv, try readCSV(path, context: &context))
        }
        let json = try ResultsJSON.read(path: path)
        if PaperEvalFile.looksLike(json) {
            return (.paperEval, try PaperEvalFile.read(json, file: path, context: &context))
        }
        if HarnessResultsFile.looksLike(json) {
            let records = try HarnessResultsFile.read(json, file: path, context: &context)
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
        var shared: [String: ImportedRecord.Shared] = [:]
        return observations.map { observation in
            let dataset = observation.task ?? ""
            let fields =
                shared[dataset]
                ?? ImportedRecord.Shared(
                    dataset: dataset, params: nil, tokens: nil, metricName: nil, promptSource: .measured, format: .csv,
                    source: path)
            shared[dataset] = fields
            return ImportedRecord(observation: observation, shared: fields)
        }
    }

    /// ctxplan's CSV at `path`: the rows of the chosen task (a file without a task column is
    /// all kept), and every task the file names, sorted. `folding` reads repeated rows as one
    /// record with a count, as a fit may.
    func csvObservations(_ path: String, settings: ImportSettings, folding: Bool = false) throws -> (
        kept: [Observation], tasks: [String]
    ) {
        let layoutTask = settings.task.flatMap { try? library.task($0) }
        var observations = try ObservationReader(
            library: library, defaultTask: layoutTask, percentScores: settings.percentScores, foldsRepeats: folding
        ).read(path: path)
        let tasks = Set(observations.compactMap(\.task)).sorted()
        if let task = settings.task, observations.contains(where: { $0.task != nil }) {
            observations.removeAll { $0.task?.lowercased() != task.lowercased() }
        }
        return (observations, tasks)
    }
}
