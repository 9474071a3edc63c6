import ContextScaling

/// The forward question: what score does Eq. (1) predict here, and why.
public struct Prediction: Sendable, Equatable {
    public var scenario: Scenario
    public var nPmt: Double
    public var shots: Int?
    public var factors: Factors
    /// Model notes (errata, extension) and extrapolation warnings.
    public var notes: [PlanningNote]
    /// The score under the preset's bootstrap draws (and a new model's scatter, for a
    /// prediction interval), when asked for and saved.
    public var interval: Interval?
    /// The chance that the score reaches `target`, when a target was given and draws saved.
    public var target: Double?
    public var probability: Double?

    public var score: Double { factors.score }

    /// For a law that sees N and D apart (the ladder): the N and D its compute was read as.
    public var lawSplit: LawSplit? {
        let law = scenario.law
        guard law.form.separatesParamsAndTokens else { return nil }
        return Planner.lawSplit(law, split: scenario.split, flops: scenario.flops)
    }
}

/// Which factor of Eq. (1) holds the score down most, and what would lift it.
public struct Explanation: Sendable, Equatable {
    public enum Factor: String, Sendable { case compute, context, penalty }
    public var prediction: Prediction
    public var binding: Factor
    /// The score with twice the compute, all else kept.
    public var scoreWithDoubledCompute: Double

    /// Prompt tokens over the limit; negative when the prompt fits, by the tokens to spare.
    public var tokensOverLimit: Double { prediction.nPmt - prediction.scenario.nCtx }
}

extension Planner {
    public func predict(
        task: String, compute: ComputeInput, prompt: PromptInput, nCtx: Double?, recipe: ExtensionRecipe = .paper,
        interval request: IntervalRequest? = nil, target: Double? = nil
    ) throws -> Prediction {
        let scenario = try self.scenario(task: task, compute: compute, nCtx: nCtx, recipe: recipe)
        let (nPmt, shots) = try Planner.prompt(prompt, task: scenario.task)
        let factors = scenario.law.factors(flops: scenario.flops, promptTokens: nPmt, contextLimit: scenario.nCtx)
        if let target { try Planner.checkTarget(target) }
        let notes =
            (scenario.model?.notes ?? [])
            + Extrapolation.notes(task: scenario.task, flops: scenario.flops, nPmt: nPmt, nCtx: scenario.nCtx)
        let task = scenario.task
        let (flops, nCtx) = (scenario.flops, scenario.nCtx)
        let interval = request.flatMap {
            Planner.scoreInterval(
                $0, task: task, flops: flops, nPmt: nPmt, nCtx: nCtx, nativeLimit: scenario.model?.nativeNCtx,
                split: scenario.split, containing: factors.score)
        }
        let probability = target.flatMap {
            Planner.probability(
                reaching: $0, kind: request?.kind ?? .prediction, task: task, flops: flops, nPmt: nPmt, nCtx: nCtx,
                nativeLimit: scenario.model?.nativeNCtx, split: scenario.split)
        }
        return Prediction(
            scenario: scenario, nPmt: nPmt, shots: shots, factors: factors, notes: notes, interval: interval,
            target: target, probability: probability)
    }

    public func explain(
        task: String, compute: ComputeInput, prompt: PromptInput, nCtx: Double?, recipe: ExtensionRecipe = .paper,
        interval request: IntervalRequest? = nil
    ) throws -> Explanation {
        let p = try predict(
            task: task, compute: compute, prompt: prompt, nCtx: nCtx, recipe: recipe, interval: request)
        let f = p.factors
        let binding: Explanation.Factor =
            f.penalty <= min(f.compute, f.context)
            ? .penalty
            : (f.compute <= f.context ? .compute : .context)
        let doubled = p.scenario.law.score(
            flops: 2 * p.scenario.flops, promptTokens: p.nPmt, contextLimit: p.scenario.nCtx)
        return Explanation(prediction: p, binding: binding, scoreWithDoubledCompute: doubled)
    }
}
