import Foundation
import Synchronization

/// Every preset the program knows: the bundled ones, then the user's (XDG config directory),
/// then any folder the user adds; a later entry with the same name replaces an earlier one.
/// A malformed file is skipped and reported, with its path and field, once: to `report` as it
/// is found, and in `problems`.
///
/// Loading is lazy so that a folder of thousands of presets costs a command only the files it
/// uses. The folders are listed when the library is made; a file is read on first use and
/// kept. A name is looked up by file name first: the last readable `NAME.json` (any case)
/// whose name or aliases include it. Any other name (an alias, or a `name` unlike its file's)
/// is found by reading every file of that kind once; in that merged list a file named for its
/// preset wins over one that is not, so listing and lookup agree.
///
/// Safe to share between threads: the folder index is immutable, and what has been read sits
/// behind one lock. Files are read outside the lock; when two threads read the same file at
/// once, the first to finish is kept and its problem reported, the other discarded.
public final class PresetLibrary: Sendable {
    /// The directories searched, in order.
    public let directories: [String]
    private let index: PresetIndex
    private let state = Mutex(LibraryState())
    private let report: @Sendable (LibraryProblem) -> Void

    /// `bundled`, when given, is searched first and must exist: the program cannot plan without
    /// it, so its absence is reported. A missing folder in `directories` is skipped silently
    /// (the user's own folder usually does not exist).
    public init(
        directories: [String], bundled: String? = nil, report: @escaping @Sendable (LibraryProblem) -> Void = { _ in }
    ) {
        self.directories = (bundled.map { [$0] } ?? []) + directories
        self.report = report
        index = PresetIndex(directories: self.directories)
        var isDirectory: ObjCBool = false
        if let bundled,
            !(FileManager.default.fileExists(atPath: bundled, isDirectory: &isDirectory) && isDirectory.boolValue)
        {
            record(.bundledFolderMissing(path: bundled))
        }
    }

    // MARK: - Listings (read every file of the kind, once)

    public var tasks: [TaskPreset] { catalog(TaskPreset.self).entries }
    public var models: [ModelPreset] { catalog(ModelPreset.self).entries }
    public var hardware: [HardwarePreset] { catalog(HardwarePreset.self).entries }

    /// Names for completion and listings.
    public var taskNames: [String] { tasks.map(\.name) }
    public var modelNames: [String] { models.map(\.name) }
    public var gpuNames: [String] { hardware.map(\.name) }

    /// One per file that could not be loaded, among the files read so far.
    public var problems: [LibraryProblem] { state.withLock { $0.problems } }

    /// Observation tables (`observations/*.csv`), read on first use: most commands never need
    /// them, and a one-shot answer should not pay for them.
    public var observations: [Observation] {
        cached(\.observations) {
            readObservationFiles(ruler: false) { try ObservationReader(library: self).read(path: $0) }
        }
    }

    /// Long-context retrieval accuracy of the paper's checkpoints (`observations/ruler-*.csv`,
    /// Table 2), for the warning that models score worse near a new limit.
    public var ruler: [RulerRecord] {
        cached(\.ruler) { readObservationFiles(ruler: true, RulerRecord.read) }
    }

    // MARK: - Lookup

    /// The task preset named `name`, or loaded from the file `name` when it names a JSON file.
    public func task(_ name: String) throws -> TaskPreset {
        if name.hasSuffix(".json") || name.contains("/") {
            return try PresetLibrary.loadTask(path: name)
        }
        return try lookup(name)
    }

    public func model(_ name: String) throws -> ModelPreset { try lookup(name) }

    public func gpu(_ name: String) throws -> HardwarePreset { try lookup(name) }

