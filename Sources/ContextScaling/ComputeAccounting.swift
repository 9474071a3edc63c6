/// Training compute as the paper counts it, and the attention-aware count it leaves out.
public enum ComputeAccounting {
    /// The paper's context-extension recipe: 400 steps at a global batch of 64 sequences.
    public static let recipeSteps = 400.0
    public static let recipeBatch = 64.0

    /// C = 6 N D: the usual estimate of training FLOPs for N non-embedding parameters and D tokens.
    @inlinable
    public static func trainingFlops(parameters n: Double, tokens d: Double) -> Double {
        6 * n * d
    }

    /// Tokens seen while extending to a new context limit: steps x batch x limit, every sequence
    /// of the batch filled to the new limit (400 x 64 x 8192 = 0.21B tokens for 8k).
    @inlinable
    public static func extensionTokens(
        contextLimit: Double, steps: Double = recipeSteps, batch: Double = recipeBatch
    ) -> Double {
        steps * batch * contextLimit
    }

    /// Training FLOPs per token counting attention, after Kaplan et al. (2020):
    /// 6N + 6 n_layer n_ctx d_attn. The second term is what 6N leaves out; at long contexts it
    /// dominates (Llama-2-7B at 128k: about 2.7 times the 6N term).
    @inlinable
    public static func flopsPerTokenWithAttention(
        parameters n: Double, layers: Double, contextLimit: Double, attentionWidth: Double
    ) -> Double {
        6 * n + 6 * layers * contextLimit * attentionWidth
    }
}
