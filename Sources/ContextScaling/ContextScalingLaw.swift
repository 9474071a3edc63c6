#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Eq. (1) with its three factors: what compute buys, what the prompt buys, and what a prompt
/// past the context limit costs.
public struct Factors: Sendable, Equatable {
    /// 1 - exp(-A (C/Cc)^alpha).
    public var compute: Double
    /// 1 - exp(-B (n_pmt/nc)^beta).
    public var context: Double
    /// The penalty for exceeding the context limit.
    public var penalty: Double
    /// What an extended model keeps of its score (the decay form's; 1 for the others).
    public var decay: Double
    /// The chance floor the score rises from (the floor form's; 0 for the others).
    public var floor: Double

    /// The predicted score: floor + (1 - floor) x the product of the factors.
    public var score: Double { floor + (1 - floor) * (compute * context * penalty * decay) }

    @inlinable
    public init(compute: Double, context: Double, penalty: Double, decay: Double = 1, floor: Double = 0) {
        self.compute = compute
        self.context = context
        self.penalty = penalty
        self.decay = decay
        self.floor = floor
    }
}

/// A fitted context-aware scaling law: parameters plus the form of its penalty.
public struct ContextScalingLaw: Sendable, Equatable, Hashable {
    public var parameters: LawParameters
    public var penalty: Penalty
    /// The context limit the model was pre-trained with, for a model extended past it: the
    /// decay form scores such a model lower. nil for a model at its own limit (and for every
    /// law as fitted or stored; `forModel` sets it for one model's questions).
    public var nativeLimit: Double?

    public init(_ parameters: LawParameters, penalty: Penalty = .paper, nativeLimit: Double? = nil) {
        self.parameters = parameters
        self.penalty = penalty
        self.nativeLimit = nativeLimit
    }

    /// This law for a model pre-trained at `nativeLimit` tokens (nil: at every limit asked).
    public func forModel(nativeLimit: Double?) -> ContextScalingLaw {
        var law = self
        law.nativeLimit = nativeLimit
        return law
    }

    /// The chance floor the score rises from: 0 but for the floor form.
    @inlinable
    public var floor: Double { penalty.floor }

    /// The score Eq. (1)'s product must reach for the law to reach `score`: the score itself,
    /// but for the floor form (score - floor) / (1 - floor), at most 0 for a score at or below
    /// the floor, which every input reaches.
    @inlinable
    public func productTarget(_ score: Double) -> Double {
        let f = floor
        return f == 0 ? score : (score - f) / (1 - f)
    }

    public var form: LawForm { penalty.form }

    /// Every parameter's value, in `form.parameters`' order.
    public var values: [Double] { parameters.values + penalty.parameters }

    // MARK: - The factors

    /// log(A (C/Cc)^alpha), the argument of the compute term's saturation, in log space.
    @inlinable
    public func logComputeArgument(logCompute: Double) -> Double {
        StableMath.logScaledPower(
            coefficient: parameters.A, logX: logCompute,
            logScale: log(parameters.Cc), exponent: parameters.alpha)
    }

    @inlinable
    public func logContextArgument(logPromptTokens: Double) -> Double {
        StableMath.logScaledPower(
            coefficient: parameters.B, logX: logPromptTokens,
            logScale: log(parameters.nc), exponent: parameters.beta)
    }

    /// The compute factor for C FLOPs of training.
    @inlinable
    public func computeFactor(flops: Double) -> Double {
        StableMath.saturate(exp(logComputeArgument(logCompute: log(flops))))
    }

    /// The context factor for a prompt of n_pmt tokens.
    @inlinable
    public func contextFactor(promptTokens: Double) -> Double {
        StableMath.saturate(exp(logContextArgument(logPromptTokens: log(promptTokens))))
    }

    /// All three factors. Inputs are positive and finite (callers validate them).
    @inlinable
    public func factors(flops: Double, promptTokens: Double, contextLimit: Double) -> Factors {
        Factors(
            compute: computeFactor(flops: flops),
            context: contextFactor(promptTokens: promptTokens),
            penalty: penalty.value(promptTokens: promptTokens, contextLimit: contextLimit),
            decay: penalty.extensionFactor(contextLimit: contextLimit, nativeLimit: nativeLimit),
            floor: floor)
    }

    /// The predicted score P(C, n_pmt, n_ctx).
    @inlinable
    public func score(flops: Double, promptTokens: Double, contextLimit: Double) -> Double {
        factors(flops: flops, promptTokens: promptTokens, contextLimit: contextLimit).score
    }

    // MARK: - Logarithms, for the solvers

    /// log of the compute factor as a function of log C: finite wherever the factor is positive,
    /// so a root finder sees slopes even where the factor itself is 1e-300.
    @inlinable
    public func logComputeFactor(logCompute: Double) -> Double {
        StableMath.logSaturate(exp(logComputeArgument(logCompute: logCompute)))
    }

    /// log of (context factor x penalty x extension factor) as a function of log n_pmt: with
    /// the compute factor, Eq. (1)'s product, without any chance floor (`productTarget`).
    @inlinable
    public func logPromptFactor(logPromptTokens: Double, contextLimit: Double) -> Double {
        StableMath.logSaturate(exp(logContextArgument(logPromptTokens: logPromptTokens)))
            + penalty.logValue(promptTokens: exp(logPromptTokens), contextLimit: contextLimit)
            + penalty.logExtensionFactor(contextLimit: contextLimit, nativeLimit: nativeLimit)
    }

    /// The score a prompt can reach with unlimited compute: the compute factor tends to 1.
    @inlinable
    public func ceiling(promptTokens: Double, contextLimit: Double) -> Double {
        let product =
            contextFactor(promptTokens: promptTokens)
            * penalty.value(promptTokens: promptTokens, contextLimit: contextLimit)
            * penalty.extensionFactor(contextLimit: contextLimit, nativeLimit: nativeLimit)
        return floor + (1 - floor) * product
    }
}
