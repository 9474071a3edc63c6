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

extension Planner {
    public func budget(flops: Double, plan: HardwarePlan) -> Budget {
        Budget(flops: flops, plan: plan)
    }
}
