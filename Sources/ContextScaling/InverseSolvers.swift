#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The compute at which a law reaches a target score, or why it never does.
public enum ComputeSolution: Sendable, Equatable {
    /// The target is reached at this many FLOPs (relative accuracy better than 1e-9).
    case reached(flops: Double)
    /// The target is reached already at 1 FLOP, the low end of the search: compute does not bind,
    /// and no FLOP count is the answer.
    case reachedAtAnyCompute
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
    /// crosses it (the shots' prompt is the first one at or past it), nil when even a one-token
    /// prompt reaches it (zero shots, and no crossing to report).
    case reached(ShotChoice, thresholdTokens: Double?)
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
    ///
    /// Reachability and the search use one criterion, the log-space gap the root finder sees, so
    /// a target within rounding of the ceiling is either unreachable or found, never lost between.
    public static func compute(
        reaching target: Double, law: ContextScalingLaw, promptTokens: Double, contextLimit: Double
    ) -> ComputeSolution {
        let ceiling = law.ceiling(promptTokens: promptTokens, contextLimit: contextLimit)
        // A target at or below a chance floor is met by guessing, at any compute.
        let product = law.productTarget(target)
        guard product > 0 else { return .reachedAtAnyCompute }
        // The compute factor must reach product / the rest; in logs, to avoid their underflow.
        let logNeeded =
            log(product)
            - law.logPromptFactor(
                logPromptTokens: log(promptTokens), contextLimit: contextLimit)
        // A factor can reach at most 1 (log 0): a needed log of 0 or more is the ceiling itself.
        guard target < ceiling, logNeeded < 0 else { return .unreachable(ceiling: ceiling) }
        let gap = { (logC: Double) in law.logComputeFactor(logCompute: logC) - logNeeded }
        if gap(logComputeBracket.lowerBound) >= 0 { return .reachedAtAnyCompute }
        guard gap(logComputeBracket.upperBound) >= 0,
            let logC = RootFinding.brent(in: logComputeBracket, tolerance: 1e-13, gap)
        else { return .beyondAnyCompute(ceiling: ceiling) }
        // A crossing within rounding of 1 FLOP is the bracket's end, not a compute to report.
        if logC <= logComputeBracket.lowerBound + 1e-9 { return .reachedAtAnyCompute }
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

    /// `bestPromptTokens(law:contextLimit:within:)` on a curve of the same law and limit.
    static func bestPromptTokens(curve: PromptCurve, within range: ClosedRange<Double>) -> Double {
        let logBest = RootFinding.goldenSectionMaximum(
            in: log(range.lowerBound)...log(range.upperBound), tolerance: 1e-12
        ) { curve.logPromptFactor(logPromptTokens: $0) }
        return exp(logBest)
    }

    /// The shot count with the highest predicted score among 0...maxShots, ties going to fewer
    /// shots. The score is unimodal in the prompt length, so the best integer is a neighbour of
    /// the continuous maximiser.
    public static func bestShots(
        law: ContextScalingLaw, flops: Double, contextLimit: Double,
        layout: PromptLayout, maxShots: Int
    ) -> ShotChoice {
        bestShots(
            on: PromptCurve(law: law, flops: flops, contextLimit: contextLimit), layout: layout, maxShots: maxShots)
    }

    /// `bestShots(law:flops:contextLimit:layout:maxShots:)` on the curve of that law, compute
    /// and limit.
    public static func bestShots(on curve: PromptCurve, layout: PromptLayout, maxShots: Int) -> ShotChoice {
        let choice = { (shots: Int) -> ShotChoice in
            let n = layout.promptTokens(shots: shots)
            return ShotChoice(shots: shots, promptTokens: n, score: curve.score(promptTokens: n))
        }
        guard maxShots > 0 else { return choice(0) }
        // Ordered, so that a layout of negative shot tokens (a library caller's) cannot trap.
        let ends = (layout.promptTokens(shots: 0), layout.promptTokens(shots: maxShots))
        let peak = bestPromptTokens(curve: curve, within: min(ends.0, ends.1)...max(ends.0, ends.1))
        // Clamped before the conversion to Int, which traps past Int.max (a tiny shotTokens) and
        // on NaN (shots of no tokens: every prompt is the zero-shot one, 0 / 0).
        let continuous = (peak - layout.baseTokens) / layout.shotTokens
        let below = continuous.isNaN ? 0 : Int(min(max(continuous.rounded(.down), 0), Double(maxShots)))
        var best = choice(below)
        // Neighbours on both sides guard against the peak landing a hair off its true place.
        for step in [-1, 1, 2] where below >= -step && below <= maxShots - step {
            let shots = below + step
            let candidate = choice(shots)
            if candidate.score > best.score || (candidate.score == best.score && shots < best.shots) {
                best = candidate
            }
        }
        // Where the score still creeps up by ulps (a factor a hair below 1 in double precision),
        // the continuous peak can land short of the plateau it reaches: probe 1, 2, 4, ... shots
        // further, and move to any that scores higher.
        var step = 1
        while best.shots + step <= maxShots {
            let candidate = choice(best.shots + step)
            if candidate.score > best.score {
                best = candidate
                step = 1
            } else {
                step *= 2
            }
        }
        // Where the factors saturate to exactly 1 in double precision the peak is a plateau:
        // ties go to fewer shots, so find the first shot count on the rising side that scores
        // as well. The score does not fall on [0, best], so bisection finds it.
        var low = 0
        var high = best.shots
        while low < high {
            let mid = (low + high) / 2
            if choice(mid).score >= best.score { high = mid } else { low = mid + 1 }
        }
        return high == best.shots ? best : choice(high)
    }

    /// The fewest shots in 0...maxShots whose predicted score reaches `target`.
    ///
    /// Whether a shot count reaches the target is decided on its plain score, the number the
    /// answer shows: the best reaches a target equal to its own score. The continuous crossing
    /// is then searched between that shot count and the one before, for the report only.
    public static func fewestShots(
        reaching target: Double, law: ContextScalingLaw, flops: Double, contextLimit: Double,
        layout: PromptLayout, maxShots: Int
    ) -> ShotSolution {
        let curve = PromptCurve(law: law, flops: flops, contextLimit: contextLimit)
        return fewestShots(
            reaching: target, on: curve, layout: layout, best: bestShots(on: curve, layout: layout, maxShots: maxShots))
    }

    /// `fewestShots(reaching:law:flops:contextLimit:layout:maxShots:)` given what `bestShots`
    /// answers for the same law, compute, limit, layout and shot range: the best shot count's
    /// search is most of the cost, and a caller that has it (the best and the knee, an
    /// interval's outcomes that share a draw) need not search again.
    public static func fewestShots(
        reaching target: Double, law: ContextScalingLaw, flops: Double, contextLimit: Double,
        layout: PromptLayout, best: ShotChoice
    ) -> ShotSolution {
        fewestShots(
            reaching: target, on: PromptCurve(law: law, flops: flops, contextLimit: contextLimit), layout: layout,
            best: best)
    }

    /// The same on the curve of that law, compute and limit.
    public static func fewestShots(
        reaching target: Double, on curve: PromptCurve, layout: PromptLayout, best: ShotChoice
    ) -> ShotSolution {
        guard best.score >= target else { return .unreachable(best: best) }
        let choice = { (shots: Int) -> ShotChoice in
            let n = layout.promptTokens(shots: shots)
            return ShotChoice(shots: shots, promptTokens: n, score: curve.score(promptTokens: n))
        }
        // The score does not fall between zero shots and the best (it is unimodal in the prompt
        // length), so the first shot count that reaches the target is found by bisection; the
        // best itself reaches it, so there always is one.
        var low = 0
        var high = best.shots
        while low < high {
            let mid = low + (high - low) / 2
            if choice(mid).score >= target { high = mid } else { low = mid + 1 }
        }
        let fewest = high == best.shots ? best : choice(high)
        let below = fewest.shots > 0 ? layout.promptTokens(shots: fewest.shots - 1) : 1
        let threshold =
            below < fewest.promptTokens
            ? crossing(target: target, on: curve, rising: below...fewest.promptTokens)
            : nil
        return .reached(fewest, thresholdTokens: threshold)
    }

    /// The prompt length at which the score rises through `target` on the rising side `range`,
    /// whose upper end reaches it; nil when the lower end already does (no crossing inside).
    ///
    /// Searched in log space, where a score of 1e-300 still has a slope. Where rounding leaves
    /// the log-space gap without a sign change although the plain score reaches the target, the
    /// crossing is within rounding of the upper end, and that end is the answer.
    static func crossing(
        target: Double, on curve: PromptCurve, rising range: ClosedRange<Double>
    ) -> Double? {
        if curve.score(promptTokens: range.lowerBound) >= target { return nil }
        // The lower end is below the target, so the target is above any chance floor.
        let logNeeded = log(curve.law.productTarget(target)) - curve.law.logComputeFactor(logCompute: log(curve.flops))
        let gap = { (logN: Double) in curve.logPromptFactor(logPromptTokens: logN) - logNeeded }
        let lower = log(range.lowerBound)
        let upper = log(range.upperBound)
        guard gap(lower) < 0, gap(upper) >= 0 else {
            return gap(lower) >= 0 ? range.lowerBound : range.upperBound
        }
        let root = RootFinding.brent(in: lower...upper, tolerance: 1e-13, gap).map(exp)
        return min(max(root ?? range.upperBound, range.lowerBound), range.upperBound)
    }
}
