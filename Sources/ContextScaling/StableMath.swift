#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Floating-point building blocks for Eq. (1), each written to keep its accuracy across the
/// magnitudes the law meets: compute from 1e18 to 1e30 FLOPs, exponents near 0.2, prompts
/// thousands of tokens past a context limit.
public enum StableMath {
    /// 1 - exp(-x) for x >= 0.
    ///
    /// Computed as -expm1(-x): for small x the subtraction 1 - exp(-x) would cancel almost every
    /// digit (x = 1e-12 keeps four), while expm1 is accurate to the last bit.
    @inlinable
    public static func saturate(_ x: Double) -> Double {
        -expm1(-x)
    }

    /// log(1 - exp(-x)) for x > 0, accurate at both ends.
    ///
    /// Below ln 2 the difference is small and expm1 keeps it exact; above, 1 - exp(-x) is near 1
    /// and log1p keeps the small distance from 1 that the logarithm needs (Mächler, 2012).
    @inlinable
    public static func logSaturate(_ x: Double) -> Double {
        x < M_LN2 ? log(-expm1(-x)) : log1p(-exp(-x))
    }

    /// The logistic function 1 / (1 + exp(-x)), finite and in [0, 1] for every finite x.
    ///
    /// The two branches keep exp's argument non-positive, so exp never overflows: at x = -1e6 the
    /// answer underflows gracefully to 0 instead of computing 1 / (1 + inf).
    @inlinable
    public static func logistic(_ x: Double) -> Double {
        if x >= 0 {
            return 1 / (1 + exp(-x))
        }
        let e = exp(x)
        return e / (1 + e)
    }

    /// log(logistic(x)) = -log(1 + exp(-x)), without overflow for large negative x, where it
    /// approaches x itself instead of -inf.
    @inlinable
    public static func logLogistic(_ x: Double) -> Double {
        x >= 0 ? -log1p(exp(-x)) : x - log1p(exp(x))
    }

    /// A * (x / xc)^alpha, given log x and log xc, as its logarithm: log A + alpha (log x - log xc).
    ///
    /// Ratios such as 7.8e22 / 9.7e29 are formed in log space, so neither the ratio nor its power
    /// can underflow or overflow before the saturation sees it.
    @inlinable
    public static func logScaledPower(
        coefficient: Double, logX: Double, logScale: Double, exponent: Double
    ) -> Double {
        log(coefficient) + exponent * (logX - logScale)
    }
}
