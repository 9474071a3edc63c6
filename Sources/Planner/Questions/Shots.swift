import ContextScaling

/// The best number of shots at a compute and limit, and the knee past which more barely help.
public struct ShotsAnswer: Sendable {
    public var scenario: Scenario
    /// The largest shot count considered: the prompt fits the limit less the reserve, or, with
    /// no reserve, is at most twice the limit (past it every law here has collapsed or flattened).
    public var maxShots: Int
    public var reserve: Double?
    public var within: Double
    public var best: ShotChoice
    /// The fewest shots within `within` (relative) of the best score.
    public var knee: ShotChoice
    /// 0, 1, 3, 7, ... up to `maxShots`, each with its marginal gain over the row before.
    public var rows: [ShotChoice]
    /// The best score's interval, and the best and knee shot counts under each bootstrap draw
    /// (a confidence interval: a new model's offset from the law moves every count's score
    /// alike, so it moves neither count), when asked for.
    public var interval: Interval?
    public var bestInterval: Interval?
    public var kneeInterval: Interval?
    public var notes: [PlanningNote]
}

/// Why no shot count reaches a target.
public enum ShotsShortfall: Sendable, Equatable {
    /// The compute factor alone is at most the target: no prompt can reach it.
    case computeCaps(computeFactor: Double, flops: Double)
    /// The best prompt that fits the limit falls short; longer ones are cut by the limit.
    case limitCuts(best: ShotChoice, limit: Double)

    public var code: String {
        switch self {
        case .computeCaps: "compute_caps"
        case .limitCuts: "limit_cuts"
        }
    }
}

/// The fewest shots that reach a target.
public struct ContextForAnswer: Sendable {
    public var scenario: Scenario
    public var target: Double
    public var solution: ShotSolution
    /// Why no shot count reaches the target, when none does.
    public var reason: ShotsShortfall?
    /// The fewest shots under each bootstrap draw, when asked for.
    public var interval: Interval?
    public var notes: [PlanningNote]
}

extension Planner {
    /// The shot counts to search: those whose prompt leaves `reserve` tokens of the limit free,
    /// or, with no reserve, prompts up to twice the limit.
    static func shotRange(layout: PromptLayout, nCtx: Double, reserve: Double?) throws -> Int {
        if let reserve {
            guard let shots = layout.maxShots(fittingIn: nCtx - reserve) else {
                throw PlannerError.reserveTooLarge(
                    reserve: reserve, left: max(0, nCtx - reserve), limit: nCtx, instanceTokens: layout.baseTokens)
            }
            return shots
        }
        return layout.maxShots(fittingIn: 2 * nCtx) ?? 0
    }

    public func shots(
        task: String, compute: ComputeInput, nCtx: Double?, within: Double = 0.01, reserve: Double? = nil,
        recipe: ExtensionRecipe = .paper, interval request: IntervalRequest? = nil
    ) throws -> ShotsAnswer {
        guard within >= 0, within < 1 else { throw PlannerError.toleranceOutOfRange(within) }
        let s = try scenario(task: task, compute: compute, nCtx: nCtx, recipe: recipe)
        let layout = try s.task.layout
        let maxShots = try Planner.shotRange(layout: layout, nCtx: s.nCtx, reserve: reserve)
        let (best, knee) = Planner.bestAndKnee(
            law: s.law, scenario: s, layout: layout, maxShots: maxShots, within: within)
        var counts = ShotTable.paperShots.filter { $0 <= maxShots }
        for extra in [knee.shots, best.shots] where !counts.contains(extra) { counts.append(extra) }
        counts.sort()
        let rows = counts.map { k in
            let n = layout.promptTokens(shots: k)
            return ShotChoice(
                shots: k, promptTokens: n, score: s.law.score(flops: s.flops, promptTokens: n, contextLimit: s.nCtx))
        }
        var notes =
            (s.model?.notes ?? [])
            + Extrapolation.notes(task: s.task, flops: s.flops, nPmt: best.promptTokens, nCtx: s.nCtx)
        if best.shots == maxShots && reserve == nil && maxShots > 0 {
            notes.append(.bestAtSearchEnd)
        }
        var answer = ShotsAnswer(
            scenario: s, maxShots: maxShots, reserve: reserve, within: within, best: best, knee: knee, rows: rows,
            interval: nil, bestInterval: nil, kneeInterval: nil, notes: notes)
        if let request {
            let drawn = s.task.draws.map {
                Planner.bestAndKnee(
                    law: $0.forModel(nativeLimit: s.model?.nativeNCtx).splitting(s.split), scenario: s, layout: layout, maxShots: maxShots,
                    within: within)
            }
            answer.interval = Planner.scoreInterval(
                request, task: s.task, flops: s.flops, nPmt: best.promptTokens, nCtx: s.nCtx,
                nativeLimit: s.model?.nativeNCtx, split: s.split, containing: best.score)
            answer.bestInterval = Planner.interval(
                level: request.level, values: drawn.map { Double($0.best.shots) }, containing: Double(best.shots))
            answer.kneeInterval = Planner.interval(
                level: request.level, values: drawn.map { Double($0.knee.shots) }, containing: Double(knee.shots))
        }
        return answer
    }

