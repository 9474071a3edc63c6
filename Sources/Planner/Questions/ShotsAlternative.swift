import ContextScaling

/// The planner's own alternative to spending more: a different shot count at what the user has
/// today. For `extend`, fewer shots that fit the model's own limit, with no extension; for
/// `compute-for`, more shots within the limit, which need less training compute (or none past
/// a baseline model's).
public struct ShotsAlternative: Sendable, Equatable {
    /// Its raw value is the JSON `kind`.
    public enum Kind: String, Sendable {
        case fewerShots = "fewer_shots"
        case moreShots = "more_shots"
    }
    public var kind: Kind
    public var shots: Int
    public var promptTokens: Double
    public var nCtx: Double
    /// The score the alternative gives.
    public var score: Double
    /// What it costs: extension FLOPs for `fewerShots` (0: no extension), the model's training
    /// compute for `moreShots`.
    public var flops: Double
    /// What it saves against the answer's own plan: the recommended extension's FLOPs, or the
    /// additional training compute the answer needs beyond the model's.
    public var savedFlops: Double
    /// Whether it reaches the answer's score (or target) within the tolerance: then it is the
    /// recommendation.
    public var recommended: Bool
}

extension Planner {
    /// Fewer shots that fit `base`'s own limit with the reserve: the best-scoring such shot
    /// count; nil when the prompt is not given as shots, the task has no token lengths, or the
    /// asked prompt fits already (the own limit is then a candidate itself).
    static func fewerShots(
        than shots: Int?, task: TaskPreset, base: ResolvedModel, reserve: Double?, recommended: ExtendAnswer.Option?,
        target: Double?, within: Double
    ) -> ShotsAlternative? {
        guard let shots, let layout = task.tokenLengths,
            let fitting = layout.maxShots(fittingIn: base.nCtx - (reserve ?? 0)), fitting < shots
        else { return nil }
        let law = task.law.forModel(nativeLimit: base.nativeNCtx)
        let best = InverseSolvers.bestShots(
            law: law, flops: base.flops, contextLimit: base.nCtx, layout: layout, maxShots: fitting)
        let reaches: Bool
        if let target {
            reaches = best.score >= target
        } else if let recommended {
            reaches = best.score >= recommended.score * (1 - within)
        } else {
            reaches = true  // nothing else fits
        }
        return ShotsAlternative(
            kind: .fewerShots, shots: best.shots, promptTokens: best.promptTokens, nCtx: base.nCtx, score: best.score,
            flops: 0, savedFlops: recommended?.extensionFlops ?? 0, recommended: reaches)
    }

    /// More shots within the answer's limit at today's compute, a baseline model's (`--model`):
    /// the fewest that reach the target within `within` at the model's own compute, when the
    /// model is short of the compute the asked prompt needs. Nil without a model, when the answer
    /// has no compute or was asked at a confidence, or the prompt is not given as shots.
    public func moreShots(for answer: ComputeForAnswer, within: Double) -> ShotsAlternative? {
        guard answer.flops != nil, answer.confidence == nil, let shots = answer.shots,
            let baseline = answer.baseline, baseline.additionalFlops > 0,
            let layout = answer.task.tokenLengths, let maxShots = layout.maxShots(fittingIn: answer.nCtx),
            maxShots > shots,
            case .reached(let choice, _) = InverseSolvers.fewestShots(
                reaching: answer.target * (1 - within), law: answer.task.law, flops: baseline.flops,
                contextLimit: answer.nCtx, layout: layout, maxShots: maxShots),
            choice.shots > shots
        else { return nil }
        return ShotsAlternative(
            kind: .moreShots, shots: choice.shots, promptTokens: choice.promptTokens, nCtx: answer.nCtx,
            score: choice.score, flops: baseline.flops, savedFlops: baseline.additionalFlops, recommended: true)
    }
}
