#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The compute at which a law reaches a target score, or why it never does.
public enum ComputeSolution: Sendable, Equatable {
    /// The target is reached at this many FLOPs (relative accuracy better than 1e-9).
    case reached(flops: Double)
    /// The target is at or above the ceiling: the score with unlimited compute at this prompt
    /// and limit.
    case unreachable(ceiling: Double)
    /// Reachable in principle, but only beyond 1e300 FLOPs (an exponent near zero).
    case beyondAnyCompute(ceiling: Double)
}

/// A shot count with the score it gives and the prompt it makes.
public struct ShotChoice: Sendable, Equatable {
    public var shots: Int
    public var promptTokens: Double
    public var score: Double

    public init(shots: Int, promptTokens: Double, score: Double) {
        self.shots = shots
        self.promptTokens = promptTokens
        self.score = score
    }
}

/// The fewest shots that reach a target score, or why none do.
public enum ShotSolution: Sendable, Equatable {
    /// `shots` reach the target; `thresholdTokens` is the exact prompt length at which the score
    /// crosses it (the shots' prompt is the first one at or past it).
    case reached(ShotChoice, thresholdTokens: Double)
    /// No shot count reaches the target; the best one is given.
    case unreachable(best: ShotChoice)
}

/// Eq. (1) solved for one input given the others. Each solver works on logarithms so that
/// compute from 1e18 to 1e30 and scores from 1e-300 to 1 look alike to the root finder.
public enum InverseSolvers {
    /// log(1 FLOP) to log(1e300 FLOPs): the bracket the compute solver searches.
    static let logComputeBracket = 0.0...(300 * M_LN10)

    /// The training compute at which `law` reaches `target` at this prompt and limit.
    /// Relies on the compute factor rising monotonically in C, which it does for A, alpha > 0.
    public static func compute(
        reaching target: Double, law: ContextScalingLaw, promptTokens: Double, contextLimit: Double
    ) -> ComputeSolution {
        let ceiling = law.ceiling(promptTokens: promptTokens, contextLimit: contextLimit)
        guard target < ceiling else { return .unreachable(ceiling: ceiling) }
        // The compute factor must reach target / ceiling; in logs, to avoid the product's underflow.
        let logNeeded = log(target) - law.logPromptFactor(
            logPromptTokens: log(promptTokens), contextLimit: contextLimit)
        let gap = { (logC: Double) in law.logComputeFactor(logCompute: logC) - logNeeded }
        if gap(logComputeBracket.lowerBound) >= 0 { return .reached(flops: 1) }
        guard gap(logComputeBracket.upperBound) >= 0,
            let logC = RootFinding.brent(in: logComputeBracket, tolerance: 1e-13, gap)
        else { return .beyondAnyCompute(ceiling: ceiling) }
        return .reached(flops: exp(logC))
    }

    /// The prompt length, in tokens, that maximises the score at this limit, searched between
    /// `lowestTokens` and `highestTokens`. The context factor rises with the prompt and the
    /// penalty falls, so their product rises to one peak and falls after it.
    public static func bestPromptTokens(
        law: ContextScalingLaw, contextLimit: Double,
        within range: ClosedRange<Double>
    ) -> Double {
        let logBest = RootFinding.goldenSectionMaximum(
            in: log(range.lowerBound)...log(range.upperBound), tolerance: 1e-12
        ) { law.logPromptFactor(logPromptTokens: $0, contextLimit: contextLimit) }
        return exp(logBest)
    }

