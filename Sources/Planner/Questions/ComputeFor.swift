import ContextScaling
import Foundation

/// What compute a target score needs at a prompt and limit.
public struct ComputeForAnswer: Sendable {
    public var task: TaskPreset
    public var target: Double
    public var nPmt: Double
    public var shots: Int?
    public var nCtx: Double
    public var solution: ComputeSolution
    /// The score with unlimited compute at this prompt and limit.
    public var ceiling: Double
    /// N = C / 6D at the user's --tokens, or D = C / 6N at the user's --params.
    public var modelSize: ModelSize?
    /// The model preset whose compute is nearest, and the multiple of it the answer is.
    public var nearest: (name: String, multiple: Double)?
    /// What would lift an unreachable ceiling, each with the ceiling it gives.
    public var lifts: [CeilingLift]
    public var budget: Budget?
    /// The answer under each outcome of the task's uncertainty, as a percentile interval (when
    /// asked for and the preset has draws).
    public var interval: Interval?
    /// The chance of reaching the target the answer's compute was asked for; nil for the
    /// preset's own (median) answer.
    public var confidence: Double?
    /// The share of the outcomes that reach the target at some compute, when a confidence was
    /// asked for: below `confidence`, no compute is the answer at that confidence.
    public var reachProbability: Double? = nil
    /// Whether fewer than the share `confidence` of the outcomes reach the target at any
    /// compute: then no compute reaches it with that chance, and `solution` is the law's own.
    public var notReachableAtConfidence = false
    public var notes: [PlanningNote]
    /// How much more than a given model's compute the target needs (`--model`).
    public var baseline: BaselineGap? = nil
    /// The Chinchilla split of the compute into parameters and tokens (Hoffmann et al. 2022).
    public var computeOptimal: ComputeOptimalSplit? = nil
    /// More shots within the limit that reach the target at the baseline model's own compute
    /// (`moreShots(for:within:)`).
    public var alternative: ShotsAlternative? = nil
    /// For a law that sees N and D apart (the ladder): the N and D the answer's compute splits
    /// into, and why those.
    public var lawSplit: LawSplit? = nil

    /// The FLOPs the target needs; nil when no count is the answer (unreachable, unreachable at
    /// the confidence asked for, or reached at any compute).
    public var flops: Double? {
        if notReachableAtConfidence { return nil }
        if case .reached(let c) = solution { return c }
        return nil
    }

    /// Whether some compute reaches the target (any compute, for `.reachedAtAnyCompute`), with
    /// the chance asked for.
    public var reachable: Bool {
        if notReachableAtConfidence { return false }
        switch solution {
        case .reached, .reachedAtAnyCompute: return true
        case .unreachable, .beyondAnyCompute: return false
        }
    }
}

/// A change that lifts the score's ceiling (its value at unlimited compute), and that ceiling.
public struct CeilingLift: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        /// The best shot count at the same limit.
        case shots(Int, promptTokens: Double, limit: Double)
        /// The first longer limit, doubling, that lifts the ceiling with the same prompt.
        case longerLimit(Double)
        /// Nothing tried lifts the ceiling to the target.
        case nothingReaches(target: Double)
    }
    public var change: Change
    public var ceiling: Double
}

/// How a ladder law's answer splits its compute into parameters and tokens.
public struct LawSplit: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Neither given: the split of C that minimises the law's own loss.
        case computeOptimal = "compute_optimal"
        case givenParams = "given_params"
        case givenTokens = "given_tokens"
    }
    public var kind: Kind
    public var params: Double
    public var tokens: Double
}

public enum ModelSize: Sendable {
    case parameters(Double, atTokens: Double)
    case tokens(Double, atParameters: Double)
}

