import Foundation

/// Every preset the program knows: the bundled ones, then the user's (XDG config directory),
/// then any `--presets DIR`; a later entry with the same name replaces an earlier one.
/// A malformed file is skipped and reported in `problems` with its path and field.
public final class PresetLibrary: @unchecked Sendable {
    public private(set) var tasks: [TaskPreset] = []
    public private(set) var models: [ModelPreset] = []
    public private(set) var hardware: [HardwarePreset] = []
    /// One line per file or field that could not be loaded.
    public private(set) var problems: [String] = []
    /// The directories searched, in order.
    public let directories: [String]

    /// Observation tables (`observations/*.csv`), read on first use: most commands never need
    /// them, and a one-shot answer should not pay for them.
    public private(set) lazy var observations: [Observation] = loadObservations()

    /// Long-context retrieval accuracy of the paper's checkpoints (`observations/ruler-*.csv`,
    /// Table 2), for the warning that models score worse near a new limit.
    public private(set) lazy var ruler: [RulerRecord] = loadRuler()

    public init(directories: [String]) {
        self.directories = directories
        for directory in directories {
            tasks.merge(load(directory, "tasks") { try JSONDecoder().decode(TaskPresetFile.self, from: $0).preset(path: $1) })
            models.merge(load(directory, "models") { data, _ in try JSONDecoder().decode(ModelPreset.self, from: data) })
            hardware.merge(load(directory, "hardware") { data, _ in try JSONDecoder().decode(HardwarePreset.self, from: data) })
        }
        for model in models { validate(model) }
    }

    // MARK: - Lookup

    /// The task preset named `name`, or loaded from the file `name` when it names a JSON file.
    public func task(_ name: String) throws -> TaskPreset {
        if name.hasSuffix(".json") || name.contains("/") {
            return try PresetLibrary.loadTask(path: name)
        }
        return try lookup(name, in: tasks, kind: "task", names: { [$0.name] })
    }

    public func model(_ name: String) throws -> ModelPreset {
        try lookup(name, in: models, kind: "model", names: { [$0.name] + ($0.aliases ?? []) })
    }

    public func gpu(_ name: String) throws -> HardwarePreset {
        try lookup(name, in: hardware, kind: "gpu", names: { [$0.name] + ($0.aliases ?? []) })
    }

