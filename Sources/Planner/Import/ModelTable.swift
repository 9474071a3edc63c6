import ContextScaling
import Foundation

/// Models without presets, from a CSV with columns `name,params,tokens,n_ctx`: non-embedding
/// parameters (as everywhere in ctxplan), training tokens, and the context limit. A `config`
/// column may give a Hugging Face config.json instead (its path relative to the CSV's folder):
/// the parameters are counted from it, and its limit is used where `n_ctx` is empty.
public struct ModelTable: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var params: Double
        public var tokens: Double
        public var nCtx: Double

        public init(name: String, params: Double, tokens: Double, nCtx: Double) {
            self.name = name
            self.params = params
            self.tokens = tokens
            self.nCtx = nCtx
        }
    }

    public private(set) var entries: [Entry] = []

    public init(entries: [Entry] = []) { self.entries = entries }

    /// Reads the table at `path`; a bad number is rejected with its line and column.
    public static func read(path: String) throws -> ModelTable {
        guard FileManager.default.fileExists(atPath: path) else { throw ImportError.noSuchPath(path) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw ImportError.unreadable(file: path) }
        let table = try CSVTable(text: text, file: path)
        let params = table.column("params", "non_embedding_params")
        let config = table.column("config")
        let nCtx = table.column("n_ctx", "nctx")
        guard let name = table.column("name", "model"), params != nil || config != nil, let tokens = table.column("tokens"),
            nCtx != nil || config != nil
        else { throw ImportError.modelTableColumns(file: path, header: table.header) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var entries: [Entry] = []
        var seen = Set<String>()
        for row in table.rows {
            let here = "\(path):\(row.line)"
            func cell(_ index: Int?) -> String {
                guard let index, index < row.fields.count else { return "" }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            func field(_ index: Int?, _ what: String, _ kind: Quantities.Kind) throws -> Double {
                do { return try Quantities.parse(cell(index), as: kind, what: what) } catch var e as QuantityError {
                    e.location = here
                    throw e
                }
            }
            let modelName = cell(name)
            guard !modelName.isEmpty else { throw ImportError.missingField(file: here, field: "name") }
            guard seen.insert(modelName.lowercased()).inserted else {
                throw ImportError.modelTableDuplicate(file: path, line: row.line, name: modelName)
            }
            // A row's own params win; an empty one falls to its config.
            var counted: ModelConfig?
            if cell(params).isEmpty, !cell(config).isEmpty {
                let file = cell(config)
                counted = try ModelConfig.read(path: file.hasPrefix("/") ? file : folder + "/" + file)
            }
            if counted == nil && cell(params).isEmpty {
                throw ImportError.missingField(file: here, field: config == nil ? "params" : "params or config")
            }
            entries.append(
                Entry(
                    name: modelName,
                    params: try counted.map(\.architecture.parameters.activeNonEmbedding) ?? field(params, "params", .count),
                    tokens: try field(tokens, "tokens", .count),
                    nCtx: try counted.flatMap { cell(nCtx).isEmpty ? $0.nCtx : nil }
                        ?? field(nCtx, "n_ctx", .contextTokens)))
        }
        return ModelTable(entries: entries)
    }

    /// The entry named `name`, without regard to case.
    func entry(_ name: String) -> Entry? {
        let key = name.lowercased()
        return entries.first { $0.name.lowercased() == key }
    }
}

/// A model an import resolved: its name as ctxplan shows it, and the compute and limit the law uses.
struct KnownModel: Sendable {
    var name: String
    var params: Double
    var tokens: Double
    var flops: Double
    var nCtx: Double
}

/// A model a results file names, as the import found it: what `--models-template` writes and
/// what the error for unknown models lists.
public struct SeenModel: Sendable, Equatable {
    /// As the file names it (a hub id, a folder name).
    public var name: String
    /// The first file that names it.
    public var file: String
    /// Whether the import could use it: in the model table, or a preset with its tokens.
    public var known: Bool
    /// The preset it matched, when it matched one.
    public var preset: String?
    /// Non-embedding parameters, training tokens and limit, where the table or a preset gives them.
    public var params: Double?
    public var tokens: Double?
    public var nCtx: Double?
    /// lm-evaluation-harness's `model_num_parameters`: every parameter, embeddings included.
    public var parametersWithEmbeddings: Double?
}

/// Thrown by `ModelResolver` for a model it cannot place: the importer notes it and reads on,
/// so that one run names every unknown model.
struct ModelNotFound: Error {}

/// Finds the models results files name: first in the model table (by the full hub id or its
/// last part), then among the presets by the full id (hub ids and lm-eval's `org__name` folder
/// names are preset aliases), then by the last part, case-insensitively and without a trailing
/// `-hf` (`Llama-2-7b-hf` is Llama-2-7B).
struct ModelResolver {
    var library: PresetLibrary
    var table: ModelTable
    private var cache: [String: KnownModel] = [:]
    /// Every model asked about, in the order first asked.
    private(set) var seen: [SeenModel] = []

    init(library: PresetLibrary, table: ModelTable) {
        self.library = library
        self.table = table
    }

    var unknown: [SeenModel] { seen.filter { !$0.known } }

    mutating func resolve(_ hubID: String, file: String, parametersWithEmbeddings: Double? = nil) throws
        -> KnownModel
    {
        if let known = cache[hubID] { return known }
        if seen.contains(where: { $0.name == hubID }) { throw ModelNotFound() }
        let last = hubID.split(separator: "/").last.map(String.init) ?? hubID
        var candidates = [hubID, last]
        if last.lowercased().hasSuffix("-hf") { candidates.append(String(last.dropLast(3))) }
        var note = SeenModel(
            name: hubID, file: file, known: false, parametersWithEmbeddings: parametersWithEmbeddings)
        var found: KnownModel?
        for name in candidates {
            if let entry = table.entry(name) {
                found = KnownModel(
                    name: entry.name, params: entry.params, tokens: entry.tokens,
                    flops: ComputeAccounting.trainingFlops(parameters: entry.params, tokens: entry.tokens),
                    nCtx: entry.nCtx)
                break
            }
        }
        if found == nil {
            for name in candidates {
                guard let preset = try? library.model(name) else { continue }
                note.preset = preset.name
                note.nCtx = preset.nCtx
                note.params = preset.countedParams
                // A preset without published tokens needs them from the table.
                guard let resolved = try? library.resolve(model: preset.name) else { break }
                found = KnownModel(
                    name: resolved.name, params: resolved.parameters,
                    tokens: resolved.pretrainTokens + resolved.extensionTokens, flops: resolved.flops,
                    nCtx: resolved.nCtx)
                break
            }
        }
        if let found {
            note.known = true
            (note.params, note.tokens, note.nCtx) = (found.params, found.tokens, found.nCtx)
        }
        seen.append(note)
        guard let found else { throw ModelNotFound() }
        cache[hubID] = found
        return found
    }
}

/// The model table to fill in: one row per model the results name, with what the table or the
/// catalogue gives filled, and lm-eval's parameter count beside (a total with embeddings, not
/// the non-embedding `params` the law uses).
public enum ModelTemplate {
    public static let header = ["name", "params", "tokens", "n_ctx", "config", "params_with_embeddings", "note"]

    /// Writes the table for `models` to `path`, which must not exist (a filled-in table is never
    /// replaced).
    public static func write(_ models: [SeenModel], to path: String) throws {
        if FileManager.default.fileExists(atPath: path) { throw ImportError.outputExists(path: path) }
        var lines = [header.joined(separator: ",")]
        for m in models {
            let note: String
            if m.known {
                note = m.preset.map { "from the catalogue (\($0))" } ?? "from --models"
            } else if m.preset != nil {
                note = "catalogue preset \(m.preset ?? ""): pre-training tokens not published; fill in tokens"
            } else {
                note = "fill in params (non-embedding) or a config.json path in config; tokens; n_ctx"
            }
            let cells = [
                m.name, m.params.map(Self.number) ?? "", m.tokens.map(Self.number) ?? "",
                m.nCtx.map(Self.number) ?? "", "", m.parametersWithEmbeddings.map(Self.number) ?? "", note,
            ]
            lines.append(cells.map(Self.quoted).joined(separator: ","))
        }
        try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: path)
    }

    /// A count as a whole number where it is one (ModelTable reads plain numbers and suffixes).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e18 ? String(Int64(value)) : "\(value)"
    }

    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
