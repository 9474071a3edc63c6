import ContextScaling
import Foundation

/// Models without presets, from a CSV with columns `name,params,tokens,n_ctx`: non-embedding
/// parameters (as everywhere in ctxplan), training tokens, and the context limit.
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
        guard let name = table.column("name", "model"), let params = table.column("params", "non_embedding_params"),
            let tokens = table.column("tokens"), let nCtx = table.column("n_ctx", "nctx")
        else { throw ImportError.modelTableColumns(file: path, header: table.header) }
        var entries: [Entry] = []
        var seen = Set<String>()
        for row in table.rows {
            let here = "\(path):\(row.line)"
            func field(_ index: Int, _ what: String, _ kind: Quantities.Kind) throws -> Double {
                let token = index < row.fields.count ? row.fields[index] : ""
                do { return try Quantities.parse(token, as: kind, what: what) } catch var e as QuantityError {
                    e.location = here
                    throw e
                }
            }
            let modelName = name < row.fields.count ? row.fields[name].trimmingCharacters(in: .whitespaces) : ""
            guard !modelName.isEmpty else { throw ImportError.missingField(file: here, field: "name") }
            guard seen.insert(modelName.lowercased()).inserted else {
                throw ImportError.modelTableDuplicate(file: path, line: row.line, name: modelName)
            }
            entries.append(
                Entry(
                    name: modelName, params: try field(params, "params", .count),
                    tokens: try field(tokens, "tokens", .count), nCtx: try field(nCtx, "n_ctx", .contextTokens)))
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

/// Finds the models results files name: first in the model table (by the full hub id or its
/// last part), then among the presets by the last part, case-insensitively and without a
/// trailing `-hf` (`Llama-2-7b-hf` is Llama-2-7B).
struct ModelResolver {
    var library: PresetLibrary
    var table: ModelTable
    private var cache: [String: KnownModel] = [:]

    init(library: PresetLibrary, table: ModelTable) {
        self.library = library
        self.table = table
    }

    mutating func resolve(_ hubID: String, file: String, parametersWithEmbeddings: Double? = nil) throws
        -> KnownModel
    {
        if let known = cache[hubID] { return known }
        let last = hubID.split(separator: "/").last.map(String.init) ?? hubID
        var candidates = [hubID, last]
        if last.lowercased().hasSuffix("-hf") { candidates.append(String(last.dropLast(3))) }
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
            for name in candidates.dropFirst() {
                guard let preset = try? library.resolve(model: name) else { continue }
                found = KnownModel(
                    name: preset.name, params: preset.parameters,
                    tokens: preset.pretrainTokens + preset.extensionTokens, flops: preset.flops, nCtx: preset.nCtx)
                break
            }
        }
        guard let found else {
            throw ImportError.unknownModel(name: hubID, file: file, parametersWithEmbeddings: parametersWithEmbeddings)
        }
        cache[hubID] = found
        return found
    }
}
