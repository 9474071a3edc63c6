import ContextScaling

/// What extending a model to a longer context limit costs (C = 6ND).
public struct ExtensionCost: Sendable, Equatable {
    public var base: ResolvedModel
    public var extended: ResolvedModel
    public var recipe: ExtensionRecipe
    public var extensionTokens: Double { extended.extensionTokens }
    /// 6 N x extension tokens.
    public var extensionFlops: Double { extended.extensionFlops }
    public var totalFlops: Double { extended.flops }
    /// The extension's compute as a fraction of pre-training's.
    public var fractionOfPretraining: Double { extensionFlops / extended.pretrainFlops }
    /// The extension with attention counted (Kaplan et al.), when the model's shape is known.
    public var extensionFlopsWithAttention: Double? { extended.extensionFlops(counting: attentionCounting) }
    /// Whether GPU time is reckoned on the attention-aware count.
    public var countsAttention: Bool
    /// How attention is counted: causally (Kaplan et al.) or as the full matrix.
    public var attentionCounting: AttentionCounting = .causal
    public var budget: Budget?

    /// The FLOPs the budget is reckoned on.
    public var budgetFlops: Double {
        countsAttention ? (extensionFlopsWithAttention ?? extensionFlops) : extensionFlops
    }

    /// The model the user named, when it is not the base (an extended checkpoint).
    public var named: ResolvedModel?

    /// Says when the named model was not the base, and when counting attention changes the
    /// extension's compute by more than 10%.
    public var notes: [PlanningNote] {
        let fromBase = named.map {
            PlanningNote.costFromBase(named: $0.name, namedLimit: $0.nCtx, base: base.name, baseLimit: base.nCtx)
        }
        let attention = AttentionShare.note(
            sixND: extensionFlops, withAttention: extensionFlopsWithAttention, limit: nil, counted: countsAttention,
            counting: attentionCounting)
        // An MFU is measured on one count; the GPU time is only right with the same one.
        let mfu = countsAttention && budget != nil ? PlanningNote.mfuConvention(attentionCounting) : nil
        return [fromBase, attention, mfu].compactMap { $0 }
    }
}

extension Planner {
    /// The cost of extending `model`'s base to `nCtx` by `recipe`.
    public func cost(
        model: String, to nCtx: Double, recipe: ExtensionRecipe = .paper, plan: HardwarePlan? = nil,
        countAttention: Bool = false, attentionCounting: AttentionCounting = .causal
    ) throws -> ExtensionCost {
        let preset = try library.model(model)
        let base = try library.resolve(model: library.baseModel(of: preset).name)
        guard nCtx > base.nCtx else {
            throw PlannerError.extensionNotLonger(limit: nCtx, model: base.name, native: base.nCtx)
        }
        let extended = try library.resolve(model: base.name, nCtx: nCtx, recipe: recipe)
        let named = preset.name == base.name ? nil : try library.resolve(model: preset.name)
        var cost = ExtensionCost(
            base: base, extended: extended, recipe: recipe, countsAttention: countAttention,
            attentionCounting: attentionCounting, budget: nil, named: named)
        cost.budget = plan.map { Budget(flops: cost.budgetFlops, plan: $0) }
        return cost
    }
}
