import ContextScaling
import Foundation

/// The JSON shape of a task preset, kept apart from `TaskPreset` so that the science types stay
/// free of any file format.
struct TaskPresetFile: Codable {
    /// A law's values by parameter name (`LawParameter.name`): the shared six and the form's
    /// extra ones. Keys no form uses are ignored, as are another form's.
    struct Parameters: Codable, Equatable {
        var values: [String: Double]

        init(values: [String: Double]) { self.values = values }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            values = [:]
            for name in AnyLawForm.parameterNames {
                if let value = try container.decodeIfPresent(Double.self, forKey: Key(name)) { values[name] = value }
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in values { try container.encode(value, forKey: Key(name)) }
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ name: String) { stringValue = name }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
    /// Bootstrap draws, stored a column per parameter (`{"A": [...], "Cc": [...], ...}`): every
    /// command decodes the bundled tasks, and 400 draws decode several times faster as a few
    /// arrays of numbers than as 400 objects of named fields. An array of objects, the form
    /// presets were first saved in, is read too.
    struct Draws: Codable, Equatable {
        enum Storage: Equatable {
            /// Each known parameter's values, one per draw: as saved, and read without making
            /// 400 dictionaries.
            case columns([String: [Double]], count: Int)
            /// One object per draw, the older format (a draw may lack a parameter another has).
            case rows([Parameters])
        }
        var storage: Storage

        init(_ rows: [Parameters]) { storage = .rows(rows) }

        /// The columns of the parameter names some form uses; nil unless all are as long.
        init?(columns: [String: [Double]]) {
            let known = columns.filter { AnyLawForm.parameterNames.contains($0.key) }
            let count = known.values.first?.count ?? 0
            guard known.values.allSatisfy({ $0.count == count }) else { return nil }
            storage = .columns(known, count: count)
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            guard let columns = try? container.decode([String: [Double]].self) else {
                storage = .rows(try container.decode([Parameters].self))
                return
            }
            guard let draws = Draws(columns: columns) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "each parameter's column must hold one value per draw")
            }
            self = draws
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch storage {
            case .columns(let columns, _):
                try container.encode(columns)
            case .rows(let rows):
                var columns: [String: [Double]] = [:]
                for row in rows {
                    for (name, value) in row.values { columns[name, default: []].append(value) }
                }
                try container.encode(columns)
            }
        }

