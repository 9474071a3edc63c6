#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A law form: Eq. (1) or a variant of it, as one conformance.
///
/// A form names its parameters (with Table 3's bounds and how a fit searches them) and computes
/// the law's three factors, its chance floor and, for forms that need one, the factor an
/// extended model keeps. Everything else (fitting, presets, validation, the solvers, every
/// display) loops over `parameters` and calls these functions, so a new form is one file that
/// conforms and one line in `LawForms.all`; the compiler says what the file still lacks.
///
/// `values` are always in `parameters`' order, positive and finite where Table 3 asks (callers
/// validate them).
public protocol LawForm: Sendable {
    /// The name `--law`, preset files and JSON use.
    var name: String { get }
    /// Eq. (1) as this form writes it, on one line, for help.
    var formula: String { get }
    /// Every parameter a fit of this form estimates, in storage order.
    var parameters: [LawParameter] { get }
    /// Whether the form penalises prompts past the limit, so that data with none says nothing
    /// about it.
    var penalisesLongPrompts: Bool { get }
    /// Whether the compute term sees parameters N and tokens D apart, not only C = 6ND.
    var separatesParamsAndTokens: Bool { get }
    /// Where the compute term's coefficient and scale trade off (A and Cc in Eq. (1)): the fit
    /// refines in coordinates without those flat directions (IdentifiableCoordinates).
    var scaleTradeOffs: [ScaleTradeOff] { get }
    /// What the data must hold for a fit to determine every parameter of the form.
    var dataRequirements: [DataRequirement] { get }
    /// Indices into `values` of the parameters the penalty depends on: a fit computes the
    /// penalty once for as long as they stay the same.
    var penaltyParameterIndices: [Int] { get }

    /// log of the compute factor at `point`, finite wherever the factor is positive.
    func logComputeFactor(_ values: [Double], at point: ComputePoint) -> Double
    /// log of the compute factor's limit as compute grows without bound along `split` (with N
    /// or D held where one is given): 0 for Eq. (1)'s saturation, which tends to 1.
    func logComputeCeiling(_ values: [Double], split: ComputeSplit) -> Double
    /// log of the context factor at a prompt of e^logPromptTokens tokens.
    func logContextFactor(_ values: [Double], logPromptTokens: Double) -> Double
    /// `logContextFactor` as a function of log n_pmt alone, with what depends only on `values`
    /// computed once (the same arithmetic, so the same values): for the shot solvers.
    func logContextFactorCurve(_ values: [Double]) -> (Double) -> Double
    /// Whether `logPenalty` reads its `nativeLimit` (an extension factor): when it does not,
    /// the penalty with and without it is one number, computed once.
    var penaltyReadsNativeLimit: Bool { get }
    /// log of the penalty for a prompt against a limit, with the factor an extended model keeps
    /// (`nativeLimit`: the limit it was pre-trained with; nil at its own limit).
    func logPenalty(_ values: [Double], promptTokens: Double, contextLimit: Double, nativeLimit: Double?) -> Double
    /// The score a guessing model reaches: the law's score is floor + (1 - floor) x the product.
    func floor(_ values: [Double]) -> Double

    /// The compute factor (not its log) at every point, into `out` (as long as `points`): the
    /// fit's inner loop, where a form can take its parameters' logarithms once.
    func computeFactors(_ values: [Double], at points: [ComputePoint], into out: inout [Double])
    /// The context factor at every prompt length, into `out`.
    func contextFactors(_ values: [Double], logPromptTokens: [Double], into out: inout [Double])
}

extension LawForm {
    public var separatesParamsAndTokens: Bool { false }
    public var penaltyParameterIndices: [Int] { [] }
    public var dataRequirements: [DataRequirement] { [] }
    public func logComputeCeiling(_ values: [Double], split: ComputeSplit) -> Double { 0 }
    public var penaltyReadsNativeLimit: Bool { false }

    public func logContextFactorCurve(_ values: [Double]) -> (Double) -> Double {
        { logContextFactor(values, logPromptTokens: $0) }
    }

    public func computeFactors(_ values: [Double], at points: [ComputePoint], into out: inout [Double]) {
        for i in points.indices { out[i] = exp(logComputeFactor(values, at: points[i])) }
    }

    public func contextFactors(_ values: [Double], logPromptTokens: [Double], into out: inout [Double]) {
        for i in logPromptTokens.indices { out[i] = exp(logContextFactor(values, logPromptTokens: logPromptTokens[i])) }
    }
    public func floor(_ values: [Double]) -> Double { 0 }
}

/// Where a law is evaluated on the compute axis: C, and for a form that separates them, how C
/// splits into parameters and tokens.
public struct ComputePoint: Sendable, Equatable, Hashable {
    public var logFlops: Double
    public var split: ComputeSplit