    /// The best shot count and the knee: the fewest shots within `within` of the best score.
    static func bestAndKnee(
        law: ContextScalingLaw, scenario s: Scenario, layout: PromptLayout, maxShots: Int, within: Double
    ) -> (
        best: ShotChoice, knee: ShotChoice
    ) {
        let curve = PromptCurve(law: law, flops: s.flops, contextLimit: s.nCtx)
        let best = InverseSolvers.bestShots(on: curve, layout: layout, maxShots: maxShots)
        switch InverseSolvers.fewestShots(reaching: best.score * (1 - within), on: curve, layout: layout, best: best) {
        case .reached(let knee, _): return (best, knee)
        // (1 - within) x best never exceeds best, which the solver counts as reached: not taken.
        case .unreachable: return (best, best)
        }
    }

    public func contextFor(
        target: Double, task: String, compute: ComputeInput, nCtx: Double?, reserve: Double? = nil,
        recipe: ExtensionRecipe = .paper, interval request: IntervalRequest? = nil
    ) throws -> ContextForAnswer {
        try Planner.checkTarget(target)
        let s = try scenario(task: task, compute: compute, nCtx: nCtx, recipe: recipe)
        let layout = try s.task.layout
        let maxShots = try Planner.shotRange(layout: layout, nCtx: s.nCtx, reserve: reserve)
        let solution = InverseSolvers.fewestShots(
            reaching: target, law: s.law, flops: s.flops, contextLimit: s.nCtx, layout: layout,
            maxShots: maxShots)
        var reason: ShotsShortfall?
        var notes = s.model?.notes ?? []
        switch solution {
        case .reached(let choice, _):
            notes += Extrapolation.notes(task: s.task, flops: s.flops, nPmt: choice.promptTokens, nCtx: s.nCtx)
        case .unreachable(let best):
            let computeFactor = s.law.computeFactor(flops: s.flops)
            reason =
                computeFactor <= target
                ? .computeCaps(computeFactor: computeFactor, flops: s.flops) : .limitCuts(best: best, limit: s.nCtx)
            notes += Extrapolation.notes(task: s.task, flops: s.flops, nCtx: s.nCtx)
        }
        let interval = request.flatMap { request in
            let outcomes = s.task.outcomes(request.kind, nativeLimit: s.model?.nativeNCtx, split: s.split)
            // A prediction's outcomes reuse each draw with several residuals, and within the
            // data read its law at the same compute: the best shot count, most of a solve's
            // cost, is searched once per draw and compute.
            var bestShots: [LawAtCompute: ShotChoice] = [:]
            return Planner.interval(
                level: request.level,
                values: outcomes.all.map { outcome in
                    let needed = outcome.lawTarget(target)
                    if needed <= 0 { return 0 }
                    if needed >= 1 { return nil }
                    let flops = outcome.effectiveFlops(s.flops)
                    let curve = PromptCurve(law: outcome.law, flops: flops, contextLimit: s.nCtx)
                    let key = LawAtCompute(law: outcome.law, flops: flops)
                    let best = bestShots[key] ?? InverseSolvers.bestShots(on: curve, layout: layout, maxShots: maxShots)
                    bestShots[key] = best
                    if case .reached(let choice, _) = InverseSolvers.fewestShots(
                        reaching: needed, on: curve, layout: layout, best: best)
                    {
                        return Double(choice.shots)
                    }
                    return nil
                }, kind: outcomes.kind, containing: solution.reachedShots.map(Double.init))
        }
        return ContextForAnswer(
            scenario: s, target: target, solution: solution, reason: reason, interval: interval, notes: notes)
    }
}

extension ShotsAnswer {
    /// Forward FLOPs of reading `choice`'s prompt once at serving time (prefill, causal
    /// attention), to weigh a shot count's score against what every query costs; nil without a
    /// model, or for a model whose shape is unknown.
    public func prefillFlops(_ choice: ShotChoice) -> Double? {
        scenario.model?.prefillFlops(promptTokens: choice.promptTokens)
    }
}

/// A law read at one compute: what a best shot count depends on, beside the limit and layout
/// an answer holds fixed.
private struct LawAtCompute: Hashable {
    var law: ContextScalingLaw
    var flops: Double
}

extension ShotSolution {
    /// The shot count that reaches the target; nil when none does.
    var reachedShots: Int? {
        if case .reached(let choice, _) = self { return choice.shots }
        return nil
    }
}
