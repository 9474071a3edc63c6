import ContextScaling

/// Answers questions about presets: the layer between what users type and Eq. (1).
public struct Planner: Sendable {
    public var library: PresetLibrary
    /// Asked by the long computations (fits, bootstrap draws): a requested stop makes them throw
    /// `CancelledByUser` rather than return a partial answer.
    public var cancellation: Cancellation
    /// Told how far the long computations (fits, bootstrap draws, imports) have got.
    public var progress: ProgressReporter

    public init(library: PresetLibrary, cancellation: Cancellation = .never, progress: ProgressReporter = .none) {
        self.library = library
        self.cancellation = cancellation
        self.progress = progress
    }

    /// Resolves a task, the compute and the context limit. Without a limit a model's own is
    /// used; compute given as FLOPs needs one.
    public func scenario(
        task taskName: String, compute: ComputeInput, nCtx: Double?, recipe: ExtensionRecipe = .paper
    ) throws -> Scenario {
        let task = try library.task(taskName)
        switch compute {
        case .model(let name, let tokens):
            let model = try library.resolve(model: name, nCtx: nCtx, recipe: recipe, tokens: tokens)
            return Scenario(task: task, flops: model.flops, nCtx: model.nCtx, model: model, params: model.parameters)
        case .flops(let flops):
            guard let nCtx else {
                throw PlannerError.missingContextLimit
            }
            return Scenario(task: task, flops: flops, nCtx: nCtx, model: nil)
        case .paramsAndTokens(let params, let tokens):
            guard let nCtx else {
                throw PlannerError.missingContextLimit
            }
            return Scenario(
                task: task, flops: ComputeAccounting.trainingFlops(parameters: params, tokens: tokens), nCtx: nCtx,
                model: nil, params: params)
        }
    }

    /// Prompt tokens and shot count for a prompt input under a task's token lengths; shots to a
    /// task without token lengths throw `MissingTokenLengths`.
    public static func prompt(_ input: PromptInput, task: TaskPreset) throws -> (tokens: Double, shots: Int?) {
        switch input {
        case .shots(let k): return (try task.layout.promptTokens(shots: k), k)
        case .tokens(let n): return (n, nil)
        }
    }
}
