import ContextScaling
import Foundation

/// One evaluation result: a score at a compute, prompt length and context limit.
public struct Observation: Sendable, Equatable {
    public var task: String?
    public var model: String?
    public var flops: Double
    public var nCtx: Double
    public var nPmt: Double
    /// The shot count, when the record gives one.
    public var shots: Int?
    public var metric: Double
    /// Where it came from, for messages: "file:line".
    public var origin: String {
        get { line.map { "\(source):\($0)" } ?? source }
        set {
            source = newValue
            line = nil
        }
    }
    /// The file and line `origin` names, kept apart so that a million rows share one file name
    /// instead of each holding its own "file:line".
    private var source: String
    private var line: Int?
    /// The limit the model was pre-trained with, when a model preset says it was extended past
    /// it (the decay law needs it); nil otherwise.
    public var nativeNCtx: Double?
    /// The model's non-embedding parameters N, where the record or its model preset gives them
    /// (tokens D are then C / 6N): the ladder law needs them.
    public var params: Double?

    public init(
        task: String?, model: String?, flops: Double, nCtx: Double, nPmt: Double, shots: Int?, metric: Double,
        origin: String, nativeNCtx: Double? = nil, params: Double? = nil
    ) {
        self.init(
            task: task, model: model, flops: flops, nCtx: nCtx, nPmt: nPmt, shots: shots, metric: metric, file: origin,
            line: nil, nativeNCtx: nativeNCtx, params: params)
    }

    init(
        task: String?, model: String?, flops: Double, nCtx: Double, nPmt: Double, shots: Int?, metric: Double,
        file: String, line: Int?, nativeNCtx: Double? = nil, params: Double? = nil
    ) {
        self.params = params
        self.task = task
        self.model = model
        self.flops = flops
        self.nCtx = nCtx
        self.nPmt = nPmt
        self.shots = shots
        self.metric = metric
        source = file
        self.line = line
        self.nativeNCtx = nativeNCtx
    }
}

/// One RULER accuracy of the paper's Table 2.
public struct RulerRecord: Sendable, Equatable {
    public var model: String
    public var nCtx: Double
    public var nPmt: Double
    public var accuracy: Double
}

/// Reads evaluation results from CSV, columns found by header name:
///
///     task       optional; the task the row belongs to
///     model      a model preset name, or else
///     compute    training FLOPs, or else params and tokens (C = 6 x params x tokens)
///     n_ctx      the model's context limit (8k, 32768); optional with a model preset
///     n_pmt      prompt tokens, or else
///     shots      shot count, made prompt tokens by the task's token lengths
///     metric     the score, in [0, 1]
///
/// Other columns are ignored. Every rejection names the file, line and column.
public struct ObservationReader {
    public var library: PresetLibrary
    /// The task whose token lengths turn shots into prompt tokens when a row names none.
    public var defaultTask: TaskPreset?
    /// Scores on a 0-100 scale, read divided by 100.
    public var percentScores: Bool

    public init(library: PresetLibrary, defaultTask: TaskPreset? = nil, percentScores: Bool = false) {
        self.library = library
        self.defaultTask = defaultTask
        self.percentScores = percentScores
    }

    public func read(path: String) throws -> [Observation] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let missing = !FileManager.default.fileExists(atPath: path)
            throw DataFileError(file: path, missing ? .missing : .unreadable)
        }
        guard let text = String(validating: data, as: UTF8.self) else { throw DataFileError(file: path, .notUTF8) }
        return try parse(text: text, file: path)
    }

    public func parse(text: String, file: String) throws -> [Observation] {
        var rows: ObservationRows?
        var records: [Observation] = []
        // A line per record, near enough: a million rows are not copied as the array grows.
        records.reserveCapacity(text.utf8.count(where: { $0 == 10 }))
        try CSVScanner.scan(text: text, file: file) { header in
            let columns = try ObservationColumns(header: header, file: file)
            rows = ObservationRows(reader: self, file: file, columns: columns)
        } body: { record in
            if let observation = try rows?.observation(record) { records.append(observation) }
        }
        guard !records.isEmpty else { throw DataFileError(file: file, .noRecords) }
        return records
    }
}

extension RulerRecord {
    /// Reads a RULER table: columns model, n_ctx, n_pmt, accuracy. A row short of a column or
    /// with a number that does not read is rejected with its line.
    static func read(path: String) throws -> [RulerRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileError(file: path, .unreadable)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw DataFileError(file: path, .notUTF8) }
        let table = try CSVTable(text: text, file: path)
        guard let m = table.column("model"), let c = table.column("n_ctx"), let p = table.column("n_pmt"),
            let a = table.column("accuracy")
        else { throw DataFileError(file: path, line: 1, .noRulerColumns) }
        return try table.rows.map { row in
            guard row.fields.count > max(m, c, p, a) else {
                throw DataFileError(file: path, line: row.line, .shortRulerRow(fields: row.fields.count))
            }
            func number(_ index: Int, _ name: String, _ kind: Quantities.Kind, zero: Bool = false) throws -> Double {
                do { return try Quantities.parse(row.fields[index], as: kind, what: name, allowZero: zero) } catch var e
                    as QuantityError
                {
                    e.location = "\(path):\(row.line)"
                    throw e
                }
            }
            let nCtx = try number(c, "n_ctx", .contextTokens)
            let nPmt = try number(p, "n_pmt", .contextTokens)
            let accuracy = try number(a, "accuracy", .plain, zero: true)
            guard accuracy <= 1 else {
                throw DataFileError(
                    file: path, line: row.line, .outsideUnitInterval(column: "accuracy", token: row.fields[a]))
            }
            return RulerRecord(model: row.fields[m], nCtx: nCtx, nPmt: nPmt, accuracy: accuracy)
        }
    }
}