    /// Reads one task preset file.
    public static func loadTask(path: String) throws -> TaskPreset {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("task file '\(path)' cannot be read")
        }
        do {
            return try JSONDecoder().decode(TaskPresetFile.self, from: data).preset(path: path)
        } catch {
            throw InputError("\(path): \(PresetLibrary.describe(error))")
        }
    }

    /// Writes `preset` as JSON to `path`: to a temporary file first, then renamed into place,
    /// so a crash or a full disk never leaves half a preset. Refuses to replace a file unless
    /// `overwrite` is set.
    public static func save(_ preset: TaskPreset, to path: String, overwrite: Bool) throws {
        if !overwrite && FileManager.default.fileExists(atPath: path) {
            throw InputError("'\(path)' exists; pass --force to replace it")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(TaskPresetFile(preset)) + Data("\n".utf8)
        try AtomicFile.write(data, to: path)
    }

    /// Names for completion and listings.
    public var taskNames: [String] { tasks.map(\.name) }
    public var modelNames: [String] { models.map(\.name) }
    public var gpuNames: [String] { hardware.map(\.name) }

    private func lookup<T>(_ name: String, in entries: [T], kind: String, names: (T) -> [String]) throws -> T {
        let key = name.lowercased()
        if let found = entries.first(where: { names($0).contains { $0.lowercased() == key } }) {
            return found
        }
        let candidates = entries.flatMap(names)
        var message = "unknown \(kind) '\(name)'"
        if let closest = Suggestions.closest(to: name, among: candidates) {
            message += "; did you mean '\(closest)'?"
        } else {
            message += "; known: \(entries.compactMap { names($0).first }.joined(separator: ", "))"
        }
        throw InputError(message)
    }

    // MARK: - Loading

    private func load<T>(_ directory: String, _ kind: String, _ decode: (Data, String) throws -> T) -> [T] {
        let folder = (directory as NSString).appendingPathComponent(kind)
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var loaded: [T] = []
        for file in files.sorted() where file.hasSuffix(".json") {
            let path = (folder as NSString).appendingPathComponent(file)
            do {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw InputError("cannot be read")
                }
                loaded.append(try decode(data, path))
            } catch {
                problems.append("\(path): \(PresetLibrary.describe(error))")
            }
        }
        return loaded
    }

    private func validate(_ model: ModelPreset) {
        let fields: [(String, Double?)] = [
            ("n_ctx", model.nCtx), ("pretrain_tokens", model.pretrainTokens),
            ("non_embedding_params", model.nonEmbeddingParams), ("compute_paper", model.computePaper),
        ]
        for (field, value) in fields {
            if let value, !(value.isFinite && value > 0) {
                problems.append("model '\(model.name)': field '\(field)': \(value) must be positive")
                models.removeAll { $0.name == model.name }
                return
            }
        }
        if model.nonEmbeddingParams == nil && model.computePaper == nil {
            problems.append("model '\(model.name)': needs 'non_embedding_params' or 'compute_paper'")
            models.removeAll { $0.name == model.name }
        }
    }

    private func loadObservations() -> [Observation] {
        readObservationFiles(ruler: false) { try ObservationReader(library: self).read(path: $0) }
    }

    private func loadRuler() -> [RulerRecord] {
        readObservationFiles(ruler: true) { path in
            let table = try CSVTable(text: String(contentsOfFile: path, encoding: .utf8), file: path)
            guard let m = table.column("model"), let c = table.column("n_ctx"), let p = table.column("n_pmt"),
                let a = table.column("accuracy")
            else { throw InputError("\(path): expected columns model, n_ctx, n_pmt, accuracy") }
            return try table.rows.filter { $0.fields.count > max(m, c, p, a) }.map { row in
                guard let nCtx = Double(row.fields[c]), let nPmt = Double(row.fields[p]), let accuracy = Double(row.fields[a]) else {
                    throw InputError("\(path):\(row.line): expected numbers in n_ctx, n_pmt and accuracy")
                }
                return RulerRecord(model: row.fields[m], nCtx: nCtx, nPmt: nPmt, accuracy: accuracy)
            }
        }
    }

    /// Reads every `observations/*.csv` of every preset folder: the RULER tables (`ruler*`)
    /// or the evaluation results (the rest). A file that fails is reported and skipped.
    private func readObservationFiles<T>(ruler: Bool, _ read: (String) throws -> [T]) -> [T] {
        var records: [T] = []
        for directory in directories {
            let folder = (directory as NSString).appendingPathComponent("observations")
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for file in files.sorted() where file.hasSuffix(".csv") && file.hasPrefix("ruler") == ruler {
                do {
                    records += try read((folder as NSString).appendingPathComponent(file))
                } catch {
                    problems.append("\(error)")
                }
            }
        }
        return records
    }

    /// A decoding error as "field 'parameters.alpha': ..." rather than Foundation's debug text.
    static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return "missing field '\(field)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "field '\(path(context.codingPath))': wrong type (\(context.debugDescription))"
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return "field '\(path(context.codingPath))': \(context.debugDescription)"
        case let error as InputError:
            return error.message
        default:
            return "\(error)"
        }
    }
}

extension Array {
    /// Appends `newer`, each replacing an element of the same name already present.
    fileprivate mutating func merge(_ newer: [Element]) where Element: NamedPreset {
        for entry in newer {
            removeAll { $0.presetName.lowercased() == entry.presetName.lowercased() }
            append(entry)
        }
    }
}

protocol NamedPreset { var presetName: String { get } }
extension TaskPreset: NamedPreset { var presetName: String { name } }
extension ModelPreset: NamedPreset { var presetName: String { name } }
extension HardwarePreset: NamedPreset { var presetName: String { name } }