    /// Reads one task preset file.
    public static func loadTask(path: String) throws -> TaskPreset {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PresetError.unreadableTaskFile(path: path)
        }
        do {
            return try TaskPreset.read(data, path: path)
        } catch {
            throw PresetError.invalidTaskFile(path: path, PresetFileProblem(error))
        }
    }

    /// Writes `preset` as JSON to `path`: to a temporary file first, then renamed into place,
    /// so a crash or a full disk never leaves half a preset. Refuses to replace a file unless
    /// `overwrite` is set.
    public static func save(_ preset: TaskPreset, to path: String, overwrite: Bool) throws {
        if !overwrite && FileManager.default.fileExists(atPath: path) {
            throw FittingError.presetExists(path: path)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(TaskPresetFile(preset)) + Data("\n".utf8)
        try AtomicFile.write(data, to: path)
    }

    /// Writes `preset` as a model preset file, as `save(_:to:overwrite:)` writes a task's.
    public static func save(_ preset: ModelPreset, to path: String, overwrite: Bool) throws {
        if !overwrite && FileManager.default.fileExists(atPath: path) {
            throw FittingError.presetExists(path: path)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(preset) + Data("\n".utf8), to: path)
    }

    private func lookup<Entry: LibraryEntry>(_ name: String) throws -> Entry {
        let key = Self.hubID(name.lowercased())
        // A file named for the key that holds a preset of another name: said, since the user
        // looks it up by its file name.
        var misnamed: (path: String, name: String)?
        for path in index.paths(in: Entry.folder, stem: key).reversed() {
            guard let entry: Entry = read(path) else { continue }
            if entry.lookupNames.contains(where: { $0.lowercased() == key }) { return entry }
            misnamed = misnamed ?? (path, entry.presetName)
        }
        // A hub id (`meta-llama/Llama-3.1-8B`) is usually an alias of the preset named for its
        // last part: that one file is read before every other.
        if let slash = key.lastIndex(of: "/") {
            for path in index.paths(in: Entry.folder, stem: String(key[key.index(after: slash)...])).reversed() {
                guard let entry: Entry = read(path) else { continue }
                if entry.lookupNames.contains(where: { $0.lowercased() == key }) { return entry }
            }
        }
        let known = catalog(Entry.self)
        if let i = known.byName[key] { return known.entries[i] }
        if let misnamed {
            throw PresetError.misnamed(kind: Entry.kind, name: name, path: misnamed.path, presetName: misnamed.name)
        }
        throw PresetError.unknown(
            kind: Entry.kind, name: name, known: known.entries.map(\.presetName),
            lookupNames: known.entries.flatMap(\.lookupNames))
    }

    /// A hub id as lm-evaluation-harness names its output folder (`meta-llama__Llama-3.1-8B`,
    /// the slash made `__`) back to the id; any other name as it is.
    static func hubID(_ name: String) -> String {
        guard !name.contains("/"), let range = name.range(of: "__") else { return name }
        return name.replacingCharacters(in: range, with: "/")
    }

    // MARK: - Reading, at most once per file

    /// The preset in the file at `path`, or nil when it is malformed (and then reported).
    private func read<Entry: LibraryEntry>(_ path: String) -> Entry? {
        if let known = state.withLock({ $0[keyPath: Entry.cache].outcome(path) }) { return known.entry }
        let outcome: FileOutcome<Entry>
        do {
            guard let data = FileManager.default.contents(atPath: path) else { throw PresetFileProblem.unreadable }
            outcome = .loaded(try Entry.read(data, path: path))
        } catch {
            outcome = .skipped(.skippedPreset(path: path, PresetFileProblem(error)))
        }
        let (kept, isNew) = state.withLock { state -> (FileOutcome<Entry>, Bool) in
            if let first = state[keyPath: Entry.cache].outcome(path) { return (first, false) }
            state[keyPath: Entry.cache].files[path] = outcome
            if case .skipped(let problem) = outcome { state.problems.append(problem) }
            return (outcome, true)
        }
        if isNew, case .skipped(let problem) = kept { report(problem) }
        return kept.entry
    }

    private func catalog<Entry: LibraryEntry>(_: Entry.Type) -> Catalog<Entry> {
        if let known = state.withLock({ $0[keyPath: Entry.cache].catalog }) { return known }
        let files = index.paths(in: Entry.folder).compactMap { path in (read(path) as Entry?).map { (path, $0) } }
        let built = Catalog(files)
        return state.withLock { state in
            if let first = state[keyPath: Entry.cache].catalog { return first }
            state[keyPath: Entry.cache].catalog = built
            return built
        }
    }

    /// The value at `field`, computed by `load` (outside the lock, as it may look presets up)
    /// on first use; the problems of the computation that is kept are reported.
    private func cached<T: Sendable>(
        _ field: WritableKeyPath<LibraryState, [T]?> & Sendable, _ load: () -> ([T], [LibraryProblem])
    ) -> [T] {
        if let known = state.withLock({ $0[keyPath: field] }) { return known }
        let (loaded, found) = load()
        let (kept, isNew) = state.withLock { state -> ([T], Bool) in
            if let first = state[keyPath: field] { return (first, false) }
            state[keyPath: field] = loaded
            state.problems += found
            return (loaded, true)
        }
        if isNew { found.forEach(report) }
        return kept
    }

    private func record(_ problem: LibraryProblem) {
        state.withLock { $0.problems.append(problem) }
        report(problem)
    }

    /// Reads every `observations/*.csv` of every preset folder: the RULER tables (`ruler*`)
    /// or the evaluation results (the rest). A file that fails is skipped, and its problem
    /// (path and line) returned.
    private func readObservationFiles<T>(ruler: Bool, _ read: (String) throws -> [T]) -> ([T], [LibraryProblem]) {
        var records: [T] = []
        var problems: [LibraryProblem] = []
        for path in index.paths(in: "observations") where path.hasSuffix(".csv") {
            guard ((path as NSString).lastPathComponent.hasPrefix("ruler")) == ruler else { continue }
            do {
                records += try read(path)
            } catch {
                problems.append(.skippedObservations(ObservationFileProblem(error, file: path)))
            }
        }
        return (records, problems)
    }
}

extension PresetFileProblem {
    /// What a preset file's decoding or validation threw, as a problem naming the field.
    init(_ error: Error) {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case let problem as PresetFileProblem:
            self = problem
        case DecodingError.keyNotFound(let key, let context):
            self = .missingField(path(context.codingPath + [key]))
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            self = .wrongType(field: path(context.codingPath), detail: context.debugDescription)
        case DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty:
            self = .invalidValue(field: path(context.codingPath), detail: context.debugDescription)
        default:
            // Corrupt data at the top level, or anything else the decoder throws.
            self = .notJSON
        }
    }
}

extension ObservationFileProblem {
    /// What reading the observations file `file` threw.
    init(_ error: Error, file: String) {
        switch error {
        case let error as DataFileError: self = .file(error)
        case let error as QuantityError: self = .number(error)
        case FittingError.shotsNeedTask(let location): self = .shotsNeedTask(location: location)
        case let error as PlannerError: self = .model(error)
        // The reader throws nothing else; were it to, the file is still skipped and named.
        default: self = .file(DataFileError(file: file, .unreadable))
        }
    }
}
