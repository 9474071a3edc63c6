import ContextScaling
import Foundation

/// The JSON shape of a task preset, kept apart from `TaskPreset` so that the science types stay
/// free of any file format.
struct TaskPresetFile: Codable {
    struct Parameters: Codable {
        var A: Double, Cc: Double, alpha: Double, B: Double, nc: Double, beta: Double
        /// The soft penalty's sharpness; only for `law: soft`.
        var s: Double?
    }
    struct Prompt: Codable {
        var baseTokens: Double
        var shotTokens: Double
        enum CodingKeys: String, CodingKey {
            case baseTokens = "base_tokens", shotTokens = "shot_tokens"
        }
    }

    var name: String
    var description: String?
    var metric: String?
    var law: LawForm?
    var parameters: Parameters
    var prompt: Prompt
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
        prompt = Prompt(baseTokens: preset.layout.baseTokens, shotTokens: preset.layout.shotTokens)
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
            layout: PromptLayout(baseTokens: prompt.baseTokens, shotTokens: prompt.shotTokens),
            fitRange: fitRange, paperErrors: paperErrors, draws: drawn, source: source ?? "",
            path: path)
    }
}

extension TaskPresetFile.Parameters {
    init(_ law: ContextScalingLaw) {
        let p = law.parameters
        A = p.A; Cc = p.Cc; alpha = p.alpha; B = p.B; nc = p.nc; beta = p.beta
        if case .soft(let sharpness) = law.penalty { s = sharpness }
    }

    func law(form: LawForm, field: String) throws -> ContextScalingLaw {
        try validate(field: field)
        let parameters = LawParameters(A: A, Cc: Cc, alpha: alpha, B: B, nc: nc, beta: beta)
        switch form {
        case .paper: return ContextScalingLaw(parameters, penalty: .paper)
        case .noPenalty: return ContextScalingLaw(parameters, penalty: .none)
        case .soft:
            guard let s else {
                throw InputError("field '\(field).s': the soft law needs a positive sharpness s")
            }
            return ContextScalingLaw(parameters, penalty: .soft(sharpness: s))
        }
    }
}
