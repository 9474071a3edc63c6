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
    /// The best and knee shot counts under each bootstrap draw, when asked for.
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
        recipe: ExtensionRecipe = .paper, intervalLevel: Double? = nil
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
            bestInterval: nil, kneeInterval: nil, notes: notes)
        if let level = intervalLevel {
            let drawn = s.task.draws.map {
                Planner.bestAndKnee(law: $0, scenario: s, layout: layout, maxShots: maxShots, within: within)
            }
            answer.bestInterval = Planner.interval(level: level, values: drawn.map { Double($0.best.shots) })
            answer.kneeInterval = Planner.interval(level: level, values: drawn.map { Double($0.knee.shots) })
        }
        return answer
    }

    /// The best shot count and the knee: the fewest shots within `within` of the best score.
    static func bestAndKnee(
        law: ContextScalingLaw, scenario s: Scenario, layout: PromptLayout, maxShots: Int, within: Double
    ) -> (
        best: ShotChoice, knee: ShotChoice
    ) {
        let best = InverseSolvers.bestShots(
            law: law, flops: s.flops, contextLimit: s.nCtx, layout: layout, maxShots: maxShots)
        switch InverseSolvers.fewestShots(
            reaching: best.score * (1 - within), law: law, flops: s.flops, contextLimit: s.nCtx, layout: layout,
            maxShots: maxShots)
        {
        case .reached(let knee, _): return (best, knee)
        // (1 - within) x best never exceeds best, which the solver counts as reached: not taken.
        case .unreachable: return (best, best)
        }
    }

    public func contextFor(
        target: Double, task: String, compute: ComputeInput, nCtx: Double?, reserve: Double? = nil,
        recipe: ExtensionRecipe = .paper, intervalLevel: Double? = nil
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
        let interval = intervalLevel.flatMap { level in
            Planner.interval(
                level: level,
                values: s.task.draws.map { law in
                    if case .reached(let choice, _) = InverseSolvers.fewestShots(
                        reaching: target, law: law, flops: s.flops, contextLimit: s.nCtx, layout: layout,
                        maxShots: maxShots)
                    {
                        return Double(choice.shots)
                    }
                    return nil
                })
        }
        return ContextForAnswer(
            scenario: s, target: target, solution: solution, reason: reason, interval: interval, notes: notes)
    }
}