        /// The draws as laws of `form`, each checked in the order `Parameters.law` checks one
        /// row, so that the first problem found is the one it finds: a missing column is the
        /// first draw's missing parameter.
        func laws(form: AnyLawForm) throws -> [ContextScalingLaw] {
            switch storage {
            case .rows(let rows):
                return try rows.enumerated().map { i, p in try p.law(form: form, field: "draws[\(i)]") }
            case .columns(let columns, let count):
                let parameters = form.parameters
                let ordered = parameters.map { columns[$0.name] }
                let ranges = parameters.map(AcceptedRange.init)
                return try (0..<count).map { i in
                    var values: [Double] = []
                    values.reserveCapacity(parameters.count)
                    for j in parameters.indices {
                        guard let column = ordered[j] else {
                            throw PresetFileProblem.missingLawParameter(
                                field: "draws[\(i)].\(parameters[j].name)", form: form, accepted: ranges[j])
                        }
                        try PresetCheck.require("draws[\(i)].\(parameters[j].name)", column[i], in: ranges[j])
                        values.append(column[i])
                    }
                    return form.law(values: values)
                }
            }
        }
    }
    struct Prompt: Codable {
        var baseTokens: Double
        var shotTokens: Double
        enum CodingKeys: String, CodingKey {
            case baseTokens = "base_tokens"
            case shotTokens = "shot_tokens"
        }
    }

    var name: String
    var description: String?
    var metric: String?
    var law: AnyLawForm?
    var parameters: Parameters
    /// Absent for a preset fitted on prompt lengths alone.
    var prompt: Prompt?
    var fitRange: FitRange?
    var paperErrors: PaperErrors?
    var draws: Draws?
    var residuals: [Double]?
    var source: String?
    /// The task's chance floor (`TaskPreset.floor`).
    var floor: Double?
    /// `TaskPreset.extrapolationPerDecade`.
    var extrapolationPerDecade: Double?

    enum CodingKeys: String, CodingKey {
        case name, description, metric, law, parameters, prompt, draws, residuals, source, floor
        case extrapolationPerDecade = "extrapolation_sd_per_decade"
        case fitRange = "fit_range"
        case paperErrors = "paper_errors"
    }

    init(_ preset: TaskPreset) {
        name = preset.name
        description = preset.description
        metric = preset.metric
        law = preset.law.form
        parameters = Parameters(preset.law)
        prompt = preset.tokenLengths.map { Prompt(baseTokens: $0.baseTokens, shotTokens: $0.shotTokens) }
        fitRange = preset.fitRange
        paperErrors = preset.paperErrors
        // Draws are refits of the preset's own form, and the residuals those refits' fit's; a
        // preset whose law was replaced by another form's keeps neither (they would not load).
        let ownDraws = preset.draws.allSatisfy { $0.form == preset.law.form } ? preset.draws : []
        draws = ownDraws.isEmpty ? nil : Draws(ownDraws.map(Parameters.init))
        residuals = ownDraws.isEmpty || preset.residuals.isEmpty ? nil : preset.residuals
        source = preset.source
        floor = preset.floor
        extrapolationPerDecade = preset.extrapolationPerDecade
    }

    /// The preset, or a message naming the field that is wrong.
    func preset(path: String) throws -> TaskPreset {
        try validate()
        let form = law ?? .paper
        let main = try parameters.law(form: form, field: "parameters")
        let drawn = try draws?.laws(form: form) ?? []
        // A residual is a difference of two scores in [0, 1].
        for (i, r) in (residuals ?? []).enumerated() {
            try PresetCheck.require("residuals[\(i)]", r, in: PresetCheck.residual)
        }
        let range = fitRange
        return TaskPreset(
            name: name, description: description ?? "", metric: metric ?? "score", law: main,
            layout: prompt.map { PromptLayout(baseTokens: $0.baseTokens, shotTokens: $0.shotTokens) },
            fitRange: fitRange, paperErrors: paperErrors, residuals: residuals ?? [],
            source: source ?? "", path: path, floor: floor, extrapolationPerDecade: extrapolationPerDecade
        ).drawingLazily { Self.centred(drawn, on: main, range: range) }
    }
}

extension TaskPresetFile {
    /// The draws centred on the preset's own law, at references in the middle of the data the
    /// fit saw, so that every answer's point and interval come from one distribution (Table 4's
    /// point, the refits' spread, for a bundled task). A preset without its fit's range keeps
    /// its draws as saved: those of a user's own fit are centred on it already.
    static func centred(_ draws: [ContextScalingLaw], on law: ContextScalingLaw, range: FitRange?) -> [ContextScalingLaw] {
        guard let range else { return draws }
        return DrawCentring.centre(
            draws, on: law, logComputeReference: (log(range.computeMin) + log(range.computeMax)) / 2,
            logPromptReference: (log(range.nPmtMin) + log(range.nPmtMax)) / 2)
    }
}

extension TaskPresetFile.Parameters {
    init(_ law: ContextScalingLaw) {
        values = Dictionary(uniqueKeysWithValues: zip(law.form.parameters.map(\.name), law.values))
    }

    /// The law of `form`: each of its parameters present and within Table 3's bounds.
    func law(form: AnyLawForm, field: @autoclosure () -> String) throws -> ContextScalingLaw {
        let ordered = try form.parameters.map { parameter in
            guard let value = values[parameter.name] else {
                throw PresetFileProblem.missingLawParameter(
                    field: "\(field()).\(parameter.name)", form: form, accepted: AcceptedRange(parameter))
            }
            try PresetCheck.require("\(field()).\(parameter.name)", value, in: AcceptedRange(parameter))
            return value
        }
        return form.law(values: ordered)
    }
}
