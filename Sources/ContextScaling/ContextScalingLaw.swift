#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Eq. (1) with its three factors: what compute buys, what the prompt buys, and what a prompt
/// past the context limit costs.
public struct Factors: Sendable, Equatable {
    /// 1 - exp(-A (C/Cc)^alpha) in Eq. (1); the form's compute term in general.
    public var compute: Double
    /// 1 - exp(-B (n_pmt/nc)^beta).
    public var context: Double
    /// The penalty for exceeding the context limit.
    public var penalty: Double
    /// What an extended model keeps of its score (the decay form's; 1 for the others).
    public var decay: Double
    /// The chance floor the score rises from (0 for forms without one).
    public var floor: Double

    /// The predicted score: floor + (1 - floor) x the product of the factors.
    public var score: Double { floor + (1 - floor) * (compute * context * penalty * decay) }

    @inlinable
    public init(compute: Double, context: Double, penalty: Double, decay: Double = 1, floor: Double = 0) {
        self.compute = compute
        self.context = context
        self.penalty = penalty
        self.decay = decay
        self.floor = floor
    }
}

/// A fitted context-aware scaling law: a form and its parameter values.
public struct ContextScalingLaw: Sendable, Equatable, Hashable {
    public var form: AnyLawForm
    /// Every parameter's value, in `form.parameters`' order.
    public var values: [Double]
    /// The context limit the model was pre-trained with, for a model extended past it: the
    /// decay form scores such a model lower. nil for a model at its own limit (and for every
    /// law as fitted or stored; `forModel` sets it for one model's questions).
    public var nativeLimit: Double?
    /// How compute splits into parameters and tokens, for a form that sees them apart (the
    /// ladder's); `.unspecified` takes the form's compute-optimal split.
    public var split: ComputeSplit = .unspecified

    public init(form: AnyLawForm, values: [Double], nativeLimit: Double? = nil) {
        self.form = form
        self.values = values
        self.nativeLimit = nativeLimit
    }

    /// Eq. (1)'s six parameters under `form` (the paper's by default), then the form's own.
    public init(_ parameters: LawParameters, form: AnyLawForm = .paper, extra: [Double] = []) {
        self.init(form: form, values: parameters.values + extra)
    }

    /// This law for a model pre-trained at `nativeLimit` tokens (nil: at every limit asked).
    public func forModel(nativeLimit: Double?) -> ContextScalingLaw {
        var law = self
        law.nativeLimit = nativeLimit
        return law
    }

    /// This law with compute split as `split` says.
    public func splitting(_ split: ComputeSplit) -> ContextScalingLaw {
        var law = self
        law.split = split
        return law
    }

    /// Eq. (1)'s six parameters, for a form that has them (nil for the ladder).
    public var parameters: LawParameters? {
        form.hasEquationOneTerms ? LawParameters(values: values) : nil
    }

    /// The values of the parameters the form adds to Eq. (1)'s six.
    public var extraValues: [Double] {
        zip(form.parameters, values).filter { !LawParameter.shared.contains($0.0) }.map(\.1)
    }

    /// The value of the parameter called `name`; nil when the form has none.
    public func value(_ name: String) -> Double? {
        form.parameters.firstIndex { $0.name == name }.map { values[$0] }
    }

    /// The chance floor the score rises from: 0 but for the forms with one.
    @inlinable
    public var floor: Double { form.base.floor(values) }

    /// The score Eq. (1)'s product must reach for the law to reach `score`: the score itself,
    /// but for a floor (score - floor) / (1 - floor), at most 0 for a score at or below the
    /// floor, which every input reaches.
    @inlinable
    public func productTarget(_ score: Double) -> Double {
        let f = floor
        return f == 0 ? score : (score - f) / (1 - f)
    }

    // MARK: - The factors

    /// The compute factor for C FLOPs of training.
    @inlinable
    public func computeFactor(flops: Double) -> Double { exp(logComputeFactor(logCompute: log(flops))) }

    /// The context factor for a prompt of n_pmt tokens.
    @inlinable
    public func contextFactor(promptTokens: Double) -> Double {
        exp(form.base.logContextFactor(values, logPromptTokens: log(promptTokens)))
    }

    /// The penalty (and an extended model's factor, for the decay form) at a prompt and limit.
    @inlinable
    public func penaltyFactor(promptTokens: Double, contextLimit: Double) -> Double {
        exp(form.base.logPenalty(values, promptTokens: promptTokens, contextLimit: contextLimit, nativeLimit: nil))
    }

    /// All three factors. Inputs are positive and finite (callers validate them).
    @inlinable
    public func factors(flops: Double, promptTokens: Double, contextLimit: Double) -> Factors {
        let base = form.base
        let cut = base.logPenalty(values, promptTokens: promptTokens, contextLimit: contextLimit, nativeLimit: nil)
        let withExtension = base.logPenalty(
            values, promptTokens: promptTokens, contextLimit: contextLimit, nativeLimit: nativeLimit)
        return Factors(
            compute: computeFactor(flops: flops),
            context: contextFactor(promptTokens: promptTokens),
            penalty: exp(cut),
            decay: exp(withExtension - cut),
            floor: floor)
    }

    /// The predicted score P(C, n_pmt, n_ctx).
    @inlinable
    public func score(flops: Double, promptTokens: Double, contextLimit: Double) -> Double {
        factors(flops: flops, promptTokens: promptTokens, contextLimit: contextLimit).score
    }

    // MARK: - Logarithms, for the solvers

    /// log of the compute factor as a function of log C: finite wherever the factor is positive,
    /// so a root finder sees slopes even where the factor itself is 1e-300.
    @inlinable
    public func logComputeFactor(logCompute: Double) -> Double {
        form.base.logComputeFactor(values, at: ComputePoint(logFlops: logCompute, split: split))
    }

    /// log of (context factor x penalty x extension factor) as a function of log n_pmt: with
    /// the compute factor, Eq. (1)'s product, without any chance floor (`productTarget`).
    @inlinable
    public func logPromptFactor(logPromptTokens: Double, contextLimit: Double) -> Double {
        form.base.logContextFactor(values, logPromptTokens: logPromptTokens)
            + form.base.logPenalty(
                values, promptTokens: exp(logPromptTokens), contextLimit: contextLimit, nativeLimit: nativeLimit)
    }

    /// The score a prompt can reach with unlimited compute: the compute factor tends to 1 (for
    /// the ladder, to its ceiling sigma(u), or below it where `split` holds N or D).
    @inlinable
    public func ceiling(promptTokens: Double, contextLimit: Double) -> Double {
        let product =
            contextFactor(promptTokens: promptTokens)
            * exp(
                form.base.logPenalty(
                    values, promptTokens: promptTokens, contextLimit: contextLimit, nativeLimit: nativeLimit))
            * exp(form.base.logComputeCeiling(values, split: split))
        return floor + (1 - floor) * product
    }
}
