import ContextScaling

/// The intervals and chances of the planning answers, from a task's outcomes.
extension Planner {
    /// The interval of the score at one setting.
    static func scoreInterval(
        _ request: IntervalRequest, task: TaskPreset, flops: Double, nPmt: Double, nCtx: Double,
        nativeLimit: Double? = nil
    ) -> Interval? {
        let outcomes = task.outcomes(request.kind, nativeLimit: nativeLimit)
        return interval(
            level: request.level,
            values: outcomes.all.map { $0.score(flops: flops, promptTokens: nPmt, contextLimit: nCtx) },
            kind: outcomes.kind)
    }

    /// The chance that the score reaches `target`: the share of outcomes at or above it.
    static func probability(
        reaching target: Double, kind: IntervalKind, task: TaskPreset, flops: Double, nPmt: Double, nCtx: Double,
        nativeLimit: Double? = nil
    ) -> Double? {
        let outcomes = task.outcomes(kind, nativeLimit: nativeLimit)
        guard !outcomes.isEmpty else { return nil }
        let reaching = outcomes.all.filter { $0.score(flops: flops, promptTokens: nPmt, contextLimit: nCtx) >= target }
        return Double(reaching.count) / Double(outcomes.all.count)
    }

    /// The compute at which each outcome reaches `target`: nil where none does, 1 FLOP where
    /// any compute does (the solver's low end).
    static func computeOutcomes(
        reaching target: Double, outcomes: Outcomes, nPmt: Double, nCtx: Double
    ) -> [Double?] {
        outcomes.all.map { outcome in
            let needed = outcome.lawTarget(target)
            if needed <= 0 { return 1 }
            if needed >= 1 { return nil }
            switch InverseSolvers.compute(reaching: needed, law: outcome.law, promptTokens: nPmt, contextLimit: nCtx) {
            case .reached(let c): return c
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

    /// A note when `value`, the preset's own answer, lies outside the refit's confidence
    /// interval at `level` (the draws alone, no scatter).
    static func disagreement(
        _ quantity: RefitDisagreement.Quantity, value: Double, confidence: Interval?, task: TaskPreset
    ) -> PlanningNote? {
        guard let confidence, let low = confidence.low, let high = confidence.high else { return nil }
        // Slack, so that a point on the interval's end (a refit equal to the law) is inside, and
        // a score is outside only by more than the three decimals it is shown to.
        let slack = quantity == .score ? 5e-4 : 1e-9 * value
        guard value < low - slack || value > high + slack else { return nil }
        return .outsideRefit(
            RefitDisagreement(
                quantity: quantity, value: value, low: low, high: high, level: confidence.level,
                paperParameters: task.paperErrors != nil))
    }
}
