import ContextScaling

/// A fact said beside an answer: how a compute was reached, where an input lies outside the fit,
/// what the answer leaves out. Facts only: the program words them.
public enum PlanningNote: Sendable, Equatable {
    /// The paper's Table 1 prints a compute that 6ND does not round to at its printed figures;
    /// 6ND is used.
    case erratumTable1(printed: Double, sixND: Double)
    /// The preset gives the paper's compute but no N: N = C / 6D.
    case derivedParameters(model: String, parameters: Double)
    /// The model is its base extended by a recipe to a longer limit.
    case extended(steps: Double, batch: Double, limit: Double, tokens: Double, base: String)
    /// An input outside the range of the data the task's law was fitted to.
    case extrapolation(Extrapolation)
    /// The best shot count is the last one searched: under the law more shots keep helping.
    case bestAtSearchEnd
    /// Counting attention (Kaplan et al.) makes an extension cost more than 6ND says.
    case attentionShare(AttentionShare)
    /// The paper's extended models scored worse near their new limit; the RULER figures at the
    /// recommended limit, when bundled.
    case headroom(RulerDegradation?)
    /// No candidate limit reaches the target; the best feasible one, when any fits.
    case noCandidateReachesTarget(target: Double, bestLimit: Double?, bestScore: Double?)
    /// No candidate limit fits the prompt (and the reserve, when one was asked for).
    case noCandidateFits(withReserve: Bool)
    /// The model named is itself an extension: the cost is of extending its base from the
    /// base's own limit, not of going on from the named model's.
    case costFromBase(named: String, namedLimit: Double, base: String, baseLimit: Double)
    /// GPU time counted with attention by this convention: the MFU must be one measured on the
    /// same count (published MFU figures count the full matrix; causal kernels half of it).
    case mfuConvention(AttentionCounting)

    /// A stable name for programs reading the JSON.
    public var code: String {
        switch self {
        case .erratumTable1: "erratum_table1"
        case .derivedParameters: "derived_parameters"
        case .extended: "extension"
        case .extrapolation(let e): "extrapolation_" + e.quantity.rawValue
        case .bestAtSearchEnd: "best_at_search_end"
        case .attentionShare: "attention_share"
        case .headroom: "headroom"
        case .noCandidateReachesTarget: "no_candidate_reaches_target"
        case .noCandidateFits: "no_candidate_fits"
        case .costFromBase: "cost_from_base"
        case .mfuConvention: "mfu_convention"
        }
    }
}

/// The extension compute with attention counted beside the 6ND count.
public struct AttentionShare: Sendable, Equatable {
    /// The limit extended to, where an answer weighs several.
    public var limit: Double?
    /// Attention-aware FLOPs over 6ND FLOPs.
    public var ratio: Double
    /// Whether the answer's GPU time already counts attention (`countAttention`).
    public var counted: Bool
    /// How attention was counted.
    public var counting: AttentionCounting = .causal

    /// The note worth giving: only when attention adds more than 10%.
    static func note(
        sixND: Double, withAttention: Double?, limit: Double?, counted: Bool, counting: AttentionCounting = .causal
    ) -> PlanningNote? {
        guard let withAttention, sixND > 0, withAttention > 1.1 * sixND else { return nil }
        return .attentionShare(
            AttentionShare(limit: limit, ratio: withAttention / sixND, counted: counted, counting: counting))
    }
}

/// A checkpoint's RULER accuracy (Table 2) at its limit against at 4k.
public struct RulerDegradation: Sendable, Equatable {
    public var model: String
    public var limit: Double
    public var atLimit: Double
    public var at4k: Double
}
