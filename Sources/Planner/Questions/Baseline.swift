/// How far a model's training compute is from the compute a target needs: `compute-for
/// --model`'s "how much more". C = 6ND, so the extra compute is extra tokens at the model's N.
public struct BaselineGap: Sendable, Equatable {
    /// The model as resolved at the answer's limit (extended to it when the limit is longer).
    public var model: String
    /// Non-embedding parameters N.
    public var parameters: Double
    /// The model's training compute (pre-training plus any extension).
    public var flops: Double
    /// The compute the target needs.
    public var neededFlops: Double

    /// The compute still to spend: zero when the model already has enough.
    public var additionalFlops: Double { max(0, neededFlops - flops) }
    /// The additional compute as a fraction of the model's.
    public var additionalFraction: Double { additionalFlops / flops }
    /// The training tokens that take the additional compute at the model's size: C / 6N.
    public var additionalTokens: Double { additionalFlops / (6 * parameters) }
    /// The model's compute as a multiple of the compute needed (above 1: already enough).
    public var surplus: Double { flops / neededFlops }
}

extension Planner {
    /// The gap from `model` (at the answer's limit, extended by `recipe` when longer) to the
    /// compute `answer` needs; nil when no compute count is the answer.
    public func baseline(
        model name: String, for answer: ComputeForAnswer, recipe: ExtensionRecipe = .paper
    ) throws -> BaselineGap? {
        let model = try library.resolve(model: name, nCtx: answer.nCtx, recipe: recipe)
        guard let needed = answer.flops else { return nil }
        return BaselineGap(model: model.name, parameters: model.parameters, flops: model.flops, neededFlops: needed)
    }
}
