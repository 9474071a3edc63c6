import ContextScaling

/// The intervals and chances of the planning answers, from a task's outcomes.
extension Planner {
    /// The interval of the score at one setting, reaching at least to the point `score`.
    static func scoreInterval(
        _ request: IntervalRequest, task: TaskPreset, flops: Double, nPmt: Double, nCtx: Double,
        nativeLimit: Double? = nil, split: ComputeSplit = .unspecified, containing score: Double? = nil
    ) -> Interval? {
        let outcomes = task.outcomes(request.kind, nativeLimit: nativeLimit, split: split)
        return interval(
            level: request.level,
            values: outcomes.scores(flops: flops, promptTokens: nPmt, contextLimit: nCtx),
            kind: outcomes.kind, containing: score)
    }

    /// The chance that the score reaches `target`: the share of outcomes at or above it.
    static func probability(
        reaching target: Double, kind: IntervalKind, task: TaskPreset, flops: Double, nPmt: Double, nCtx: Double,
        nativeLimit: Double? = nil, split: ComputeSplit = .unspecified
    ) -> Double? {
        let outcomes = task.outcomes(kind, nativeLimit: nativeLimit, split: split)
        guard !outcomes.isEmpty else { return nil }
        let reaching = outcomes.scores(flops: flops, promptTokens: nPmt, contextLimit: nCtx).filter { $0 >= target }
        return Double(reaching.count) / Double(outcomes.all.count)
    }

    /// The compute at which each outcome reaches `target`: nil where none does, 1 FLOP where
    /// any compute does (the solver's low end). An outcome past the data reads its law at a
    /// compute of its own (`Outcome.effectiveFlops`), so the compute its law needs is mapped back.
    static func computeOutcomes(
        reaching target: Double, outcomes: Outcomes, nPmt: Double, nCtx: Double
    ) -> [Double?] {
        outcomes.all.map { outcome in
            let needed = outcome.lawTarget(target)
            if needed <= 0 { return 1 }
            if needed >= 1 { return nil }
            switch InverseSolvers.compute(reaching: needed, law: outcome.law, promptTokens: nPmt, contextLimit: nCtx) {
            case .reached(let c): return outcome.flops(readingAt: c)
            case .reachedAtAnyCompute: return 1
            case .unreachable, .beyondAnyCompute: return nil
            }
        }
    }

    /// The compute at which the score reaches the target with probability `q`: the least C
    /// that at least a share q of the outcomes reach by; nil when fewer than q reach it at all.
    static func compute(atConfidence q: Double, of values: [Double?]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.map { $0 ?? .infinity }.sorted()
        // Less a hair, so that q x n a rounding above a whole number (0.9 x 1000) is that number.
        let index = max(0, Int((q * Double(sorted.count) - 1e-9).rounded(.up)) - 1)
        let c = sorted[min(index, sorted.count - 1)]
        return c.isFinite ? c : nil
    }
}
