#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The six fitted parameters of Eq. (1), named as in the paper (Table 4).
///
///     P = [1 - exp(-A (C/Cc)^alpha)] * [1 - exp(-B (n_pmt/nc)^beta)] * penalty(n_pmt, n_ctx)
public struct LawParameters: Sendable, Equatable, Hashable, Codable {
    /// Scale of the compute term.
    public var A: Double
    /// Characteristic compute, in FLOPs.
    public var Cc: Double
    /// Exponent of the compute term.
    public var alpha: Double
    /// Scale of the context term.
    public var B: Double
    /// Characteristic prompt length, in tokens.
    public var nc: Double
    /// Exponent of the context term.
    public var beta: Double

    public init(A: Double, Cc: Double, alpha: Double, B: Double, nc: Double, beta: Double) {
        self.A = A
        self.Cc = Cc
        self.alpha = alpha
        self.B = B
        self.nc = nc
        self.beta = beta
    }

    /// The six in `LawParameter.shared`'s order.
    public var values: [Double] { [A, Cc, alpha, B, nc, beta] }

    /// The parameters from the first six of `values`, in `LawParameter.shared`'s order.
    public init(values: [Double]) {
        self.init(A: values[0], Cc: values[1], alpha: values[2], B: values[3], nc: values[4], beta: values[5])
    }
}

/// How a prompt longer than the context limit is penalised: the part of the law that its
/// variants change, with the values of what two of them add beyond the penalty (a chance floor,
/// a decay for extended models). Adding a variant means adding a case here, its two functions below, its
/// form and its fitted values (`form`, `parameters`), and its `LawForm` (Forms/).
public enum Penalty: Sendable, Equatable, Hashable {
    /// The paper's sharp sigmoid, sigma(n_ctx - n_pmt) in tokens. (The paper prints
    /// sigma(n_pmt - n_ctx); read literally that makes every prompt that fits score about zero.)
    case paper
    /// No penalty: the ablation of the paper's Table 7.
    case none
    /// sigma(s ln(n_ctx / n_pmt)): a penalty whose sharpness s > 0 is fitted, and which depends
    /// on the prompt's length relative to the limit rather than on the difference in tokens.
    case soft(sharpness: Double)
    /// The paper's penalty, with the law's score raised to floor + (1 - floor) x Eq. (1): the
    /// chance floor of a multiple-choice metric (`ContextScalingLaw.floor` reads it).
    case chanceFloor(floor: Double)
    /// sigma(s (ln(n_ctx / n_pmt) + c)), and for an extended model a factor
    /// exp(-g log2(n_ctx / n_ctx of the base model)) (`extensionFactor`).
    case decay(sharpness: Double, offset: Double, rate: Double)

    /// The penalty factor, in [0, 1].
    @inlinable
    public func value(promptTokens nPmt: Double, contextLimit nCtx: Double) -> Double {
        switch self {
        case .paper, .chanceFloor: return StableMath.logistic(nCtx - nPmt)
        case .none: return 1
        case .soft(let s): return StableMath.logistic(s * log(nCtx / nPmt))
        case .decay(let s, let c, _): return StableMath.logistic(s * (log(nCtx / nPmt) + c))
        }
    }

    /// The score a guessing model reaches; 0 for every form but the chance floor.
    @inlinable
    public var floor: Double {
        if case .chanceFloor(let f) = self { return f }
        return 0
    }

    /// The factor an extended model's score keeps at limit `nCtx`, extended from `nativeLimit`
    /// (nil: a model used at its own pre-training limit): 1 for every form but the decay.
    @inlinable
    public func extensionFactor(contextLimit nCtx: Double, nativeLimit: Double?) -> Double {
        exp(logExtensionFactor(contextLimit: nCtx, nativeLimit: nativeLimit))
    }

    /// log of `extensionFactor`: -g log2(n_ctx / native) past the native limit, else 0.
    @inlinable
    public func logExtensionFactor(contextLimit nCtx: Double, nativeLimit: Double?) -> Double {
        guard case .decay(_, _, let g) = self, let native = nativeLimit, nCtx > native else { return 0 }
        return -g * log2(nCtx / native)
    }

    /// The form whose penalty this is.
    public var form: LawForm {
        switch self {
        case .paper: return .paper
        case .none: return .noPenalty
        case .soft: return .soft
        case .chanceFloor: return .floor
        case .decay: return .decay
        }
    }

    /// The values of the form's extra parameters, in `LawForm.extraParameters`' order.
    public var parameters: [Double] {
        switch self {
        case .paper, .none: return []
        case .soft(let s): return [s]
        case .chanceFloor(let f): return [f]
        case .decay(let s, let c, let g): return [s, c, g]
        }
    }

    /// log of the penalty factor; finite even where the factor itself underflows to zero.
    @inlinable
    public func logValue(promptTokens nPmt: Double, contextLimit nCtx: Double) -> Double {
        switch self {
        case .paper, .chanceFloor: return StableMath.logLogistic(nCtx - nPmt)
        case .none: return 0
        case .soft(let s): return StableMath.logLogistic(s * log(nCtx / nPmt))
        case .decay(let s, let c, _): return StableMath.logLogistic(s * (log(nCtx / nPmt) + c))
        }
    }
}
