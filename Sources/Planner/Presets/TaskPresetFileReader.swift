import ContextScaling
import Foundation

/// A task preset file read by the importers' byte-level JSON parser instead of `JSONDecoder`:
/// every command reads its task's file, whose 400 draws the Codable machinery decodes in about a
/// millisecond and this reader in a tenth of that.
///
/// It reads only files `JSONDecoder` reads the same way: every field of the type it has there,
/// every number finite, no key written twice, no byte-order mark. Anything else is left to
/// `JSONDecoder` (nil here), which reads what it can and names the field that is wrong; so the
/// messages about a bad file are the decoder's, and a good file gives the same values either way.
enum TaskPresetFileReader {
    static func read(_ data: Data) -> TaskPresetFile? {
        data.withUnsafeBytes { raw -> TaskPresetFile? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
            var parser = JSONParser(bytes)
            guard let (top, streamed) = try? topLevel(&parser), (try? parser.end()) != nil else { return nil }
            return file(top, streamed)
        }
    }

    /// The draws' columns and the residuals, read straight into numbers: they are nearly all of
    /// a preset's bytes, and built as values first they cost two thirds of its reading.
    private struct StreamedNumbers {
        /// The draws, when the field is an object of arrays (the saved format).
        var drawColumns: [String: [Double]]?
        var residuals: [Double]?
        /// An element that is not a finite number, or a column named twice: the file is left
        /// to JSONDecoder, as any other the values would not read the same way.
        var refused = false
    }

    /// The top object's members and the numbers streamed; nil unless the file is an object.
    private static func topLevel(_ parser: inout JSONParser) throws -> (Fields, StreamedNumbers)? {
        guard parser.peek() == UInt8(ascii: "{") else { return nil }
        var members: [(key: String, value: JSONValue)] = []
        var streamed = StreamedNumbers()
        try parser.members { parser, key in
            switch (key, parser.peek()) {
            case ("draws", UInt8(ascii: "{")):
                var columns: [String: [Double]] = [:]
                try parser.members { parser, name in
                    let column = try numbers(&parser)
                    if column == nil || columns.updateValue(column ?? [], forKey: name) != nil { streamed.refused = true }
                }
                streamed.drawColumns = columns
            case ("residuals", UInt8(ascii: "[")):
                streamed.residuals = try numbers(&parser)
                if streamed.residuals == nil { streamed.refused = true }
            default:
                members.append((key, try parser.value()))
                return
            }
            // A placeholder, so that a field given twice is still refused by `Fields`.
            members.append((key, .bool(true)))
        }
        guard !streamed.refused, let top = Fields(.object(members)) else { return nil }
        return (top, streamed)
    }

    /// The next value's numbers, streamed; nil (the value passed over) unless it is an array of
    /// finite numbers.
    private static func numbers(_ parser: inout JSONParser) throws -> [Double]? {
        guard parser.peek() == UInt8(ascii: "[") else {
            try parser.skip()
            return nil
        }
        var values: [Double] = []
        var refused = false
        try parser.elements { parser, _ in
            if let x = try parser.finiteNumber() { values.append(x) } else { refused = true }
        }
        return refused ? nil : values
    }

    private static func file(_ top: Fields, _ streamed: StreamedNumbers) -> TaskPresetFile? {
        guard let name = top.string("name") else { return nil }
        var law: AnyLawForm?
        if let field = top.present("law") {
            guard case .string(let text) = field, let form = AnyLawForm(name: text) else { return nil }
            law = form
        }
        guard let description = top.optionalString("description"), let metric = top.optionalString("metric"),
            let source = top.optionalString("source"), let parametersValue = top.present("parameters"),
            let parameters = self.parameters(parametersValue), let prompt = top.optional("prompt", self.prompt),
            let fitRange = top.optional("fit_range", self.fitRange),
            let paperErrors = top.optional("paper_errors", self.paperErrors),
            let draws = streamed.drawColumns.map({ TaskPresetFile.Draws(columns: $0).map { .some($0) } })
                ?? top.optional("draws", self.draws),
            // Residuals that were not streamed are absent, null, or not an array: refused.
            let residuals = streamed.residuals.map({ .some($0) }) ?? top.optional("residuals", { _ in [Double]?.none }),
            let floor = top.optional("floor", number),
            let perDecade = top.optional("extrapolation_sd_per_decade", number)
        else { return nil }
        return TaskPresetFile(
            name: name, description: description, metric: metric, law: law, parameters: parameters,
            prompt: prompt, fitRange: fitRange, paperErrors: paperErrors, draws: draws, residuals: residuals,
            source: source, floor: floor, extrapolationPerDecade: perDecade)
    }

