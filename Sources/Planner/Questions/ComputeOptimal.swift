import ContextScaling
import Foundation

/// The parametric loss of Hoffmann et al. (2022, "Training Compute-Optimal Large Language
/// Models", Approach 3, Eq. 10): L(N, D) = E + A / N^alpha + B / D^beta, with N parameters and
/// D training tokens. Its published fit (E 1.69, A 406.4, B 410.7, alpha 0.34, beta 0.28) is
/// the one the `chinchilla` package and most compute-optimal calculators use.
public struct ChinchillaLaw: Sendable, Equatable {
    public var e: Double
    public var a: Double
    public var b: Double
    public var alpha: Double
    public var beta: Double

    public static let approach3 = ChinchillaLaw(e: 1.69, a: 406.4, b: 410.7, alpha: 0.34, beta: 0.28)

    public func loss(parameters n: Double, tokens d: Double) -> Double {
        e + a * exp(-alpha * log(n)) + b * exp(-beta * log(d))
    }

    /// The N and D that minimise L under 6 N D = C (Hoffmann et al., Eq. 4 and Appendix D.2):
    /// N_opt = G (C/6)^(beta/(alpha+beta)), D_opt = (C/6)^(alpha/(alpha+beta)) / G, with
    /// G = (alpha A / (beta B))^(1/(alpha+beta)). Worked in logs: C/6 reaches 1e29, and the
    /// exponents are near 0.5.
    public func optimalSplit(flops c: Double) -> ComputeOptimalSplit {
        let sum = alpha + beta
        let logG = (log(alpha * a) - log(beta * b)) / sum
        let logHalfC = log(c / 6)
        let logN = logG + beta / sum * logHalfC
        // D from the constraint, so that 6 N D = C holds to rounding.
        let logD = logHalfC - logN
        return ComputeOptimalSplit(flops: c, parameters: exp(logN), tokens: exp(logD))
    }
}

/// A compute budget split into the parameters and tokens that spend it best (Chinchilla).
public struct ComputeOptimalSplit: Sendable, Equatable {
    public var flops: Double
    public var parameters: Double
    public var tokens: Double
}
