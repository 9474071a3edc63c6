import Foundation

/// The CSV `import --out` writes and `fit` reads back (`ObservationReader`'s columns, and what
/// the import knew around them): one row per record.
public enum NormalisedCSV {
    public static let header = [
        "task", "dataset", "model", "params", "tokens", "compute", "n_ctx", "n_pmt", "shots", "metric",
        "metric_name", "n_pmt_source", "source",
    ]

    public static func text(_ records: [ImportedRecord]) -> String {
        var out = header.joined(separator: ",") + "\n"
        for r in records {
            let o = r.observation
            let fields = [
                o.task ?? "", r.dataset, o.model ?? "", number(r.params), number(r.tokens), number(o.flops),
                number(o.nCtx), number(o.nPmt), o.shots.map(String.init) ?? "", number(o.metric),
                r.metricName ?? "", r.promptSource.rawValue, r.source,
            ]
            out += fields.map(quoted).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Writes the records to `path` atomically; an existing file is replaced only with `overwrite`.
    public static func write(_ records: [ImportedRecord], to path: String, overwrite: Bool) throws {
        if !overwrite && FileManager.default.fileExists(atPath: path) { throw ImportError.outputExists(path: path) }
        try AtomicFile.write(Data(text(records).utf8), to: path)
    }

    /// Whole numbers without a fraction; others in Swift's shortest form that reads back exactly.
    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// What an import read, in a table a user checks before fitting: records per model and shot count.
public struct ImportSummary: Sendable {
    public var data: ImportedData
    /// Models in the order first read; shot counts ascending, nil (records without one) last.
    public var models: [String]
    public var shots: [Int?]
    private var counts: [String: [Int?: Int]]
    /// Where the normalised CSV was written, if it was.
    public var written: String?

    public init(_ data: ImportedData, written: String? = nil) {
        self.data = data
        self.written = written
        var models: [String] = []
        var counts: [String: [Int?: Int]] = [:]
        for r in data.records {
            let model = r.observation.model ?? ""
            if counts[model] == nil { models.append(model) }
            counts[model, default: [:]][r.observation.shots, default: 0] += r.observation.count
        }
        self.models = models
        self.counts = counts
        let all = Set(data.records.map(\.observation.shots))
        shots = all.compactMap { $0 }.sorted() + (all.contains(nil) ? [nil] : [])
    }

    public func count(model: String, shots: Int?) -> Int { counts[model]?[shots] ?? 0 }
}
