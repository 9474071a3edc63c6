import ContextScaling

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

extension ResolvedModel {
    /// The extension's compute, 6 N x extension tokens.
    public var extensionFlops: Double {
        ComputeAccounting.trainingFlops(parameters: parameters, tokens: extensionTokens)
    }

    /// The extension's compute with attention counted causally (Kaplan et al.) at this model's
    /// limit, when its shape is known.
    public var extensionFlopsWithAttention: Double? { extensionFlops(counting: .causal) }

    /// The extension's compute with attention counted by `counting`, when the shape is known.
    public func extensionFlops(counting: AttentionCounting) -> Double? {
        guard let layers, let attentionWidth else { return nil }
        return extensionTokens
            * ComputeAccounting.flopsPerTokenWithAttention(
                parameters: parameters, layers: layers, contextLimit: nCtx, attentionWidth: attentionWidth,
                counting: counting)
    }

    /// Forward FLOPs of reading an `n`-token prompt once (prefill), causal attention counted;
    /// nil when the model's shape is unknown (2 N n alone would understate long prompts).
    public func prefillFlops(promptTokens n: Double) -> Double? {
        guard let layers, let attentionWidth else { return nil }
        return ComputeAccounting.prefillFlops(
            parameters: parameters, layers: layers, promptTokens: n, attentionWidth: attentionWidth)
    }
}
