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

    /// The predicted score, the product of the three factors.
    public var score: Double { compute * context * penalty }

    @inlinable
    public init(compute: Double, context: Double, penalty: Double) {
        self.compute = compute
        self.context = context
        self.penalty = penalty
    }
}

/// A fitted context-aware scaling law: parameters plus the form of its penalty.
public struct ContextScalingLaw: Sendable, Equatable, Hashable {
    public var parameters: LawParameters
    public var penalty: Penalty

    public init(_ parameters: LawParameters, penalty: Penalty = .paper) {
        self.parameters = parameters
        self.penalty = penalty
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
            penalty: penalty.value(promptTokens: promptTokens, contextLimit: contextLimit))
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

    /// log of (context factor x penalty) as a function of log n_pmt.
    @inlinable
    public func logPromptFactor(logPromptTokens: Double, contextLimit: Double) -> Double {
        StableMath.logSaturate(exp(logContextArgument(logPromptTokens: logPromptTokens)))
            + penalty.logValue(promptTokens: exp(logPromptTokens), contextLimit: contextLimit)
    }

    /// The score a prompt can reach with unlimited compute: the compute factor tends to 1.
    @inlinable
    public func ceiling(promptTokens: Double, contextLimit: Double) -> Double {
        contextFactor(promptTokens: promptTokens)
            * penalty.value(promptTokens: promptTokens, contextLimit: contextLimit)
    }
}
