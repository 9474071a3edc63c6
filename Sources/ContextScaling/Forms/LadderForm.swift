#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LawParameter {
    /// The ladder's logit ceiling u: the compute factor's log-odds with unlimited N and D.
    public static let logitCeiling = LawParameter(
        name: "u", lower: -20, upper: 20, searchLower: -19.99, scale: .linear, unit: "a log-odds")
    /// The ladder's loss coefficients a (parameters) and b (tokens), in log-odds units at the
    /// reference sizes (`LadderForm.referenceParams`, `referenceTokens`).
    public static let paramsCoefficient = LawParameter(
        name: "a", lower: 0, upper: 1e4, searchLower: 1e-4, scale: .log10, unit: "a scale")
    public static let tokensCoefficient = LawParameter(
        name: "b", lower: 0, upper: 1e4, searchLower: 1e-4, scale: .log10, unit: "a scale")
    /// The ladder's exponents of N and of D.
    public static let paramsExponent = LawParameter(
        name: "alpha_N", lower: 0, upper: 2, searchLower: 0.01, scale: .linear, unit: "an exponent")
    public static let tokensExponent = LawParameter(
        name: "beta_D", lower: 0, upper: 2, searchLower: 0.01, scale: .linear, unit: "an exponent")
}

/// The model-ladder form (after Bhagia et al. 2024, OLMo's ladder): a Chinchilla-style loss
/// that separates parameters N from tokens D (Hoffmann et al. 2022, L = E + A/N^alpha +
/// B/D^beta), mapped to the score through a sigmoid above the chance floor, times Eq. (1)'s
/// context factor and penalty:
///
///     P = floor + (1 - floor) sigma(u - a (N/N0)^-alpha_N - b (D/D0)^-beta_D) [1 - e^(-B (n_pmt/nc)^beta)] sigma(n_ctx - n_pmt)
///
/// N0 = 1e9 parameters and D0 = 1e11 tokens are fixed reference sizes: they leave the family of
/// laws as it is, and keep a and alpha_N (b and beta_D) from trading off along a ridge in the
/// search, as they would with N in raw units (a N^-alpha_N with N near 1e9).
///
/// The loss itself is never observed: its offset and scale fold into u, a and b (sigma(k (L0 - L))
/// with L = E + A'/N^alpha_N + B'/D^beta_D is this law with u = k (L0 - E), a = k A', b = k B'),
/// which keeps every parameter identifiable.
///
/// Where only C is given, N and D are the compute-optimal split of this law's own loss
/// (`optimalSplit`); a given N or D fixes the other through C = 6ND.
public struct LadderForm: LawForm {
    public init() {}
    public var name: String { "ladder" }
    public var formula: String {
        "floor + (1 - floor) sigma(u - a (N/1e9)^-alpha_N - b (D/1e11)^-beta_D) [1 - e^(-B (n_pmt/nc)^beta)] sigma(n_ctx - n_pmt)"
    }
    public var parameters: [LawParameter] {
        [.logitCeiling, .paramsCoefficient, .paramsExponent, .tokensCoefficient, .tokensExponent, .B, .nc, .beta, .floor]
    }
    public var penalisesLongPrompts: Bool { true }
    public var separatesParamsAndTokens: Bool { true }
    public var dataRequirements: [DataRequirement] { [.paramsAndTokens] }
    public var scaleTradeOffs: [ScaleTradeOff] {
        [ScaleTradeOff(coefficient: 5, scale: 6, exponent: 7, variable: .prompt)]
    }

    public func logComputeFactor(_ values: [Double], at point: ComputePoint) -> Double {
        let (logN, logD) = LadderForm.logSplit(values, at: point)
        return StableMath.logLogistic(values[0] - LadderForm.lossTerms(values, logParams: logN, logTokens: logD))
    }

