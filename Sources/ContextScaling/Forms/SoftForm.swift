#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LawParameter {
    /// The soft penalty's sharpness: Table 3 has no bound for it; a fit searches 0.1 to 1000 on
    /// log10, and a preset is accepted within (0, 1000].
    public static let sharpness = LawParameter(
        name: "s", lower: 0, upper: 1000, searchLower: 0.1, scale: .log10, unit: "a sharpness")
}

/// sigma(s ln(n_ctx / n_pmt)) with a fitted sharpness s: a penalty that depends on the prompt's
/// length relative to the limit rather than on the difference in tokens.
public struct SoftForm: LawForm {
    public init() {}
    public var name: String { "soft" }
    public var formula: String { "[1 - e^(-A (C/Cc)^alpha)] [1 - e^(-B (n_pmt/nc)^beta)] sigma(s ln(n_ctx/n_pmt))" }
    public var parameters: [LawParameter] { LawParameter.shared + [.sharpness] }
    public var penalisesLongPrompts: Bool { true }
    public var scaleTradeOffs: [ScaleTradeOff] { EquationOne.scaleTradeOffs }
    public var penaltyParameterIndices: [Int] { [6] }
    public var dataRequirements: [DataRequirement] { [.promptNearLimit] }

    public func logComputeFactor(_ values: [Double], at point: ComputePoint) -> Double {
        EquationOne.logComputeFactor(values, logFlops: point.logFlops)
    }

    public func logContextFactor(_ values: [Double], logPromptTokens: Double) -> Double {
        EquationOne.logContextFactor(values, logPromptTokens: logPromptTokens)
    }

    public func logPenalty(_ values: [Double], promptTokens: Double, contextLimit: Double, nativeLimit: Double?)
        -> Double
    {
        StableMath.logLogistic(values[6] * log(contextLimit / promptTokens))
    }

    public func computeFactors(_ values: [Double], at points: [ComputePoint], into out: inout [Double]) {
        EquationOne.computeFactors(values, at: points, into: &out)
    }

    public func contextFactors(_ values: [Double], logPromptTokens: [Double], into out: inout [Double]) {
        EquationOne.contextFactors(B: values[3], nc: values[4], beta: values[5], logPromptTokens: logPromptTokens, into: &out)
    }
}
