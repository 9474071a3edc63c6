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

/// Answers questions about presets: the layer between what users type and Eq. (1).
public struct Planner: Sendable {
    public var library: PresetLibrary
    /// Asked by the long computations (fits, bootstrap draws): a requested stop makes them throw
    /// `CancelledByUser` rather than return a partial answer.
    public var cancellation: Cancellation

    public init(library: PresetLibrary, cancellation: Cancellation = .never) {
        self.library = library
        self.cancellation = cancellation
    }

    /// Resolves a task, the compute and the context limit. Without `--nctx` a model's own limit
    /// is used; with `--compute` a limit must be given.
    public func scenario(
        task taskName: String, compute: ComputeInput, nCtx: Double?, recipe: ExtensionRecipe = .paper
    ) throws -> Scenario {
        let task = try library.task(taskName)
        switch compute {
        case .model(let name):
            let model = try library.resolve(model: name, nCtx: nCtx, recipe: recipe)
            return Scenario(task: task, flops: model.flops, nCtx: model.nCtx, model: model)
        case .flops(let flops):
            guard let nCtx else {
                throw InputError("--nctx is needed with --compute: the context limit, e.g. --nctx 8k")
            }
            return Scenario(task: task, flops: flops, nCtx: nCtx, model: nil)
        }
    }

    /// Prompt tokens and shot count for a prompt input under a task's token lengths.
    public static func prompt(_ input: PromptInput, layout: PromptLayout) -> (tokens: Double, shots: Int?) {
        switch input {
        case .shots(let k): return (layout.promptTokens(shots: k), k)
        case .tokens(let n): return (n, nil)
        }
    }
}

/// Honest words about extrapolation: where an answer's inputs lie outside what the fit saw.
public enum Extrapolation {
    /// One note per input outside the task's fit range, with the factor by which it is outside.
    public static func notes(task: TaskPreset, flops: Double? = nil, nPmt: Double? = nil, nCtx: Double? = nil) -> [String] {
        guard let range = task.fitRange else { return [] }
        var notes: [String] = []
        func check(_ value: Double?, _ low: Double, _ high: Double, _ describe: (Double) -> String, _ what: String) {
            guard let value else { return }
            // A hair's tolerance: the paper's own rows sit exactly on the range's ends.
            if value > high * (1 + 1e-6) {
                notes.append("\(describe(value)) is \(factor(value / high)) the largest \(what) the fit saw, \(describe(high))")
            } else if value < low * (1 - 1e-6) {
                notes.append("\(describe(value)) is \(factor(low / value)) below the smallest \(what) the fit saw, \(describe(low))")
            }
        }
        check(flops, range.computeMin, range.computeMax, { Quantities.formatScientific($0, digits: 2) + " FLOPs" }, "compute")
        check(nPmt, range.nPmtMin, range.nPmtMax, { Quantities.formatTokens($0) + " prompt tokens" }, "prompt")
        check(nCtx, range.nCtxMin, range.nCtxMax, { "a " + Quantities.formatContext($0) + " limit" }, "limit")
        return notes
    }

    static func factor(_ ratio: Double) -> String {
        if ratio >= 1e6 { return Quantities.formatScientific(ratio, digits: 2) + "x" }
        return ratio >= 10 ? "\(Int(ratio.rounded()))x" : "\(Quantities.trimmed(String(format: "%.2g", ratio)))x"
    }
}