    /// The loss terms vanish with unlimited N and D, leaving sigma(u); with N held, more tokens
    /// leave its term, sigma(u - a (N/N0)^-alpha_N), and likewise with D held.
    public func logComputeCeiling(_ values: [Double], split: ComputeSplit) -> Double {
        switch split {
        case .unspecified: return StableMath.logLogistic(values[0])
        case .params(let n): return StableMath.logLogistic(values[0] - LadderForm.paramsTerm(values, logParams: log(n)))
        case .tokens(let d): return StableMath.logLogistic(values[0] - LadderForm.tokensTerm(values, logTokens: log(d)))
        }
    }

    public func logContextFactor(_ values: [Double], logPromptTokens: Double) -> Double {
        EquationOne.logContextFactor(B: values[5], nc: values[6], beta: values[7], logPromptTokens: logPromptTokens)
    }

    public func logContextFactorCurve(_ values: [Double]) -> (Double) -> Double {
        EquationOne.logContextFactorCurve(B: values[5], nc: values[6], beta: values[7])
    }

    public func logPenalty(_ values: [Double], promptTokens: Double, contextLimit: Double, nativeLimit: Double?)
        -> Double
    {
        EquationOne.logPaperPenalty(promptTokens: promptTokens, contextLimit: contextLimit)
    }

    public func floor(_ values: [Double]) -> Double { values[8] }

    public func contextFactors(_ values: [Double], logPromptTokens: [Double], into out: inout [Double]) {
        EquationOne.contextFactors(B: values[5], nc: values[6], beta: values[7], logPromptTokens: logPromptTokens, into: &out)
    }

    /// The reference sizes N0 and D0.
    public static let referenceParams = 1e9
    public static let referenceTokens = 1e11

    /// a (N/N0)^-alpha_N + b (D/D0)^-beta_D, from log N and log D.
    static func lossTerms(_ v: [Double], logParams: Double, logTokens: Double) -> Double {
        paramsTerm(v, logParams: logParams) + tokensTerm(v, logTokens: logTokens)
    }

    /// a (N/N0)^-alpha_N, from log N.
    static func paramsTerm(_ v: [Double], logParams: Double) -> Double {
        exp(log(v[1]) - v[2] * (logParams - log(referenceParams)))
    }

    /// b (D/D0)^-beta_D, from log D.
    static func tokensTerm(_ v: [Double], logTokens: Double) -> Double {
        exp(log(v[3]) - v[4] * (logTokens - log(referenceTokens)))
    }

    /// log N and log D at `point`: as given, or the split of C that minimises the loss terms.
    static func logSplit(_ v: [Double], at point: ComputePoint) -> (logParams: Double, logTokens: Double) {
        let logSixND = point.logFlops - log(6.0)
        switch point.split {
        case .params(let n): return (log(n), logSixND - log(n))
        case .tokens(let d): return (logSixND - log(d), log(d))
        case .unspecified:
            let logN = optimalLogParams(v, logFlops: point.logFlops)
            return (logN, logSixND - logN)
        }
    }

    /// The N that minimises a x^-alpha + b y^-beta with x = N/N0, y = D/D0 at xy = K = C / 6N0D0:
    /// setting the derivative to zero, x^(alpha+beta) = (alpha a / (beta b)) K^beta (the
    /// stationary point of Hoffmann et al. 2022, Approach 3).
    static func optimalLogParams(_ v: [Double], logFlops: Double) -> Double {
        let (a, alpha, b, beta) = (v[1], v[2], v[3], v[4])
        let logK = logFlops - log(6 * referenceParams * referenceTokens)
        return log(referenceParams) + (log(alpha * a) - log(beta * b) + beta * logK) / (alpha + beta)
    }

    /// The compute-optimal N and D of C FLOPs under a ladder law's values.
    public static func optimalSplit(_ values: [Double], flops: Double) -> (params: Double, tokens: Double) {
        let logN = optimalLogParams(values, logFlops: log(flops))
        return (exp(logN), exp(log(flops / 6) - logN))
    }
}
