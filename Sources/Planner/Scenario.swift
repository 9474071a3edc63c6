import ContextScaling

/// Where the compute of a question comes from.
public enum ComputeInput: Sendable, Equatable {
    /// A model preset, extended to the question's limit when that is above its own.
    case model(String)
    case flops(Double)
}

/// Where the prompt length of a question comes from.
public enum PromptInput: Sendable, Equatable {
    case shots(Int)
    case tokens(Double)
}

/// The inputs of Eq. (1) for one question, resolved from presets and user input.
public struct Scenario: Sendable, Equatable {
    public var task: TaskPreset
    public var flops: Double
    public var nCtx: Double
    /// The resolved model, when the compute came from one.
    public var model: ResolvedModel?

    public var law: ContextScalingLaw { task.law }
}

extension Extrapolation {
    /// One note per input outside the task's fit range, with the factor by which it is outside.
    public static func notes(
        task: TaskPreset, flops: Double? = nil, nPmt: Double? = nil, nCtx: Double? = nil
    ) -> [PlanningNote] {
        guard let range = task.fitRange else { return [] }
        var notes: [PlanningNote] = []
        func check(_ value: Double?, _ low: Double, _ high: Double, _ quantity: Quantity) {
            guard let value else { return }
            // A hair's tolerance: the paper's own rows sit exactly on the range's ends.
            if value > high * (1 + 1e-6) {
                notes.append(.extrapolation(Extrapolation(quantity: quantity, value: value, bound: high, side: .above)))
            } else if value < low * (1 - 1e-6) {
                notes.append(.extrapolation(Extrapolation(quantity: quantity, value: value, bound: low, side: .below)))
            }
        }
        check(flops, range.computeMin, range.computeMax, .compute)
        check(nPmt, range.nPmtMin, range.nPmtMax, .prompt)
        check(nCtx, range.nCtxMin, range.nCtxMax, .limit)
        return notes
    }
}
