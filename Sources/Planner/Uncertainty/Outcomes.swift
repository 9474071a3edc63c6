import ContextScaling

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One way the answer could turn out: a law the data allows (a bootstrap refit) and, for a
/// prediction, a new model's offset from it (a residual of the refit, resampled), and past the
/// data an error in the compute the law is read at that grows with the distance
/// (`ExtrapolationError`).
struct Outcome: Sendable {
    var law: ContextScalingLaw
    var offset: Double
    /// Which of the outcomes' draws `law` is: outcomes that share one, read at the same compute,
    /// share the law's score.
    var draw = 0
    /// This outcome's standard normal draw of the extrapolation error.
    var extrapolationDraw: Double = 0
    var extrapolation: ExtrapolationError = .none

    /// The compute this outcome's law is read at for C FLOPs.
    func effectiveFlops(_ flops: Double) -> Double { extrapolation.effective(flops, draw: extrapolationDraw) }

    /// The score a model would get under this outcome, kept in [0, 1].
    func score(flops: Double, promptTokens: Double, contextLimit: Double) -> Double {
        score(lawScore: law.score(flops: effectiveFlops(flops), promptTokens: promptTokens, contextLimit: contextLimit))
    }

    /// The score a model would get under this outcome where its law scores `lawScore`.
    func score(lawScore: Double) -> Double { min(1, max(0, lawScore + offset)) }

    /// The score a model would get under this outcome for an observation's inputs (its native
    /// limit included), kept in [0, 1].
    func score(_ record: Observation) -> Double {
        var moved = record
        moved.flops = effectiveFlops(record.flops)
        return min(1, max(0, law.predicted(moved) + offset))
    }

    /// The score the law itself must reach for a model under this outcome to reach `target`.
    /// Below 0: any law reaches it; at or above 1: none does.
    func lawTarget(_ target: Double) -> Double { target - offset }

    /// The FLOPs at which this outcome's law is read at `effective`: the inverse of
    /// `effectiveFlops`, for the compute a target needs.
    func flops(readingAt effective: Double) -> Double {
        extrapolation.actual(effective, draw: extrapolationDraw)
    }
}

/// How a forecast's error grows past the data, as an error in the compute the law is read at:
/// past `edge` FLOPs (the largest the fit saw), the decades past it are stretched by a factor
/// e^(z perDecade), z standard normal, so that log10 of the compute read is off by about
/// perDecade decades for each decade past the edge; within the data, not at all. Measured by the forward backtest: the errors of fits on smaller models at larger
/// ones, read as compute through each fold's slope, less what their own bootstrap and scatter
/// explain. An error in compute keeps every outcome's score rising with compute, as the law's
/// does, so an inverse question has one answer per outcome.
public struct ExtrapolationError: Sendable, Equatable {
    public var perDecade: Double
    public var edge: Double

    public init(perDecade: Double, edge: Double) {
        self.perDecade = perDecade
        self.edge = edge
    }

    public static let none = ExtrapolationError(perDecade: 0, edge: .infinity)

    /// The factor on the decades past the edge for a standard normal draw: e^(draw x perDecade),
    /// about 1 + draw x perDecade where that is small, and positive always, so that more compute
    /// is always read as more.
    private func stretch(_ draw: Double) -> Double { exp(draw * perDecade) }

    /// The compute read for C FLOPs under `draw`.
    public func effective(_ flops: Double, draw: Double) -> Double {
        guard perDecade > 0, flops > edge else { return flops }
        return edge * pow(10, stretch(draw) * log10(flops / edge))
    }

    /// The C whose compute read under `draw` is `effective`.
    public func actual(_ effective: Double, draw: Double) -> Double {
        guard perDecade > 0, effective > edge else { return effective }
        return edge * pow(10, log10(effective / edge) / stretch(draw))
    }
}

/// The outcomes an answer is summarised over, and what they cover.
struct Outcomes: Sendable {
    var kind: IntervalKind
    var all: [Outcome]
    /// How many draws the outcomes read (`Outcome.draw` is below it).
    private var drawCount = 0

