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
public struct SoftForm: EquationOneForm {
    public init() {}
    public var name: String { "soft" }
    public var formula: String { "[1 - e^(-A (C/Cc)^alpha)] [1 - e^(-B (n_pmt/nc)^beta)] sigma(s ln(n_ctx/n_pmt))" }
    public var parameters: [LawParameter] { LawParameter.shared + [.sharpness] }
    public var penalisesLongPrompts: Bool { true }
    public var penaltyParameterIndices: [Int] { [6] }
    public var dataRequirements: [DataRequirement] { [.promptNearLimit] }

    public func logPenalty(_ values: [Double], promptTokens: Double, contextLimit: Double, nativeLimit: Double?)
        -> Double
    {
        StableMath.logLogistic(values[6] * log(contextLimit / promptTokens))
    }
}