    /// The shot count with the highest predicted score among 0...maxShots, ties going to fewer
    /// shots. The score is unimodal in the prompt length, so the best integer is a neighbour of
    /// the continuous maximiser.
    public static func bestShots(
        law: ContextScalingLaw, flops: Double, contextLimit: Double,
        layout: PromptLayout, maxShots: Int
    ) -> ShotChoice {
        let choice = { (shots: Int) -> ShotChoice in
            let n = layout.promptTokens(shots: shots)
            return ShotChoice(
                shots: shots, promptTokens: n,
                score: law.score(flops: flops, promptTokens: n, contextLimit: contextLimit))
        }
        guard maxShots > 0 else { return choice(0) }
        let peak = bestPromptTokens(
            law: law, contextLimit: contextLimit,
            within: layout.promptTokens(shots: 0)...layout.promptTokens(shots: maxShots))
        let continuous = (peak - layout.baseTokens) / layout.shotTokens
        let below = max(0, min(maxShots, Int(continuous.rounded(.down))))
        var best = choice(below)
        // Neighbours on both sides guard against the peak landing a hair off its true place.
        for shots in [below - 1, below + 1, below + 2] where shots >= 0 && shots <= maxShots {
            let candidate = choice(shots)
            if candidate.score > best.score || (candidate.score == best.score && shots < best.shots) {
                best = candidate
            }
        }
        // Where the factors saturate to exactly 1 in double precision the peak is a plateau:
        // ties go to fewer shots, so find the first shot count on the rising side that scores
        // as well. The score does not fall on [0, best], so bisection finds it.
        var low = 0, high = best.shots
        while low < high {
            let mid = (low + high) / 2
            if choice(mid).score >= best.score { high = mid } else { low = mid + 1 }
        }
        return high == best.shots ? best : choice(high)
    }

    /// The fewest shots in 0...maxShots whose predicted score reaches `target`.
    public static func fewestShots(
        reaching target: Double, law: ContextScalingLaw, flops: Double, contextLimit: Double,
        layout: PromptLayout, maxShots: Int
    ) -> ShotSolution {
        let best = bestShots(
            law: law, flops: flops, contextLimit: contextLimit, layout: layout, maxShots: maxShots)
        guard best.score >= target else { return .unreachable(best: best) }
        let score = { (shots: Int) in
            law.score(flops: flops, promptTokens: layout.promptTokens(shots: shots),
                      contextLimit: contextLimit)
        }
        let base = layout.baseTokens
        if score(0) >= target {
            return .reached(
                ShotChoice(shots: 0, promptTokens: base, score: score(0)),
                thresholdTokens: thresholdTokens(
                    target: target, law: law, flops: flops, contextLimit: contextLimit,
                    rising: 1...base)!)
        }
        // On the rising side, between zero shots and the best, the score crosses the target once.
        let threshold = thresholdTokens(
            target: target, law: law, flops: flops, contextLimit: contextLimit,
            rising: base...best.promptTokens)!
        var shots = max(0, min(best.shots, Int(((threshold - base) / layout.shotTokens).rounded(.up))))
        // Rounding at the crossing can put the estimate one off either way; settle it exactly.
        while shots < best.shots && score(shots) < target { shots += 1 }
        while shots > 0 && score(shots - 1) >= target { shots -= 1 }
        return .reached(
            ShotChoice(shots: shots, promptTokens: layout.promptTokens(shots: shots),
                       score: score(shots)),
            thresholdTokens: threshold)
    }

    /// The prompt length at which the score rises through `target`, searched on the rising side
    /// `range`; its lower end when the score there already reaches it, nil when it never does.
    public static func thresholdTokens(
        target: Double, law: ContextScalingLaw, flops: Double, contextLimit: Double,
        rising range: ClosedRange<Double>
    ) -> Double? {
        let logNeeded = log(target) - law.logComputeFactor(logCompute: log(flops))
        let gap = { (logN: Double) in
            law.logPromptFactor(logPromptTokens: logN, contextLimit: contextLimit) - logNeeded
        }
        let lower = log(range.lowerBound), upper = log(range.upperBound)
        if gap(lower) >= 0 { return range.lowerBound }
        return RootFinding.brent(in: lower...upper, tolerance: 1e-13, gap).map(exp)
    }
}
