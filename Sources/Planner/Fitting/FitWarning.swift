import ContextScaling

/// What a fit's data cannot determine: a fact about the records and the law, which the program
/// words. `code` is stable for programs reading JSON.
public enum FitWarning: Sendable, Equatable {
    /// A property of Eq. (1) itself, whatever the data: A (C/Cc)^alpha = (A Cc^-alpha) C^alpha,
    /// and likewise B and nc, so each fitted pair is one point on a ridge of equal fits.
    case ridge
    /// One compute level: A, Cc and alpha cannot be determined.
    case oneComputeLevel
    /// Two compute levels: A, Cc and alpha trade off.
    case twoComputeLevels
    /// Fewer than three prompt lengths: B, nc and beta cannot be determined.
    case fewPromptLengths
    /// One context limit: the penalty's position is not tested.
    case oneContextLimit
    /// No prompt exceeds its limit: the data says nothing about the form's penalty.
    case penaltyUntested
    /// The score falls as the prompt grows while it still fits: the law cannot show it.
    case promptDrop(PromptDrop)
    /// The decay form's factor in n_ctx: where every larger model is also a longer-context one
    /// (extensions add compute), the factor and the compute term trade off, and a compute
    /// extrapolation carries the decay's error with it.
    case contextTermsConfoundCompute
    /// No record is of a model extended past its pre-training limit (known from a model
    /// preset): the decay form's rate g is not determined.
    case noExtendedModels
    /// Fewer than five independent model sizes (or compute levels) behind the fit: an answer
    /// for a larger model rests on few points, whatever its interval says.
    case fewSizes(Int)
    /// Parameters the fit left at an end of the interval it searches: the data would take each
    /// further, so its value is where the search stopped, not an estimate.
    case onBound([BoundParameter])

    public var code: String {
        switch self {
        case .ridge: return "ridge"
        case .oneComputeLevel: return "one_compute_level"
        case .twoComputeLevels: return "two_compute_levels"
        case .fewPromptLengths: return "few_prompt_lengths"
        case .oneContextLimit: return "one_context_limit"
        case .penaltyUntested: return "penalty_untested"
        case .promptDrop: return "score_falls_with_prompt"
        case .contextTermsConfoundCompute: return "context_terms_confound_compute"
        case .noExtendedModels: return "no_extended_models"
        case .fewSizes: return "few_sizes"
        case .onBound: return "parameter_on_bound"
        }
    }
}

/// A fitted parameter at an end of its search interval.
public struct BoundParameter: Sendable, Equatable {
    public enum End: Sendable, Equatable { case lower, upper }
    public var name: String
    public var value: Double
    public var end: End

    /// The parameters of `law` within a millionth of the search interval of either end, but
    /// those the fit was given (`pinned`), and but a coefficient or scale whose partner is
    /// inside its interval: the pair slides along its ridge of equal fits (A t^alpha, Cc t)
    /// away from the bound, which holds nothing back (the fit prints the point where the scale
    /// is the data's middle value, or the coefficient at its bound when that point is outside).
    static func of(_ law: ContextScalingLaw, pinned: [String: Double]) -> [BoundParameter] {
        let bound: [BoundParameter?] = zip(law.form.parameters, law.values).map { parameter, value in
            guard pinned[parameter.name] == nil else { return nil }
            let (lower, upper) = parameter.searchInterval
            let x = parameter.coordinate(value)
            let tolerance = 1e-6 * (upper - lower)
            if x - lower <= tolerance { return BoundParameter(name: parameter.name, value: value, end: .lower) }
            if upper - x <= tolerance { return BoundParameter(name: parameter.name, value: value, end: .upper) }
            return nil
        }
        var sliding = Set<Int>()
        for pair in law.form.base.scaleTradeOffs where (bound[pair.coefficient] == nil) != (bound[pair.scale] == nil) {
            sliding.formUnion([pair.coefficient, pair.scale])
        }
        return bound.indices.compactMap { sliding.contains($0) ? nil : bound[$0] }
    }
}
