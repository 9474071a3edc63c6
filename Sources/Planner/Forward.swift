import ContextScaling

/// The forward question: what score does Eq. (1) predict here, and why.
public struct Prediction: Sendable, Equatable {
    public var scenario: Scenario
    public var nPmt: Double
    public var shots: Int?
    public var factors: Factors
    /// Model notes (errata, extension) and extrapolation warnings.
    public var notes: [String]
    /// The score under the preset's bootstrap draws, when asked for and saved.
    public var interval: Interval?

    public var score: Double { factors.score }
}

/// Which factor of Eq. (1) holds the score down most, in words.
public struct Explanation: Sendable, Equatable {
    public enum Factor: String, Sendable { case compute, context, penalty }
    public var prediction: Prediction
    public var binding: Factor
    /// One sentence per factor, then what would lift the score.
    public var sentences: [String]
}

extension Planner {
    public func predict(
        task: String, compute: ComputeInput, prompt: PromptInput, nCtx: Double?, recipe: ExtensionRecipe = .paper,
        intervalLevel: Double? = nil
    ) throws -> Prediction {
        let scenario = try self.scenario(task: task, compute: compute, nCtx: nCtx, recipe: recipe)
        let (nPmt, shots) = Planner.prompt(prompt, layout: scenario.task.layout)
        let factors = scenario.law.factors(flops: scenario.flops, promptTokens: nPmt, contextLimit: scenario.nCtx)
        let notes = (scenario.model?.notes ?? [])
            + Extrapolation.notes(task: scenario.task, flops: scenario.flops, nPmt: nPmt, nCtx: scenario.nCtx)
        let interval = intervalLevel.flatMap { level in
            Planner.interval(level: level, values: scenario.task.draws.map {
                $0.score(flops: scenario.flops, promptTokens: nPmt, contextLimit: scenario.nCtx)
            })
        }
        return Prediction(scenario: scenario, nPmt: nPmt, shots: shots, factors: factors, notes: notes, interval: interval)
    }

    public func explain(
        task: String, compute: ComputeInput, prompt: PromptInput, nCtx: Double?, recipe: ExtensionRecipe = .paper
    ) throws -> Explanation {
        let p = try predict(task: task, compute: compute, prompt: prompt, nCtx: nCtx, recipe: recipe)
        let f = p.factors
        let law = p.scenario.law
        let limit = Quantities.formatContext(p.scenario.nCtx)
        let prompt = "the prompt, \(Quantities.formatTokens(p.nPmt)) tokens"
            + (p.shots.map { " (\($0) shot\($0 == 1 ? "" : "s"))" } ?? "")
        var sentences = [
            "compute: \(Quantities.formatScientific(p.scenario.flops)) FLOPs gives a compute factor of \(Quantities.formatScore(f.compute))",
            "context: \(prompt) gives a context factor of \(Quantities.formatScore(f.context))",
        ]
        let over = p.nPmt - p.scenario.nCtx
        if over > 0 {
            sentences.append("penalty: \(prompt), is \(Quantities.formatTokens(over)) over the \(limit) limit: penalty \(Quantities.formatScore(f.penalty))")
        } else {
            sentences.append("penalty: \(prompt), fits the \(limit) limit with \(Quantities.formatTokens(-over)) to spare: penalty \(Quantities.formatScore(f.penalty))")
        }
        let binding: Explanation.Factor = f.penalty <= min(f.compute, f.context) ? .penalty
            : (f.compute <= f.context ? .compute : .context)
        let doubled = law.score(flops: 2 * p.scenario.flops, promptTokens: p.nPmt, contextLimit: p.scenario.nCtx)
        switch binding {
        case .penalty:
            sentences.append("the penalty binds: the prompt does not fit; fewer shots or a longer limit would lift the score (here it is \(Quantities.formatScore(f.score)))")
        case .compute:
            sentences.append("compute binds (factor \(Quantities.formatScore(f.compute))): doubling it would give \(Quantities.formatScore(doubled)) instead of \(Quantities.formatScore(f.score))")
        case .context:
            sentences.append("the prompt binds (context factor \(Quantities.formatScore(f.context))): more shots would lift the score, while they fit the limit")
        }
        return Explanation(prediction: p, binding: binding, sentences: sentences)
    }
}
