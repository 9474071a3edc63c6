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
    public var lifts: [(what: String, ceiling: Double)]
    public var budget: Budget?
    /// The answer under each bootstrap draw, as a percentile interval (when the preset has draws).
    public var interval: Interval?
    public var notes: [String]

    /// The FLOPs the target needs; nil when no count is the answer (unreachable, or reached at
    /// any compute).
    public var flops: Double? {
        if case .reached(let c) = solution { return c }
        return nil
    }

    /// Whether some compute reaches the target (any compute, for `.reachedAtAnyCompute`).
    public var reachable: Bool {
        switch solution {
        case .reached, .reachedAtAnyCompute: return true
        case .unreachable, .beyondAnyCompute: return false
        }
    }
}

public enum ModelSize: Sendable {
    case parameters(Double, atTokens: Double)
    case tokens(Double, atParameters: Double)
}

/// A percentile interval over bootstrap draws.
public struct Interval: Sendable, Equatable {
    public var level: Double
    /// nil when no draw answers the question.
    public var low: Double?
    public var high: Double?
    /// Draws for which the question has no answer (unreachable under that draw).
    public var unanswered: Int
}

extension Planner {
    /// The training compute at which the task's law reaches `target`.
    public func computeFor(
        target: Double, task taskName: String, prompt: PromptInput, nCtx: Double,
        tokens: Double? = nil, params: Double? = nil, plan: HardwarePlan? = nil, intervalLevel: Double? = nil
    ) throws -> ComputeForAnswer {
        try Planner.checkTarget(target)
        let task = try library.task(taskName)
        let (nPmt, shots) = Planner.prompt(prompt, layout: task.layout)
        let solution = InverseSolvers.compute(reaching: target, law: task.law, promptTokens: nPmt, contextLimit: nCtx)
        let ceiling = task.law.ceiling(promptTokens: nPmt, contextLimit: nCtx)
        var answer = ComputeForAnswer(
            task: task, target: target, nPmt: nPmt, shots: shots, nCtx: nCtx, solution: solution,
            ceiling: ceiling, modelSize: nil, nearest: nil, lifts: [], budget: nil, interval: nil, notes: [])
        answer.notes = Extrapolation.notes(task: task, nPmt: nPmt, nCtx: nCtx)
        let flops: Double
        switch solution {
        case .reached(let c): flops = c
        case .reachedAtAnyCompute: return answer  // compute does not bind: nothing to size or lift
        case .unreachable, .beyondAnyCompute:
            answer.lifts = lifts(task: task, target: target, nPmt: nPmt, nCtx: nCtx, ceiling: ceiling)
            return answer
        }
        answer.notes.insert(contentsOf: Extrapolation.notes(task: task, flops: flops), at: 0)
        if let tokens { answer.modelSize = .parameters(flops / (6 * tokens), atTokens: tokens) }
        if let params { answer.modelSize = .tokens(flops / (6 * params), atParameters: params) }
        answer.nearest = nearestModel(to: flops)
        answer.budget = plan.map { Budget(flops: flops, plan: $0) }
        if let level = intervalLevel {
            answer.interval = Planner.interval(level: level, values: task.draws.map { law in
                if case .reached(let c) = InverseSolvers.compute(reaching: target, law: law, promptTokens: nPmt, contextLimit: nCtx) { return c }
                return nil
            })
        }
        return answer
    }

    static func checkTarget(_ target: Double) throws {
        guard target.isFinite, target > 0, target < 1 else {
            throw InputError("target \(target) is outside (0, 1); expected a score such as 0.16")
        }
    }

    /// Ways to lift the ceiling: the best shot count at this limit, and longer limits.
    private func lifts(task: TaskPreset, target: Double, nPmt: Double, nCtx: Double, ceiling: Double) -> [(String, Double)] {
        var options: [(String, Double)] = []
        let unlimited = 1e300  // compute factor exactly 1: the ceiling itself
        let maxShots = task.layout.maxShots(fittingIn: 2 * nCtx) ?? 0
        let best = InverseSolvers.bestShots(law: task.law, flops: unlimited, contextLimit: nCtx, layout: task.layout, maxShots: maxShots)
        if best.score > ceiling * (1 + 1e-9) {
            options.append(("\(best.shots) shots (\(Quantities.formatTokens(best.promptTokens)) tokens) at \(Quantities.formatContext(nCtx))", best.score))
        }
        var limit = max(nCtx, 1) * 2  // from at least one token, so that the doubling ends
        while limit <= 1_048_576 {
            let c = task.law.ceiling(promptTokens: nPmt, contextLimit: limit)
            if c > ceiling * (1 + 1e-9) {
                options.append(("a \(Quantities.formatContext(limit)) limit with this prompt", c))
                break
            }
            limit *= 2
        }
        if options.allSatisfy({ $0.1 <= target }) {
            options.append(("nothing within this law: its ceiling is below \(Quantities.formatScore(target)) at every prompt and limit tried", max(ceiling, best.score)))
        }
        return options
    }

    /// The model preset (as is, at its own limit) whose compute is nearest in log terms.
    func nearestModel(to flops: Double) -> (name: String, multiple: Double)? {
        let candidates = library.models.compactMap { try? library.resolve(model: $0.name) }
        guard let best = candidates.min(by: { abs(log($0.flops / flops)) < abs(log($1.flops / flops)) }) else { return nil }
        return (best.name, flops / best.flops)
    }

    /// A percentile interval of one answer under each bootstrap draw (nil where a draw has no
    /// answer); nil when there are no draws.
    static func interval(level: Double, values: [Double?]) -> Interval? {
        guard !values.isEmpty else { return nil }
        let answered = values.compactMap { $0 }
        guard !answered.isEmpty else { return Interval(level: level, low: nil, high: nil, unanswered: values.count) }
        let tail = (1 - level / 100) / 2
        return Interval(
            level: level, low: DrawStatistics.quantile(answered, tail), high: DrawStatistics.quantile(answered, 1 - tail),
            unanswered: values.count - answered.count)
    }
}
