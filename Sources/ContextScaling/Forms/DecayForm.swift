#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LawParameter {
    /// The decay form's offset c, in natural-log units of n_ctx / n_pmt: the cut sits at
    /// n_pmt = n_ctx e^c (past the limit for c > 0, where a truncated prompt still scores).
    /// Searched from just above its lower bound, so that a fit's value is a preset's valid one.
    public static let offset = LawParameter(
        name: "c", lower: -3, upper: 3, searchLower: -2.99, scale: .linear, unit: "a log-ratio offset")
    /// The decay form's rate g: an extended model keeps exp(-g) of its score per doubling of
    /// its limit past the base model's. Negative when extension helps.
    public static let decayRate = LawParameter(
        name: "g", lower: -1, upper: 1, searchLower: -0.99, scale: .linear, unit: "a decay per doubling")
}

/// The soft penalty with an offset cut, sigma(s (ln(n_ctx / n_pmt) + c)), and a factor
/// exp(-g log2(n_ctx / n_ctx of the base model)) for extended models.
public struct DecayForm: EquationOneForm {
    public init() {}
    public var name: String { "decay" }
    public var formula: String {
        "[1 - e^(-A (C/Cc)^alpha)] [1 - e^(-B (n_pmt/nc)^beta)] sigma(s (ln(n_ctx/n_pmt) + c)) e^(-g log2(n_ctx/native))"
    }
    public var parameters: [LawParameter] { LawParameter.shared + [.sharpness, .offset, .decayRate] }
    public var penalisesLongPrompts: Bool { true }
    public var penaltyParameterIndices: [Int] { [6, 7, 8] }
    public var penaltyReadsNativeLimit: Bool { true }
    public var dataRequirements: [DataRequirement] { [.promptNearLimit, .extendedModel] }

    public func logPenalty(_ values: [Double], promptTokens: Double, contextLimit: Double, nativeLimit: Double?)
        -> Double
    {
        let (s, c, g) = (values[6], values[7], values[8])
        let cut = StableMath.logLogistic(s * (log(contextLimit / promptTokens) + c))
        guard let native = nativeLimit, contextLimit > native else { return cut }
        return cut - g * log2(contextLimit / native)
    }
}
