import ContextScaling

/// Where an observations file keeps each quantity: the column indices its header gives.
struct ObservationColumns {
    var task: Int?
    var model: Int?
    var compute: Int?
    var params: Int?
    var tokens: Int?
    var nCtx: Int?
    var nPmt: Int?
    var shots: Int?
    var metric: Int
    /// How many columns the header names.
    var width: Int

    /// Reads `header` (lower-cased names) and rejects one that cannot give a record.
    init(header: [String], file: String) throws {
        // A column named twice would be read from its first place only, silently.
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted && !name.isEmpty {
            throw DataFileError(file: file, line: 1, .columnNamedTwice(name))
        }
        func column(_ names: String...) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
        task = column("task")
        model = column("model")
        compute = column("compute", "flops", "c")
        params = column("params", "n", "non_embedding_params")
        tokens = column("tokens", "d")
        nCtx = column("n_ctx", "nctx")
        nPmt = column("n_pmt", "npmt", "prompt_tokens")
        shots = column("shots")
        guard let metric = column("metric", "score") else {
            throw DataFileError(file: file, line: 1, .noMetricColumn(header: header))
        }
        self.metric = metric
        width = header.count
        guard model != nil || compute != nil || (params != nil && tokens != nil) else {
            throw DataFileError(file: file, line: 1, .noComputeColumns)
        }
        guard nPmt != nil || shots != nil else { throw DataFileError(file: file, line: 1, .noPromptColumns) }
        guard nCtx != nil || model != nil else { throw DataFileError(file: file, line: 1, .noContextColumn) }
    }

    /// Every column a record is read from: rows alike in these are the same observation.
    var keyColumns: [Int] { [task, model, compute, params, tokens, nCtx, nPmt, shots, metric].compactMap { $0 } }
}

/// Turns the records of one observations file into observations, remembering what repeats: the
/// number each distinct cell text reads as, model and task names, resolved models and prompt
/// layouts. A million per-instance rows repeat a few hundred such values.
struct ObservationRows {
    let reader: ObservationReader
    let file: String
    let columns: ObservationColumns
    // One cache per column, by its index.
    private var numbers: [CellCache<Double>]
    private var names: [CellCache<String>]
    private var layouts: [String: PromptLayout] = [:]
    private struct ModelAt: Hashable {
        let name: String
        let nCtx: Double?
    }
    private var resolvedModels: [ModelAt: ResolvedModel] = [:]

    init(reader: ObservationReader, file: String, columns: ObservationColumns) {
        self.reader = reader
        self.file = file
        self.columns = columns
        numbers = Array(repeating: CellCache(), count: columns.width)
        names = Array(repeating: CellCache(), count: columns.width)
    }

    /// The observation a row gives; a rejection names the file, line and column.
    mutating func observation(_ row: CSVScanner.Record) throws -> Observation {
        func rejected(_ problem: DataFileError.Problem) -> DataFileError {
            DataFileError(file: file, line: row.line, problem)
        }
        func present(_ index: Int?) -> Int? { index.flatMap { row.isEmpty($0) ? nil : $0 } }
        let taskName = present(columns.task).map { name($0, row) }
        let modelName = present(columns.model).map { name($0, row) }
        var contextLimit = try present(columns.nCtx).map { try number($0, "n_ctx", .contextTokens, row) }
        let flops: Double
        var nativeLimit: Double?
        // N where the row or its model gives it: the ladder law sees N and D apart.
        var params = try present(columns.params).map { try number($0, "params", .count, row) }
        if let compute = present(columns.compute) {
            flops = try number(compute, "compute", .count, row)
        } else if let n = params, let tokens = columns.tokens {
            flops = 6 * n * (try number(tokens, "tokens", .count, row))
        } else if let modelName {
            let key = ModelAt(name: modelName, nCtx: contextLimit)
            do {
                let resolved: ResolvedModel
                if let known = resolvedModels[key] {
                    resolved = known
                } else {
                    resolved = try reader.library.resolve(model: modelName, nCtx: contextLimit)
                    resolvedModels[key] = resolved
                }
                flops = resolved.flops
                params = resolved.parameters
                contextLimit = resolved.nCtx
                nativeLimit = resolved.nativeNCtx
            } catch let e as PresetError {
                throw rejected(.preset(e))
            } catch PlannerError.limitBelowNative(let limit, let model, let native) {
                throw rejected(.limitBelowNative(limit: limit, model: model, native: native))
            }
        } else {
            throw rejected(.noCompute)
        }
        guard let limit = contextLimit else { throw rejected(.emptyCell(column: "n_ctx")) }
        let prompt: Double
        var shotCount: Int?
        if let nPmt = present(columns.nPmt) {
            prompt = try number(nPmt, "n_pmt", .contextTokens, row)
            // A row with both (as `import --out` writes) keeps its shot count, for residuals by
            // shots and for token lengths measured from the records.
            if let shots = present(columns.shots), let count = Int(row.string(shots)), count >= 0 { shotCount = count }
        } else if let shots = columns.shots {
            let count = try number(shots, "shots", .whole, row, zero: true)
            guard count == count.rounded() else { throw rejected(.notWhole(column: "shots", token: row.string(shots))) }
            shotCount = Int(count)
            prompt = try layout(for: taskName, line: row.line).promptTokens(shots: Int(count))
        } else {
            throw rejected(.noPrompt)
        }
        let read = try number(columns.metric, "metric", .plain, row, zero: true)
        let score = reader.percentScores ? read / 100 : read
        guard score <= 1 else {
            throw rejected(.outsideUnitInterval(column: "metric", token: row.string(columns.metric)))
        }
        return Observation(
            task: taskName, model: modelName, flops: flops, nCtx: limit, nPmt: prompt, shots: shotCount,
            metric: score, file: file, line: row.line, nativeNCtx: nativeLimit, params: params)
    }

    /// The number in cell `index`, read once per distinct text of its column.
    private mutating func number(
        _ index: Int, _ column: String, _ kind: Quantities.Kind, _ row: CSVScanner.Record, zero: Bool = false
    ) throws -> Double {
        guard !row.isEmpty(index) else { throw DataFileError(file: file, line: row.line, .emptyCell(column: column)) }
        let file = self.file
        func read() throws -> Double {
            do { return try Quantities.parse(row.string(index), as: kind, what: column, allowZero: zero) } catch var e
                as QuantityError
            {
                e.location = "\(file):\(row.line)"
                throw e
            }
        }
        guard let bytes = row.plainBytes(index) else { return try read() }
        return try numbers[index].value(of: bytes, read: read)
    }

    /// The text in cell `index`, made a String once per distinct text of its column.
    private mutating func name(_ index: Int, _ row: CSVScanner.Record) -> String {
        guard let bytes = row.plainBytes(index) else { return row.string(index) }
        return names[index].value(of: bytes) { row.string(index) }
    }

    private mutating func layout(for taskName: String?, line: Int) throws -> PromptLayout {
        if let taskName {
            if let known = layouts[taskName] { return known }
            do {
                let layout = try reader.library.task(taskName).layout
                layouts[taskName] = layout
                return layout
            } catch let e as PresetError { throw DataFileError(file: file, line: line, .preset(e)) }
        }
        guard let defaultTask = reader.defaultTask else {
            throw FittingError.shotsNeedTask(location: "\(file):\(line)")
        }
        return try defaultTask.layout
    }
}
