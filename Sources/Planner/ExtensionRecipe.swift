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

    /// The extension's compute with attention counted (Kaplan et al.) at this model's limit,
    /// when its shape is known.
    public var extensionFlopsWithAttention: Double? {
        guard let layers, let attentionWidth else { return nil }
        return extensionTokens
            * ComputeAccounting.flopsPerTokenWithAttention(
                parameters: parameters, layers: layers, contextLimit: nCtx, attentionWidth: attentionWidth)
    }
}
