import Foundation
import ContextScaling

/// A model at a given context limit, with the compute that took: the preset as is, or the
/// preset's base model extended to the limit by the recipe.
public struct ResolvedModel: Sendable, Equatable {
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
    /// The model this one was extended from, when the limit asked for is not the preset's own.
    public var extendedFrom: String?
    /// How the compute was reached, where it is not plain 6ND (errata, derived N, extension).
    public var notes: [String]

    /// Pre-training compute alone, 6 N D_pretrain.
    public var pretrainFlops: Double { ComputeAccounting.trainingFlops(parameters: parameters, tokens: pretrainTokens) }
}

/// Steps and global batch of a context extension; the paper's recipe by default.
public struct ExtensionRecipe: Sendable, Equatable {
    public var steps: Double
    public var batch: Double
    public init(steps: Double = ComputeAccounting.recipeSteps, batch: Double = ComputeAccounting.recipeBatch) {
        self.steps = steps
        self.batch = batch
    }
    public static let paper = ExtensionRecipe()

    public func tokens(to contextLimit: Double) -> Double {
        ComputeAccounting.extensionTokens(contextLimit: contextLimit, steps: steps, batch: batch)
    }
}

extension PresetLibrary {
    /// `name` at context limit `nCtx` (the preset's own when nil). A limit above the base
    /// model's native one means the base extended to it by `recipe`: 400 x 64 x 32k tokens for
    /// 32k, as the paper's YaRN checkpoints were.
    public func resolve(model name: String, nCtx: Double? = nil, recipe: ExtensionRecipe = .paper) throws -> ResolvedModel {
        let preset = try model(name)
        let limit = nCtx ?? preset.nCtx
        if limit == preset.nCtx { return Self.asIs(preset) }
        let base = baseModel(of: preset)
        if limit == base.nCtx { return Self.asIs(base) }
        guard limit > base.nCtx else {
            throw InputError(
                "--nctx \(Quantities.formatContext(limit)) is below \(base.name)'s native limit of "
                    + "\(Quantities.formatContext(base.nCtx)); expected a limit of at least that")
        }
        var extended = Self.asIs(base)
        extended.name = "\(base.name) extended to \(Quantities.formatContext(limit))"
        extended.extendedFrom = base.name
        extended.extensionTokens = recipe.tokens(to: limit)
        extended.nCtx = limit
        extended.flops = ComputeAccounting.trainingFlops(
            parameters: extended.parameters, tokens: extended.pretrainTokens + extended.extensionTokens)
        extended.notes = extended.notes.filter { !$0.contains("erratum") }
        extended.notes.append(
            "extension: \(Quantities.formatCount(recipe.steps)) steps x batch "
                + "\(Quantities.formatCount(recipe.batch)) x \(Quantities.formatContext(limit)) = "
                + "\(Quantities.formatCount(extended.extensionTokens)) tokens on top of \(base.name)")
        return extended
    }

    /// The pre-trained model a preset was extended from: itself when its base is unknown.
    func baseModel(of preset: ModelPreset) -> ModelPreset {
        (try? model(preset.base)) ?? preset
    }

    /// A preset's own compute. The paper's Table 1 base rows disagree with 6ND (an erratum);
    /// 6ND is used and the disagreement noted.
    static func asIs(_ preset: ModelPreset) -> ResolvedModel {
        var notes: [String] = []
        let tokens = preset.pretrainTokens + preset.extensionTokens
        let parameters: Double
        let flops: Double
        if let n = preset.nonEmbeddingParams {
            parameters = n
            flops = ComputeAccounting.trainingFlops(parameters: n, tokens: tokens)
            // The paper prints five significant figures: a row is an erratum when 6ND does
            // not round to it.
            if let printed = preset.computePaper,
                abs(printed - flops) > 0.5 * pow(10, floor(log10(printed)) - 4) * (1 + 1e-9)
            {
                notes.append(
                    "the paper prints \(Quantities.formatScientific(printed)) FLOPs; 6ND gives "
                        + "\(Quantities.formatScientific(flops)), used here (erratum in Table 1)")
            }
        } else {
            // Presets are validated to carry one of the two.
            flops = preset.computePaper ?? 0
            parameters = flops / (6 * tokens)
            notes.append(
                "N is not given for \(preset.name): derived from the paper's compute as C/6D = "
                    + "\(Quantities.formatCount(parameters))")
        }
        return ResolvedModel(
            name: preset.name, parameters: parameters, pretrainTokens: preset.pretrainTokens,
            extensionTokens: preset.extensionTokens, nCtx: preset.nCtx, flops: flops,
            layers: preset.nLayers, attentionWidth: preset.dAttn, extendedFrom: nil, notes: notes)
    }
}