    /// Prediction outcomes pair each draw with resampled residuals, this many in all (or the
    /// draws' count, when larger): an 80% interval's ends each rest on a hundred outcomes, and
    /// an inverse question solves the law this many times, milliseconds in a release build.
    static let predictionCount = 1000
    /// Fixed, so that an answer is the same on every run.
    static let seed: UInt64 = 0x1D8E_4E27_C47D_124F

    /// The outcomes of `kind` from `draws` and `residuals`, each residual drawn in proportion
    /// to its count (nil: one each). A prediction needs residuals: a preset without them gives
    /// the confidence outcomes, and says so in `kind`. A prediction carries the extrapolation
    /// error too; a confidence interval (the curve alone) does not.
    init(
        kind: IntervalKind, draws: [ContextScalingLaw], residuals: [Double], counts: [Double]? = nil,
        extrapolation: ExtrapolationError = .none
    ) {
        guard kind == .prediction, !residuals.isEmpty, !draws.isEmpty else {
            self.kind = .confidence
            all = draws.enumerated().map { Outcome(law: $1, offset: 0, draw: $0) }
            drawCount = draws.count
            return
        }
        self.kind = .prediction
        var rng = SeededGenerator(seed: Outcomes.seed)
        let count = max(Outcomes.predictionCount, draws.count)
        // Cumulative counts, so that a draw below the total picks its record; with one
        // observation a record, the draw is the record's index.
        var ends: [UInt64] = []
        var total: UInt64 = 0
        for i in residuals.indices {
            total += UInt64(max(1, counts?[i] ?? 1))
            ends.append(total)
        }
        all = (0..<count).map { j in
            let draw = rng.next() % total
            var low = 0
            var high = ends.count - 1
            while low < high {
                let mid = (low + high) / 2
                if ends[mid] > draw { high = mid } else { low = mid + 1 }
            }
            return Outcome(
                law: draws[j % draws.count], offset: residuals[low], draw: j % draws.count,
                extrapolationDraw: rng.normal(), extrapolation: extrapolation)
        }
        drawCount = draws.count
    }

    /// The scores of every outcome at one setting: each draw's law is scored once for the
    /// outcomes that read it at `flops` itself (all of them within the data), each other outcome
    /// at its own compute. The same numbers as scoring each outcome alone.
    func scores(flops: Double, promptTokens: Double, contextLimit: Double) -> [Double] {
        var lawScores = [Double?](repeating: nil, count: drawCount)
        return all.map { outcome in
            guard outcome.effectiveFlops(flops) == flops else {
                return outcome.score(flops: flops, promptTokens: promptTokens, contextLimit: contextLimit)
            }
            let lawScore =
                lawScores[outcome.draw]
                ?? outcome.law.score(flops: flops, promptTokens: promptTokens, contextLimit: contextLimit)
            lawScores[outcome.draw] = lawScore
            return outcome.score(lawScore: lawScore)
        }
    }

    var isEmpty: Bool { all.isEmpty }
}

extension TaskPreset {
    /// The outcomes of this task's saved uncertainty, for a model pre-trained at `nativeLimit`
    /// (the law forms with an extension term use it; nil for none) whose compute splits as
    /// `split` (for the ladder).
    func outcomes(_ kind: IntervalKind, nativeLimit: Double? = nil, split: ComputeSplit = .unspecified) -> Outcomes {
        Outcomes(
            kind: kind, draws: draws.map { $0.forModel(nativeLimit: nativeLimit).splitting(split) },
            residuals: residuals, extrapolation: extrapolation)
    }

    /// The extrapolation error past the fit's largest compute; none when not measured.
    var extrapolation: ExtrapolationError {
        guard let perDecade = extrapolationPerDecade, let range = fitRange else { return .none }
        return ExtrapolationError(perDecade: perDecade, edge: range.computeMax)
    }
}
