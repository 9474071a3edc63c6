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
            for name in LawForm.parameterNames {
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
    var law: LawForm?
    var parameters: Parameters
    /// Absent for a preset fitted on prompt lengths alone.
    var prompt: Prompt?
    var fitRange: FitRange?
    var paperErrors: PaperErrors?
    var draws: [Parameters]?
    var source: String?

    enum CodingKeys: String, CodingKey {
        case name, description, metric, law, parameters, prompt, draws, source
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
        draws = preset.draws.isEmpty ? nil : preset.draws.map(Parameters.init)
        source = preset.source
    }

    /// The preset, or a message naming the field that is wrong.
    func preset(path: String) throws -> TaskPreset {
        try validate()
        let form = law ?? .paper
        let main = try parameters.law(form: form, field: "parameters")
        let drawn = try (draws ?? []).enumerated().map { i, p in
            try p.law(form: form, field: "draws[\(i)]")
        }
        return TaskPreset(
            name: name, description: description ?? "", metric: metric ?? "score", law: main,
            layout: prompt.map { PromptLayout(baseTokens: $0.baseTokens, shotTokens: $0.shotTokens) },
            fitRange: fitRange, paperErrors: paperErrors, draws: drawn, source: source ?? "",
            path: path)
    }
}

extension TaskPresetFile.Parameters {
    init(_ law: ContextScalingLaw) {
        values = Dictionary(uniqueKeysWithValues: zip(law.form.parameters.map(\.name), law.values))
    }

    /// The law of `form`: each of its parameters present and within Table 3's bounds.
    func law(form: LawForm, field: String) throws -> ContextScalingLaw {
        let ordered = try form.parameters.map { parameter in
            guard let value = values[parameter.name] else {
                throw PresetFileProblem.missingLawParameter(
                    field: "\(field).\(parameter.name)", form: form, accepted: AcceptedRange(parameter))
            }
            try PresetCheck.require("\(field).\(parameter.name)", value, in: AcceptedRange(parameter))
            return value
        }
        return form.law(values: ordered)
    }
}
