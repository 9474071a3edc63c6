#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A law read at one compute and context limit, as a function of the prompt alone: what the
/// shot solvers evaluate dozens of times per law (a golden-section search, bisections, an
/// interval's hundreds of draws). What does not change with the prompt is computed once: the
/// compute factor, the context term's logarithms of its coefficient and scale, and, for a form
/// whose penalty ignores the native limit, the second penalty `factors` takes for the extension
/// factor. Each value is the same arithmetic on the same numbers as the law's own `score` and
/// `logPromptFactor`, so the answers are identical to the last bit.
public struct PromptCurve {
    public let law: ContextScalingLaw
    public let flops: Double
    public let contextLimit: Double
    private let computeFactor: Double
    private let logContextFactor: (Double) -> Double
    private let readsNativeLimit: Bool
    private let floor: Double

    public init(law: ContextScalingLaw, flops: Double, contextLimit: Double) {
        self.law = law
        self.flops = flops
        self.contextLimit = contextLimit
        computeFactor = law.computeFactor(flops: flops)
        logContextFactor = law.form.base.logContextFactorCurve(law.values)
        readsNativeLimit = law.nativeLimit != nil && law.form.base.penaltyReadsNativeLimit
        floor = law.floor
    }

    /// `law.score(flops:promptTokens:contextLimit:)` at this curve's compute and limit.
    public func score(promptTokens: Double) -> Double {
        let base = law.form.base
        let cut = base.logPenalty(law.values, promptTokens: promptTokens, contextLimit: contextLimit, nativeLimit: nil)
        let withExtension =
            readsNativeLimit
            ? base.logPenalty(
                law.values, promptTokens: promptTokens, contextLimit: contextLimit, nativeLimit: law.nativeLimit)
            : cut
        return Factors(
            compute: computeFactor, context: exp(logContextFactor(log(promptTokens))), penalty: exp(cut),
            decay: exp(withExtension - cut), floor: floor
        ).score
    }

    /// `law.logPromptFactor(logPromptTokens:contextLimit:)` at this curve's limit.
    public func logPromptFactor(logPromptTokens: Double) -> Double {
        logContextFactor(logPromptTokens)
            + law.form.base.logPenalty(
                law.values, promptTokens: exp(logPromptTokens), contextLimit: contextLimit,
                nativeLimit: law.nativeLimit)
    }
}
