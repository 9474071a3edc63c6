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
    /// 6N + k n_layer n_ctx d_attn, with k = 6 for the causal count (the default, Kaplan's own) and
    /// 12 for the full matrix (see `AttentionCounting`). The second term is what 6N leaves out;
    /// at long contexts it dominates (Llama-2-7B at 128k, causal: about 2.7 times the 6N term).
    @inlinable
    public static func flopsPerTokenWithAttention(
        parameters n: Double, layers: Double, contextLimit: Double, attentionWidth: Double,
        counting: AttentionCounting = .causal
    ) -> Double {
        6 * n + counting.trainingCoefficient * layers * contextLimit * attentionWidth
    }

    /// Forward FLOPs of reading a prompt of `n` tokens at serving time (prefill): 2N per token
    /// for the weights, plus attention over the prompt. A forward pass is a third of training's
    /// 6N, and each token attends on average to half the prompt under a causal mask, so the
    /// attention term is the training count's over three at n_ctx = n:
    /// n (2N + 2 n_layer n d_attn) causal, n (2N + 4 n_layer n d_attn) full.
    @inlinable
    public static func prefillFlops(
        parameters: Double, layers: Double, promptTokens n: Double, attentionWidth: Double,
        counting: AttentionCounting = .causal
    ) -> Double {
        n * (2 * parameters + counting.trainingCoefficient / 3 * layers * n * attentionWidth)
    }
}

/// How attention FLOPs are counted: the two conventions in use differ by a factor of two.
public enum AttentionCounting: String, Sendable, CaseIterable {
    /// The work a causal kernel does: half the attention matrix, 6 n_layer n_ctx d_attn training
    /// FLOPs per token (Kaplan et al.; FlashAttention and Megatron count this way).
    case causal
    /// The whole attention matrix, 12 n_layer n_ctx d_attn per token: the convention behind
    /// published MFU figures (PaLM's appendix B, nanoGPT, torchtitan).
    case full

    /// Training FLOPs per token per layer per context token per attention channel.
    @inlinable
    public var trainingCoefficient: Double {
        switch self {
        case .causal: 6
        case .full: 12
        }
    }
}
