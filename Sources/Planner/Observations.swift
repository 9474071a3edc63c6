import ContextScaling
import Foundation

/// One evaluation result: a score at a compute, prompt length and context limit.
public struct Observation: Sendable, Equatable {
    public var task: String?
    public var model: String?
    public var flops: Double
    public var nCtx: Double
    public var nPmt: Double
    /// The shot count, when the record gave shots rather than prompt tokens.
    public var shots: Int?
    public var metric: Double
    /// Where it came from, for messages: "file:line".
    public var origin: String
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

    public init(library: PresetLibrary, defaultTask: TaskPreset? = nil) {
        self.library = library
        self.defaultTask = defaultTask
    }

    public func read(path: String) throws -> [Observation] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let missing = !FileManager.default.fileExists(atPath: path)
            throw DataFileError(file: path, missing ? .missing : .unreadable)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: path, .notUTF8)
        }
        return try parse(text: text, file: path)
    }

    public func parse(text: String, file: String) throws -> [Observation] {
        let table = try CSVTable(text: text, file: file)
        // A column named twice would be read from its first place only, silently.
        var seen = Set<String>()
        for name in table.header.map({ $0.lowercased() }) where !seen.insert(name).inserted && !name.isEmpty {
            throw DataFileError(file: file, line: 1, .columnNamedTwice(name))
        }
        let task = table.column("task")
        let model = table.column("model")
        let compute = table.column("compute", "flops", "c")
        let params = table.column("params", "n", "non_embedding_params")
        let tokens = table.column("tokens", "d")
        let nCtx = table.column("n_ctx", "nctx")
        let nPmt = table.column("n_pmt", "npmt", "prompt_tokens")
        let shots = table.column("shots")
        guard let metric = table.column("metric", "score") else {
            throw DataFileError(file: file, line: 1, .noMetricColumn(header: table.header))
        }
        guard model != nil || compute != nil || (params != nil && tokens != nil) else {
            throw DataFileError(file: file, line: 1, .noComputeColumns)
        }
        guard nPmt != nil || shots != nil else {
            throw DataFileError(file: file, line: 1, .noPromptColumns)
        }
        guard nCtx != nil || model != nil else {
            throw DataFileError(file: file, line: 1, .noContextColumn)
        }
        guard !table.rows.isEmpty else { throw DataFileError(file: file, .noRecords) }

        var records: [Observation] = []
        var layouts: [String: PromptLayout] = [:]
        // Files repeat a few models over many rows: resolve each once.
        var resolvedModels: [String: ResolvedModel] = [:]
        for row in table.rows {
            let here = "\(file):\(row.line)"
            func cell(_ index: Int?) -> String? {
                guard let index, index < row.fields.count, !row.fields[index].isEmpty else { return nil }
                return row.fields[index]
            }
            func rejected(_ problem: DataFileError.Problem) -> DataFileError {
                DataFileError(file: file, line: row.line, problem)
            }
            func number(_ index: Int, _ name: String, _ kind: Quantities.Kind, zero: Bool = false) throws -> Double {
                guard let text = cell(index) else { throw rejected(.emptyCell(column: name)) }
                do { return try Quantities.parse(text, as: kind, what: name, allowZero: zero) } catch var e
                    as QuantityError
                {
                    e.location = here
                    throw e
                }
            }
            let taskName = cell(task)
            let modelName = cell(model)
            var contextLimit = try nCtx.flatMap { cell($0) == nil ? nil : try number($0, "n_ctx", .contextTokens) }
            let flops: Double
            if let compute, cell(compute) != nil {
                flops = try number(compute, "compute", .count)
            } else if let params, let tokens, cell(params) != nil {
                flops = 6 * (try number(params, "params", .count)) * (try number(tokens, "tokens", .count))
            } else if let modelName {
                do {
                    let key = "\(modelName)@\(contextLimit ?? 0)"
                    let resolved = try resolvedModels[key] ?? library.resolve(model: modelName, nCtx: contextLimit)
                    resolvedModels[key] = resolved
                    flops = resolved.flops
                    contextLimit = resolved.nCtx
                } catch let e as PresetError { throw rejected(.preset(e)) }
            } else {
                throw rejected(.noCompute)
            }
            guard let limit = contextLimit else { throw rejected(.emptyCell(column: "n_ctx")) }
            var prompt: Double
            var shotCount: Int?
            if let nPmt, cell(nPmt) != nil {
                prompt = try number(nPmt, "n_pmt", .contextTokens)
            } else if let shots {
                let count = try number(shots, "shots", .whole, zero: true)
                guard count == count.rounded() else {
                    throw rejected(.notWhole(column: "shots", token: cell(shots) ?? ""))
                }
                let layout = try layoutFor(taskName, file: file, line: row.line, cache: &layouts)
                shotCount = Int(count)
                prompt = layout.promptTokens(shots: Int(count))
            } else {
                throw rejected(.noPrompt)
            }
            let score = try number(metric, "metric", .plain, zero: true)
            guard score <= 1 else { throw rejected(.outsideUnitInterval(column: "metric", token: cell(metric) ?? "")) }
            records.append(
                Observation(
                    task: taskName, model: modelName, flops: flops, nCtx: limit, nPmt: prompt,
                    shots: shotCount, metric: score, origin: here))
        }
        return records
    }

    private func layoutFor(_ taskName: String?, file: String, line: Int, cache: inout [String: PromptLayout]) throws
        -> PromptLayout
    {
        if let taskName {
            if let known = cache[taskName] { return known }
            do {
                let layout = try library.task(taskName).layout
                cache[taskName] = layout
                return layout
            } catch let e as PresetError { throw DataFileError(file: file, line: line, .preset(e)) }
        }
        guard let defaultTask else {
            throw FittingError.shotsNeedTask(location: "\(file):\(line)")
        }
        return defaultTask.layout
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
            let here = "\(path):\(row.line)"
            guard row.fields.count > max(m, c, p, a) else {
                throw DataFileError(file: path, line: row.line, .shortRulerRow(fields: row.fields.count))
            }
            let nCtx = try Quantities.parse(row.fields[c], as: .contextTokens, what: "\(here): n_ctx")
            let nPmt = try Quantities.parse(row.fields[p], as: .contextTokens, what: "\(here): n_pmt")
            let accuracy = try Quantities.parse(row.fields[a], as: .plain, what: "\(here): accuracy", allowZero: true)
            guard accuracy <= 1 else {
                throw DataFileError(
                    file: path, line: row.line, .outsideUnitInterval(column: "accuracy", token: row.fields[a]))
            }
            return RulerRecord(model: row.fields[m], nCtx: nCtx, nPmt: nPmt, accuracy: accuracy)
        }
    }
}