extension Planner {
    /// The training compute at which the task's law reaches `target`.
    public func computeFor(
        target: Double, task taskName: String, prompt: PromptInput, nCtx: Double,
        tokens: Double? = nil, params: Double? = nil, plan: HardwarePlan? = nil,
        interval request: IntervalRequest? = nil,
        confidence: Double? = nil
    ) throws -> ComputeForAnswer {
        try Planner.checkTarget(target)
        let task = try library.task(taskName)
        let (nPmt, shots) = try Planner.prompt(prompt, task: task)
        // A law that sees N and D apart answers at the N or D given, else along its own
        // compute-optimal split; the others see C alone.
        let split = params.map(ComputeSplit.params) ?? tokens.map(ComputeSplit.tokens) ?? .unspecified
        let law = task.law.splitting(split)
        var solution = InverseSolvers.compute(reaching: target, law: law, promptTokens: nPmt, contextLimit: nCtx)
        let ceiling = law.ceiling(promptTokens: nPmt, contextLimit: nCtx)
        let outcomes = task.outcomes(request?.kind ?? .prediction, split: split)
        let computes =
            request != nil || confidence != nil
            ? Planner.computeOutcomes(reaching: target, outcomes: outcomes, nPmt: nPmt, nCtx: nCtx) : []
        let notes = Extrapolation.notes(task: task, nPmt: nPmt, nCtx: nCtx)
        var reachProbability: Double?
        var notReachableAtConfidence = false
        // A task without outcomes (no bootstrap draws) has no answer at a confidence: the
        // command rejects --confidence for it, and a library caller gets the law's own.
        if let confidence, !computes.isEmpty {
            reachProbability = Planner.reachShare(computes)
            // The outcomes' answer, never the law's own: where fewer than `confidence` of them
            // reach the target, `notReachableAtConfidence` says so and no compute is given.
            switch Planner.compute(atConfidence: confidence, of: computes) {
            case let c? where c <= 1: solution = .reachedAtAnyCompute
            case let c?: solution = .reached(flops: c)
            case nil: notReachableAtConfidence = true
            }
        }
        var answer = ComputeForAnswer(
            task: task, target: target, nPmt: nPmt, shots: shots, nCtx: nCtx, solution: solution,
            ceiling: ceiling, modelSize: nil, nearest: nil, lifts: [], budget: nil, interval: nil,
            confidence: confidence, reachProbability: reachProbability,
            notReachableAtConfidence: notReachableAtConfidence, notes: notes)
        if let request {
            // Every answer lies inside its interval. An answer at a confidence is a quantile of
            // the same outcomes: past the interval's ends (at 0.95 against an 80% interval's
            // 90%) the interval reaches to it, as it does to the law's own answer.
            answer.interval = Planner.interval(
                level: request.level, values: computes, kind: outcomes.kind, logScale: true,
                containing: answer.flops)
        }
        if answer.notReachableAtConfidence { return answer }
        let flops: Double
        switch solution {
        case .reached(let c): flops = c
        case .reachedAtAnyCompute: return answer  // compute does not bind: nothing to size or lift
        case .unreachable, .beyondAnyCompute:
            answer.lifts = lifts(law: law, task: task, target: target, nPmt: nPmt, nCtx: nCtx, ceiling: ceiling)
            return answer
        }
        answer.notes.insert(contentsOf: Extrapolation.notes(task: task, flops: flops), at: 0)
        if let tokens { answer.modelSize = .parameters(flops / (6 * tokens), atTokens: tokens) }
        if let params { answer.modelSize = .tokens(flops / (6 * params), atParameters: params) }
        answer.nearest = nearestModel(to: flops)
        answer.computeOptimal = ChinchillaLaw.approach3.optimalSplit(flops: flops)
        if law.form.separatesParamsAndTokens {
            answer.lawSplit = Planner.lawSplit(law, split: split, flops: flops)
        }
        answer.budget = plan.map { Budget(flops: flops, plan: $0) }
        return answer
    }

    /// The share of outcomes that reach the target at some compute (nil: none does); nil for
    /// no outcomes.
    static func reachShare(_ values: [Double?]) -> Double? {
        guard !values.isEmpty else { return nil }
        return Double(values.filter { $0 != nil }.count) / Double(values.count)
    }

    static func checkTarget(_ target: Double) throws {
        guard target.isFinite, target > 0, target < 1 else {
            throw PlannerError.targetOutOfRange(target)
        }
    }

    /// Ways to lift the ceiling: the best shot count at this limit, and longer limits. `law` is
    /// the task's law at the answer's split, so that a ladder's ceilings hold the N or D given.
    private func lifts(
        law: ContextScalingLaw, task: TaskPreset, target: Double, nPmt: Double, nCtx: Double, ceiling: Double
    ) -> [CeilingLift] {
        var options: [CeilingLift] = []
        let unlimited = 1e300  // compute factor exactly 1: the ceiling itself
        var bestShotsCeiling = ceiling
        // A task without token lengths has no shot count to suggest, only longer limits.
        if let layout = task.tokenLengths {
            let maxShots = layout.maxShots(fittingIn: 2 * nCtx) ?? 0
            let best = InverseSolvers.bestShots(
                law: law, flops: unlimited, contextLimit: nCtx, layout: layout, maxShots: maxShots)
            bestShotsCeiling = best.score
            if best.score > ceiling * (1 + 1e-9) {
                options.append(
                    CeilingLift(
                        change: .shots(best.shots, promptTokens: best.promptTokens, limit: nCtx), ceiling: best.score))
            }
        }
        var limit = max(nCtx, 1) * 2  // from at least one token, so that the doubling ends
        while limit <= 1_048_576 {
            let c = law.ceiling(promptTokens: nPmt, contextLimit: limit)
            if c > ceiling * (1 + 1e-9) {
                options.append(CeilingLift(change: .longerLimit(limit), ceiling: c))
                break
            }
            limit *= 2
        }
        if options.allSatisfy({ $0.ceiling <= target }) {
            options.append(
                CeilingLift(change: .nothingReaches(target: target), ceiling: max(ceiling, bestShotsCeiling)))
        }
        return options
    }

    /// The model preset (as is, at its own limit) whose compute is nearest in log terms.
    func nearestModel(to flops: Double) -> (name: String, multiple: Double)? {
        let candidates = library.models.compactMap { try? library.resolve(model: $0.name) }
        guard let best = candidates.min(by: { abs(log($0.flops / flops)) < abs(log($1.flops / flops)) }) else {
            return nil
        }
        return (best.name, flops / best.flops)
    }
}

extension Planner {
    /// The N and D a ladder law's answer of `flops` stands for under `split`.
    static func lawSplit(_ law: ContextScalingLaw, split: ComputeSplit, flops: Double) -> LawSplit {
        switch split {
        case .params(let n): return LawSplit(kind: .givenParams, params: n, tokens: flops / (6 * n))
        case .tokens(let d): return LawSplit(kind: .givenTokens, params: flops / (6 * d), tokens: d)
        case .unspecified:
            let (n, d) = LadderForm.optimalSplit(law.values, flops: flops)
            return LawSplit(kind: .computeOptimal, params: n, tokens: d)
        }
    }
}
