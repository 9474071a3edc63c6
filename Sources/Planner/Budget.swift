import ContextScaling

/// How a FLOP count becomes GPU time and money.
public struct HardwarePlan: Sendable, Equatable {
    public var gpu: HardwarePreset
    public var gpus: Int
    /// Model FLOPs utilisation: the fraction of peak a training run sustains.
    public var mfu: Double
    /// Dollars per GPU-hour, when given.
    public var pricePerGPUHour: Double?

    public static let defaultMFU = 0.4

    public init(gpu: HardwarePreset, gpus: Int = 1, mfu: Double = defaultMFU, pricePerGPUHour: Double? = nil) {
        self.gpu = gpu
        self.gpus = gpus
        self.mfu = mfu
        self.pricePerGPUHour = pricePerGPUHour
    }
}

/// GPU-hours, wall-clock days and dollars for a FLOP count.
public struct Budget: Sendable, Equatable {
    public var flops: Double
    public var plan: HardwarePlan
    /// FLOPs / (peak x MFU) / 3600.
    public var gpuHours: Double
    /// Wall-clock days on `plan.gpus` GPUs.
    public var days: Double
    public var dollars: Double?

    public init(flops: Double, plan: HardwarePlan) {
        self.flops = flops
        self.plan = plan
        gpuHours = flops / (plan.gpu.peakFlopsPerSecond * plan.mfu) / 3600
        days = gpuHours / Double(plan.gpus) / 24
        dollars = plan.pricePerGPUHour.map { $0 * gpuHours }
    }
}

/// What extending a model to a longer context limit costs (C = 6ND).
public struct ExtensionCost: Sendable, Equatable {
    public var base: ResolvedModel
    public var extended: ResolvedModel
    public var recipe: ExtensionRecipe
    public var extensionTokens: Double { extended.extensionTokens }
    /// 6 N x extension tokens.
    public var extensionFlops: Double {
        ComputeAccounting.trainingFlops(parameters: extended.parameters, tokens: extended.extensionTokens)
    }
    public var totalFlops: Double { extended.flops }
    /// The extension's compute as a fraction of pre-training's.
    public var fractionOfPretraining: Double { extensionFlops / extended.pretrainFlops }
    /// The extension with attention counted (Kaplan et al.), when the model's shape is known.
    public var extensionFlopsWithAttention: Double? {
        guard let layers = extended.layers, let width = extended.attentionWidth else { return nil }
        return extended.extensionTokens * ComputeAccounting.flopsPerTokenWithAttention(
            parameters: extended.parameters, layers: layers, contextLimit: extended.nCtx, attentionWidth: width)
    }
    /// Whether GPU time is reckoned on the attention-aware count (--attention).
    public var countsAttention: Bool
    public var budget: Budget?

    /// The FLOPs the budget is reckoned on.
    public var budgetFlops: Double { countsAttention ? (extensionFlopsWithAttention ?? extensionFlops) : extensionFlops }

    /// Says when counting attention changes the extension's compute by more than 10%.
    public var notes: [String] {
        guard let withAttention = extensionFlopsWithAttention, withAttention > 1.1 * extensionFlops else { return [] }
        let ratio = String(format: "%.1fx", withAttention / extensionFlops)
        return [countsAttention
            ? "GPU time counts attention (Kaplan et al.): \(ratio) the 6ND extension FLOPs"
            : "counting attention (Kaplan et al.), the extension takes \(ratio) the 6ND FLOPs; --attention budgets on that count"]
    }
}

extension Planner {
    public func budget(flops: Double, plan: HardwarePlan) -> Budget {
        Budget(flops: flops, plan: plan)
    }

    /// The cost of extending `model`'s base to `nCtx` by `recipe`.
    public func cost(
        model: String, to nCtx: Double, recipe: ExtensionRecipe = .paper, plan: HardwarePlan? = nil, countAttention: Bool = false
    ) throws -> ExtensionCost {
        let preset = try library.model(model)
        let base = try library.resolve(model: library.baseModel(of: preset).name)
        guard nCtx > base.nCtx else {
            throw InputError("--to \(Quantities.formatContext(nCtx)) is not above \(base.name)'s native limit of \(Quantities.formatContext(base.nCtx)); expected a longer limit")
        }
        let extended = try library.resolve(model: base.name, nCtx: nCtx, recipe: recipe)
        var cost = ExtensionCost(base: base, extended: extended, recipe: recipe, countsAttention: countAttention, budget: nil)
        cost.budget = plan.map { Budget(flops: cost.budgetFlops, plan: $0) }
        return cost
    }
}