    /// The values of the parameter names some form uses; a null one is absent, as for
    /// `decodeIfPresent`, and other keys are ignored.
    private static func parameters(_ value: JSONValue) -> TaskPresetFile.Parameters? {
        guard let fields = Fields(value) else { return nil }
        var values: [String: Double] = [:]
        for name in AnyLawForm.parameterNames {
            guard let field = fields.present(name) else { continue }
            guard let number = number(field) else { return nil }
            values[name] = number
        }
        return TaskPresetFile.Parameters(values: values)
    }

    /// An array of parameter objects, the older format (columns are streamed: `topLevel`).
    private static func draws(_ value: JSONValue) -> TaskPresetFile.Draws? {
        guard case .array(let rows) = value else { return nil }
        var parsed: [TaskPresetFile.Parameters] = []
        for row in rows {
            guard let p = parameters(row) else { return nil }
            parsed.append(p)
        }
        return TaskPresetFile.Draws(parsed)
    }

    private static func prompt(_ value: JSONValue) -> TaskPresetFile.Prompt? {
        guard let fields = Fields(value), let base = fields.number("base_tokens"),
            let shot = fields.number("shot_tokens")
        else { return nil }
        return TaskPresetFile.Prompt(baseTokens: base, shotTokens: shot)
    }

    private static func fitRange(_ value: JSONValue) -> FitRange? {
        guard let f = Fields(value), let computeMin = f.number("compute_min"), let computeMax = f.number("compute_max"),
            let nCtxMin = f.number("n_ctx_min"), let nCtxMax = f.number("n_ctx_max"),
            let nPmtMin = f.number("n_pmt_min"), let nPmtMax = f.number("n_pmt_max")
        else { return nil }
        return FitRange(
            computeMin: computeMin, computeMax: computeMax, nCtxMin: nCtxMin, nCtxMax: nCtxMax, nPmtMin: nPmtMin,
            nPmtMax: nPmtMax)
    }

    private static func paperErrors(_ value: JSONValue) -> PaperErrors? {
        guard let f = Fields(value), let mae = f.number("mae"), let heldout = f.number("heldout_mae") else { return nil }
        return PaperErrors(mae: mae, heldoutMAE: heldout)
    }

    static func number(_ value: JSONValue) -> Double? {
        guard case .number(let x) = value, x.isFinite else { return nil }
        return x
    }

    /// An object's members by key; nil for any other value, or an object with a key twice (the
    /// preset readers leave such a file to JSONDecoder).
    struct Fields {
        let byKey: [String: JSONValue]

        init?(_ value: JSONValue) {
            guard let members = value.members else { return nil }
            var byKey: [String: JSONValue] = [:]
            for (key, value) in members {
                guard byKey.updateValue(value, forKey: key) == nil else { return nil }
            }
            self.byKey = byKey
        }

        /// The value of `key` unless it is absent or null.
        func present(_ key: String) -> JSONValue? {
            guard let value = byKey[key], value != .null else { return nil }
            return value
        }

        func string(_ key: String) -> String? {
            guard case .string(let text) = present(key) else { return nil }
            return text
        }

        func number(_ key: String) -> Double? { present(key).flatMap(TaskPresetFileReader.number) }

        /// .some(nil) for an absent or null field, .some(x) for one `read` reads, nil otherwise.
        func optional<T>(_ key: String, _ read: (JSONValue) -> T?) -> T?? {
            guard let value = present(key) else { return .some(nil) }
            guard let x = read(value) else { return nil }
            return .some(x)
        }

        func optionalString(_ key: String) -> String?? {
            optional(key) { value in
                guard case .string(let text) = value else { return nil }
                return text
            }
        }
    }
}

extension TaskPresetFile {
    init(
        name: String, description: String?, metric: String?, law: AnyLawForm?, parameters: Parameters,
        prompt: Prompt?, fitRange: FitRange?, paperErrors: PaperErrors?, draws: Draws?, residuals: [Double]?,
        source: String?, floor: Double?, extrapolationPerDecade: Double?
    ) {
        self.name = name
        self.description = description
        self.metric = metric
        self.law = law
        self.parameters = parameters
        self.prompt = prompt
        self.fitRange = fitRange
        self.paperErrors = paperErrors
        self.draws = draws
        self.residuals = residuals
        self.source = source
        self.floor = floor
        self.extrapolationPerDecade = extrapolationPerDecade
    }
}
