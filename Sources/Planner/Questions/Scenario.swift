import ContextScaling

/// Where the compute of a question comes from.
public enum ComputeInput: Sendable, Equatable {
    /// A model preset, extended to the question's limit when that is above its own; `tokens`
    /// are its pre-training tokens where the preset's are not published or are to be replaced.
    case model(String, tokens: Double? = nil)
    case flops(Double)
    /// Parameters N and tokens D: C = 6ND, and a law that sees them apart (the ladder) sees both.
    case paramsAndTokens(params: Double, tokens: Double)
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
    /// The parameters N behind the compute, when a model or the user gives them.
    public var params: Double?

    /// How the compute splits into N and D, for a law that sees them apart.
    public var split: ComputeSplit { params.map(ComputeSplit.params) ?? .unspecified }

    /// The task's law for this model: an extended model's native limit matters to the decay
    /// form, its N and D to the ladder.
    public var law: ContextScalingLaw { task.law.forModel(nativeLimit: model?.nativeNCtx).splitting(split) }
}
