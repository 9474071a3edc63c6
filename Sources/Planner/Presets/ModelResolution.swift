import ContextScaling
import Foundation

/// A model at a given context limit, with the compute that took: the preset as is, or the
/// preset's base model extended to the limit by the recipe.
public struct ResolvedModel: Sendable, Equatable {
    /// The preset's name; for a model extended to a limit, its base's (the program words the
    /// extension: "Llama-2-7B extended to 16k").
    public var name: String
    /// Non-embedding parameters N.
    public var parameters: Double
    public var pretrainTokens: Double
    public var extensionTokens: Double
    public var nCtx: Double
    /// C = 6 N D with D = pre-training + extension tokens, unless the paper gives C but not N.
    public var flops: Double
    public var layers: Double?
    public var attentionWidth: Double?
    /// The model this one was extended from (`name`), when the limit asked for is not the
    /// preset's own: the model is that base extended to `nCtx`.
    public var extendedFrom: String?
    /// How the compute was reached, where it is not plain 6ND (errata, derived N, extension).
    public var notes: [PlanningNote]
    /// The limit the base model was pre-trained with, when this model extends past it (the
    /// decay law scores extended models lower); nil for a model at its own pre-training limit.
    public var nativeNCtx: Double? = nil

    /// Pre-training compute alone, 6 N D_pretrain.
    public var pretrainFlops: Double { ComputeAccounting.trainingFlops(parameters: parameters, tokens: pretrainTokens) }
}

extension PresetLibrary {
    /// `name` at context limit `nCtx` (the preset's own when nil). A limit above the base
    /// model's native one means the base extended to it by `recipe`: 400 x 64 x 32k tokens for
    /// 32k, as the paper's YaRN checkpoints were. `tokens`, when given, are the pre-training
    /// tokens D in place of the preset's; a preset whose source publishes none needs them.
    public func resolve(
        model name: String, nCtx: Double? = nil, recipe: ExtensionRecipe = .paper, tokens: Double? = nil
    ) throws -> ResolvedModel {
        var preset = try model(name)
        let limit = nCtx ?? preset.nCtx
        var base = baseModel(of: preset)
        if let tokens {
            preset.pretrainTokens = tokens
            base.pretrainTokens = tokens
        }
        if limit == preset.nCtx {
            var resolved = try Self.asIs(preset)
            if preset.nCtx > base.nCtx { resolved.nativeNCtx = base.nCtx }
            return resolved
        }
        if limit == base.nCtx { return try Self.asIs(base) }
        guard limit > base.nCtx else {
            throw PlannerError.limitBelowNative(limit: limit, model: base.name, native: base.nCtx)
        }
        var extended = try Self.asIs(base)
        extended.extendedFrom = base.name
        extended.extensionTokens = recipe.tokens(to: limit)
        extended.nCtx = limit
        extended.nativeNCtx = base.nCtx
        extended.flops = ComputeAccounting.trainingFlops(
            parameters: extended.parameters, tokens: extended.pretrainTokens + extended.extensionTokens)
        // The base's printed compute is not this model's: its erratum does not carry over.
        extended.notes.removeAll { if case .erratumTable1 = $0 { true } else { false } }
        extended.notes.append(
            .extended(
                steps: recipe.steps, batch: recipe.batch, limit: limit, tokens: extended.extensionTokens,
                base: base.name))
        return extended
    }

    /// A preset that is in no library (one just made from a config) at its own limit, its
    /// counts checked as a preset file's are (`PresetFileProblem`).
    public static func resolve(_ preset: ModelPreset) throws -> ResolvedModel {
        try preset.validate()
        return try asIs(preset)
    }

    /// The pre-trained model a preset was extended from: itself when its base is unknown.
    func baseModel(of preset: ModelPreset) -> ModelPreset {
        (try? model(preset.base)) ?? preset
    }

    /// A preset's own compute. The paper's Table 1 base rows disagree with 6ND (an erratum);
    /// 6ND is used and the disagreement noted. A preset without pre-training tokens throws
    /// `tokensNotPublished`.
    static func asIs(_ preset: ModelPreset) throws -> ResolvedModel {
        guard let pretrainTokens = preset.pretrainTokens else {
            throw PlannerError.tokensNotPublished(model: preset.name)
        }
        var notes: [PlanningNote] = []
        let tokens = pretrainTokens + preset.extensionTokens
        let parameters: Double
        let flops: Double
        if let n = preset.countedParams {
            parameters = n
            flops = ComputeAccounting.trainingFlops(parameters: n, tokens: tokens)
            // A row is an erratum when 6ND does not round to the paper's value at the figures
            // it is printed with (Table 1 prints five, Table 6 four).
            if let printed = preset.computePaper, !roundsTo(flops, printed: printed) {
                notes.append(.erratumTable1(printed: printed, sixND: flops))
            }
        } else {
            // Presets are validated to carry one of the two.
            flops = preset.computePaper ?? 0
            parameters = flops / (6 * tokens)
            notes.append(.derivedParameters(model: preset.name, parameters: parameters))
        }
        return ResolvedModel(
            name: preset.name, parameters: parameters, pretrainTokens: pretrainTokens,
            extensionTokens: preset.extensionTokens, nCtx: preset.nCtx, flops: flops,
            layers: preset.layers, attentionWidth: preset.attentionWidth, extendedFrom: nil, notes: notes)
    }

    /// Whether `value` rounds to `printed` at the significant figures `printed` is written with
    /// (its shortest decimal form: 7.777e22 has four, 7.7719e22 five).
    static func roundsTo(_ value: Double, printed: Double) -> Bool {
        guard printed > 0, printed.isFinite else { return false }
        let figures = significantFigures(of: printed)
        let unit = pow(10, floor(log10(printed)) - Double(figures - 1))
        return abs(printed - value) <= 0.5 * unit * (1 + 1e-9)
    }

    /// The significant figures of a number's shortest decimal form, trailing zeros not counted
    /// (at least one).
    static func significantFigures(of value: Double) -> Int {
        let mantissa = "\(abs(value))".lowercased().split(separator: "e")[0]
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }.reversed().drop { $0 == "0" }
        return max(1, digits.count)
    }
}