    public init(logFlops: Double, split: ComputeSplit = .unspecified) {
        self.logFlops = logFlops
        self.split = split
    }
}

/// How a compute budget splits into parameters N and tokens D (C = 6ND). Only a form with
/// `separatesParamsAndTokens` reads it; the others see C alone.
public enum ComputeSplit: Sendable, Equatable, Hashable {
    /// Neither given: such a form takes the compute-optimal split of its own loss.
    case unspecified
    /// N given: D = C / 6N.
    case params(Double)
    /// D given: N = C / 6D.
    case tokens(Double)
}

/// Something records must hold for a form's parameters to be determined by a fit.
public enum DataRequirement: String, Sendable, Equatable, CaseIterable {
    /// A prompt near a context limit (at least half of it): a fitted penalty's sharpness is
    /// otherwise free.
    case promptNearLimit = "prompt_near_limit"
    /// A model extended past its pre-training limit: an extension term is otherwise free.
    case extendedModel = "extended_model"
    /// Parameters N and tokens D for every record, not compute alone, with three distinct of
    /// each.
    case paramsAndTokens = "params_and_tokens"
}

/// A coefficient, a scale and an exponent that enter a law only as coefficient x (x/scale)^exponent,
/// so that coefficient t^exponent and scale t give the same law: indices into `values`.
public struct ScaleTradeOff: Sendable, Equatable {
    public enum Variable: Sendable, Equatable { case compute, prompt }
    public var coefficient: Int
    public var scale: Int
    public var exponent: Int
    public var variable: Variable

    public init(coefficient: Int, scale: Int, exponent: Int, variable: Variable) {
        self.coefficient = coefficient
        self.scale = scale
        self.exponent = exponent
        self.variable = variable
    }
}

/// Every law form, in the order `compare` lists them: the registry.
public enum LawForms {
    public static let all: [AnyLawForm] = [
        AnyLawForm(PaperForm()),
        AnyLawForm(NoPenaltyForm()),
        AnyLawForm(SoftForm()),
        AnyLawForm(FloorForm()),
        AnyLawForm(DecayForm()),
        AnyLawForm(LadderForm()),
    ]
}

/// A law form as a value: compared, hashed, stored and parsed by its name.
public struct AnyLawForm: Sendable, Hashable, CaseIterable, RawRepresentable, CustomStringConvertible {
    public let base: any LawForm

    public init(_ base: any LawForm) { self.base = base }

    /// The registered form called `name`; nil for none.
    public init?(name: String) {
        guard let form = LawForms.all.first(where: { $0.name == name }) else { return nil }
        self = form
    }

    public init?(rawValue: String) { self.init(name: rawValue) }

    public var name: String { base.name }
    public var rawValue: String { base.name }
    public var description: String { base.name }
    public var formula: String { base.formula }
    public var parameters: [LawParameter] { base.parameters }
    /// The parameters the form adds to Eq. (1)'s six (all of its own, for a form without them).
    public var extraParameters: [LawParameter] { parameters.filter { !LawParameter.shared.contains($0) } }
    public var parameterCount: Int { parameters.count }
    public var penalisesLongPrompts: Bool { base.penalisesLongPrompts }
    public var separatesParamsAndTokens: Bool { base.separatesParamsAndTokens }
    public var dataRequirements: [DataRequirement] { base.dataRequirements }
    /// Whether the form's first six parameters are Eq. (1)'s A, Cc, alpha, B, nc, beta.
    public var hasEquationOneTerms: Bool { Array(parameters.prefix(6)) == LawParameter.shared }

    /// The law of this form with `values` in `parameters`' order.
    public func law(values: [Double]) -> ContextScalingLaw { ContextScalingLaw(form: self, values: values) }

    public static func == (a: AnyLawForm, b: AnyLawForm) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// Every registered form.
    public static var allCases: [AnyLawForm] { LawForms.all }

    /// Every parameter name some form uses: the keys a preset file's parameters may hold.
    public static let parameterNames: Set<String> = Set(LawForms.all.flatMap { $0.parameters.map(\.name) })
}

extension AnyLawForm {
    // The registered forms by name, for code that asks for one.
    public static let paper = AnyLawForm(PaperForm())
    public static let noPenalty = AnyLawForm(NoPenaltyForm())
    public static let soft = AnyLawForm(SoftForm())
    public static let floor = AnyLawForm(FloorForm())
    public static let decay = AnyLawForm(DecayForm())
    public static let ladder = AnyLawForm(LadderForm())
}

extension AnyLawForm: Codable {
    /// A form is stored by its name; an unknown name is a decoding error that lists the known.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let form = AnyLawForm(name: name) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown law '\(name)'; expected one of "
                    + LawForms.all.map(\.name).joined(separator: ", "))
        }
        self = form
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
