import ContextScaling
import Synchronization

/// A task's fitted law and what the planner needs around it, as stored in `Presets/tasks/*.json`.
public struct TaskPreset: Sendable, Equatable {
    public var name: String
    public var description: String
    /// What the score measures ("accuracy", "bleu4"); always on [0, 1].
    public var metric: String
    public var law: ContextScalingLaw
    /// The token lengths that turn shots into prompt tokens; nil for a preset fitted on prompt
    /// lengths alone, which answers in prompt tokens only.
    public var tokenLengths: PromptLayout?
    /// The compute, context limits and prompt lengths the fit saw, for extrapolation warnings.
    public var fitRange: FitRange?
    /// The paper's reported mean absolute errors, where the preset comes from the paper.
    public var paperErrors: PaperErrors?
    /// Bootstrap refits of the same data, for intervals on answers (empty when not saved).
    public var draws: [ContextScalingLaw] {
        get { drawStore.draws }
        set { drawStore = LazyDraws(newValue) }
    }
    private var drawStore: LazyDraws
    /// The residuals (observed - fitted) of the fit the draws come from: the scatter of a new
    /// model's score around the law, for prediction intervals (empty when not saved).
    public var residuals: [Double]
    public var source: String
    /// The file it was loaded from.
    public var path: String
    /// The score of guessing, for a multiple-choice metric: the floor law's floor when a fit is
    /// given none.
    public var floor: Double?
    /// How far off, in decades of compute, the compute a prediction's law is read at may be per
    /// decade past the fit's largest (a standard deviation, `ExtrapolationError`), as the fit's
    /// forward backtest measured it; nil when not measured.
    public var extrapolationPerDecade: Double?

    public init(
        name: String, description: String = "", metric: String = "score", law: ContextScalingLaw,
        layout: PromptLayout?, fitRange: FitRange? = nil, paperErrors: PaperErrors? = nil,
        draws: [ContextScalingLaw] = [], residuals: [Double] = [], source: String = "", path: String = "",
        floor: Double? = nil, extrapolationPerDecade: Double? = nil
    ) {
        self.extrapolationPerDecade = extrapolationPerDecade
        self.name = name
        self.description = description
        self.metric = metric
        self.law = law
        self.tokenLengths = layout
        self.fitRange = fitRange
        self.paperErrors = paperErrors
        drawStore = LazyDraws(draws)
        self.residuals = residuals
        self.source = source
        self.path = path
        self.floor = floor
    }
}

extension TaskPreset {
    /// This preset with draws that `make` computes on first use: a preset file's draws are
    /// centred on its law (`TaskPresetFile.centred`), work that a command reading the task for
    /// its token lengths alone (an observations file naming it) need not do.
    func drawingLazily(_ make: @escaping @Sendable () -> [ContextScalingLaw]) -> TaskPreset {
        var preset = self
        preset.drawStore = LazyDraws(make)
        return preset
    }

    /// The token lengths for a question asked in shots; a preset without them says so.
    public var layout: PromptLayout {
        get throws(MissingTokenLengths) {
            guard let tokenLengths else { throw MissingTokenLengths(task: name) }
            return tokenLengths
        }
    }
}

/// A question in shots to a task preset that has no token lengths for shots (one fitted on
/// prompt tokens alone): it can answer in prompt tokens only.
public struct MissingTokenLengths: Error, Equatable, Sendable {
    public var task: String
}

/// The region of inputs a fit saw. Answers outside it are extrapolations and say so.
public struct FitRange: Sendable, Equatable, Codable {
    public var computeMin: Double
    public var computeMax: Double
    public var nCtxMin: Double
    public var nCtxMax: Double
    public var nPmtMin: Double
    public var nPmtMax: Double

    public init(
        computeMin: Double, computeMax: Double, nCtxMin: Double, nCtxMax: Double,
        nPmtMin: Double, nPmtMax: Double
    ) {
        self.computeMin = computeMin
        self.computeMax = computeMax
        self.nCtxMin = nCtxMin
        self.nCtxMax = nCtxMax
        self.nPmtMin = nPmtMin
        self.nPmtMax = nPmtMax
    }

    enum CodingKeys: String, CodingKey {
        case computeMin = "compute_min"
        case computeMax = "compute_max"
        case nCtxMin = "n_ctx_min"
        case nCtxMax = "n_ctx_max"
        case nPmtMin = "n_pmt_min"
        case nPmtMax = "n_pmt_max"
    }
}

public struct PaperErrors: Sendable, Equatable, Codable {
    public var mae: Double
    public var heldoutMAE: Double

    enum CodingKeys: String, CodingKey {
        case mae
        case heldoutMAE = "heldout_mae"
    }
}

/// An accelerator's peak dense BF16 throughput, as stored in `Presets/hardware/*.json`.
public struct HardwarePreset: Sendable, Equatable, Codable {
    public var name: String
    public var aliases: [String]?
    public var peakFlopsPerSecond: Double
    public var source: String?

    enum CodingKeys: String, CodingKey {
        case name, aliases, source
        case peakFlopsPerSecond = "bf16_dense_flops_per_second"
    }
}

/// A task's draws, computed once, on first use, by whichever thread asks first; presets that
/// compare equal hold equal draws.
private final class LazyDraws: Sendable, Equatable {
    private enum State {
        case ready([ContextScalingLaw])
        case pending(@Sendable () -> [ContextScalingLaw])
    }
    private let state: Mutex<State>

    init(_ draws: [ContextScalingLaw]) { state = Mutex(.ready(draws)) }
    init(_ make: @escaping @Sendable () -> [ContextScalingLaw]) { state = Mutex(.pending(make)) }

    var draws: [ContextScalingLaw] {
        state.withLock { state in
            switch state {
            case .ready(let draws): return draws
            case .pending(let make):
                let draws = make()
                state = .ready(draws)
                return draws
            }
        }
    }

    static func == (a: LazyDraws, b: LazyDraws) -> Bool { a === b || a.draws == b.draws }
}
