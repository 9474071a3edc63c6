#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terms of Eq. (1) that the forms share, from parameter values in Table 4's order
/// (A, Cc, alpha, B, nc, beta first).
public enum EquationOne {
    /// log of 1 - exp(-A (C/Cc)^alpha). The argument is formed in log space, so that ratios such
    /// as 7.8e22 / 9.7e29 and their powers neither underflow nor overflow.
    @inlinable
    public static func logComputeFactor(_ v: [Double], logFlops: Double) -> Double {
        StableMath.logSaturate(exp(log(v[0]) + v[2] * (logFlops - log(v[1]))))
    }

    /// log of 1 - exp(-B (n_pmt/nc)^beta).
    @inlinable
    public static func logContextFactor(_ v: [Double], logPromptTokens: Double) -> Double {
        logContextFactor(B: v[3], nc: v[4], beta: v[5], logPromptTokens: logPromptTokens)
    }

    @inlinable
    public static func logContextFactor(B: Double, nc: Double, beta: Double, logPromptTokens: Double) -> Double {
        StableMath.logSaturate(exp(log(B) + beta * (logPromptTokens - log(nc))))
    }

    /// `logContextFactor(B:nc:beta:logPromptTokens:)` with log B and log nc taken once.
    @inlinable
    public static func logContextFactorCurve(B: Double, nc: Double, beta: Double) -> (Double) -> Double {
        let (logB, logNc) = (log(B), log(nc))
        return { StableMath.logSaturate(exp(logB + beta * ($0 - logNc))) }
    }

    /// log sigma(n_ctx - n_pmt): the paper's sharp penalty in tokens. (The paper prints
    /// sigma(n_pmt - n_ctx); read literally that makes every prompt that fits score about zero.)
    @inlinable
    public static func logPaperPenalty(promptTokens: Double, contextLimit: Double) -> Double {
        StableMath.logLogistic(contextLimit - promptTokens)
    }

    /// 1 - exp(-A (C/Cc)^alpha) at every point, the logarithms of A and Cc taken once.
    @inlinable
    public static func computeFactors(_ v: [Double], at points: [ComputePoint], into out: inout [Double]) {
        let (logA, logCc, alpha) = (log(v[0]), log(v[1]), v[2])
        for i in points.indices { out[i] = StableMath.saturate(exp(logA + alpha * (points[i].logFlops - logCc))) }
    }

    /// 1 - exp(-B (n_pmt/nc)^beta) at every prompt length, the logarithms taken once.
    @inlinable
    public static func contextFactors(
        B: Double, nc: Double, beta: Double, logPromptTokens: [Double], into out: inout [Double]
    ) {
        let (logB, logNc) = (log(B), log(nc))
        for i in logPromptTokens.indices {
            out[i] = StableMath.saturate(exp(logB + beta * (logPromptTokens[i] - logNc)))
        }
    }

    /// The trade-offs of A with Cc and of B with nc.
    public static let scaleTradeOffs = [
        ScaleTradeOff(coefficient: 0, scale: 1, exponent: 2, variable: .compute),
        ScaleTradeOff(coefficient: 3, scale: 4, exponent: 5, variable: .prompt),
    ]
}

/// A form that keeps Eq. (1)'s compute and context terms, from its first six parameters (A, Cc,
/// alpha, B, nc, beta), and changes only what comes after them: its penalty, a floor. It states
/// just that; the terms come from here.
public protocol EquationOneForm: LawForm {}

extension EquationOneForm {
    public var scaleTradeOffs: [ScaleTradeOff] { EquationOne.scaleTradeOffs }

    public func logComputeFactor(_ values: [Double], at point: ComputePoint) -> Double {
        EquationOne.logComputeFactor(values, logFlops: point.logFlops)
    }

    public func logContextFactor(_ values: [Double], logPromptTokens: Double) -> Double {
        EquationOne.logContextFactor(values, logPromptTokens: logPromptTokens)
    }

    public func logContextFactorCurve(_ values: [Double]) -> (Double) -> Double {
        EquationOne.logContextFactorCurve(B: values[3], nc: values[4], beta: values[5])
    }

    public func computeFactors(_ values: [Double], at points: [ComputePoint], into out: inout [Double]) {
        EquationOne.computeFactors(values, at: points, into: &out)
    }

    public func contextFactors(_ values: [Double], logPromptTokens: [Double], into out: inout [Double]) {
        EquationOne.contextFactors(
            B: values[3], nc: values[4], beta: values[5], logPromptTokens: logPromptTokens, into: &out)
    }
}
