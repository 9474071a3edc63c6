import ContextScaling

/// One way the answer could turn out: a law the data allows (a bootstrap refit) and, for a
/// prediction, a new model's offset from it (a residual of the refit, resampled).
struct Outcome: Sendable {
    var law: ContextScalingLaw
    var offset: Double

    /// The score a model would get under this outcome, kept in [0, 1].
    func score(flops: Double, promptTokens: Double, contextLimit: Double) -> Double {
        let s = law.score(flops: flops, promptTokens: promptTokens, contextLimit: contextLimit) + offset
        return min(1, max(0, s))
    }

    /// The score a model would get under this outcome for an observation's inputs (its native
    /// limit included), kept in [0, 1].
    func score(_ record: Observation) -> Double {
        min(1, max(0, law.predicted(record) + offset))
    }

    /// The score the law itself must reach for a model under this outcome to reach `target`.
    /// Below 0: any law reaches it; at or above 1: none does.
    func lawTarget(_ target: Double) -> Double { target - offset }
}

/// The outcomes an answer is summarised over, and what they cover.
struct Outcomes: Sendable {
    var kind: IntervalKind
    var all: [Outcome]

    /// Prediction outcomes pair each draw with resampled residuals, this many in all (or the
    /// draws' count, when larger): an 80% interval's ends each rest on a hundred outcomes, and
    /// an inverse question solves the law this many times, milliseconds in a release build.
    static let predictionCount = 1000
    /// Fixed, so that an answer is the same on every run.
    static let seed: UInt64 = 0x1D8E_4E27_C47D_124F

    /// The outcomes of `kind` from `draws` and `residuals`, each residual drawn in proportion
    /// to its count (nil: one each). A prediction needs residuals: a preset without them gives
    /// the confidence outcomes, and says so in `kind`.
    init(kind: IntervalKind, draws: [ContextScalingLaw], residuals: [Double], counts: [Double]? = nil) {
        guard kind == .prediction, !residuals.isEmpty, !draws.isEmpty else {
            self.kind = .confidence
            all = draws.map { Outcome(law: $0, offset: 0) }
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
            return Outcome(law: draws[j % draws.count], offset: residuals[low])
        }
    }

    var isEmpty: Bool { all.isEmpty }
}

extension TaskPreset {
    /// The outcomes of this task's saved uncertainty, for a model pre-trained at `nativeLimit`
    /// (the law forms with an extension term use it; nil for none).
    func outcomes(_ kind: IntervalKind, nativeLimit: Double? = nil) -> Outcomes {
        Outcomes(kind: kind, draws: draws.map { $0.forModel(nativeLimit: nativeLimit) }, residuals: residuals)
    }
}
