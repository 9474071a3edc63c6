/// Each planning answer's main quantity: the number `_` stands for after it, with what it
/// measures. Nil when the answer has no number of its kind (a target out of reach).

extension Prediction {
    public var mainQuantity: Measured? { Measured(score, .score) }
}

extension Explanation {
    public var mainQuantity: Measured? { prediction.mainQuantity }
}

extension ComputeForAnswer {
    /// The compute the target needs.
    public var mainQuantity: Measured? { flops.map { Measured($0, .flops) } }
}

extension ContextForAnswer {
    /// The fewest shots that reach the target.
    public var mainQuantity: Measured? {
        if case .reached(let choice, _) = solution { return Measured(Double(choice.shots), .shots) }
        return nil
    }
}

extension ShotsAnswer {
    /// The best shot count.
    public var mainQuantity: Measured? { Measured(Double(best.shots), .shots) }
}

extension ExtendAnswer {
    /// The recommended limit.
    public var mainQuantity: Measured? { recommended.map { Measured(options[$0].nCtx, .contextTokens) } }
}

extension ExtensionCost {
    /// The extension's FLOPs, as budgeted (counting attention when asked to).
    public var mainQuantity: Measured? { Measured(budgetFlops, .flops) }
}

extension Budget {
    public var mainQuantity: Measured? { Measured(gpuHours, .gpuHours) }
}
