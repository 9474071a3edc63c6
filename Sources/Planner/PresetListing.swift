import ContextScaling

/// The presets of some kinds, in the order `presets` lists them.
public struct PresetListing: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case tasks, models, hardware
    }

    /// A model preset with the limit and compute it resolves to.
    public struct Model: Sendable {
        public var preset: ModelPreset
        public var resolved: ResolvedModel
    }

    public var kinds: [Kind]
    public var tasks: [TaskPreset]
    /// The paper's fit checkpoints first, each family by its limit, then the test models; a
    /// model that does not resolve (its preset names a missing base) is left out.
    public var models: [Model]
    public var hardware: [HardwarePreset]
}

/// One preset found by name, for `show`.
public enum PresetEntry: Sendable {
    case task(TaskPreset)
    case model(ResolvedModel)
    case gpu(HardwarePreset)
}

extension PresetLibrary {
    /// The presets of `kinds` (every kind when empty); only the kinds asked for are read.
    public func listing(_ kinds: [PresetListing.Kind]) -> PresetListing {
        let kinds = kinds.isEmpty ? PresetListing.Kind.allCases : kinds
        var listing = PresetListing(kinds: kinds, tasks: [], models: [], hardware: [])
        for kind in kinds {
            switch kind {
            case .tasks: listing.tasks = tasks
            case .hardware: listing.hardware = hardware
            case .models:
                func order(_ m: ModelPreset) -> (Int, String, Double, String) {
                    (m.role != "fit" ? 1 : 0, m.base, m.nCtx, m.name)
                }
                let ordered = models.sorted { order($0) < order($1) }
                listing.models = ordered.compactMap { m in
                    (try? resolve(model: m.name)).map { PresetListing.Model(preset: m, resolved: $0) }
                }
            }
        }
        return listing
    }

    /// The task, model or GPU named `name`, in that order; nil when none is.
    public func entry(named name: String) -> PresetEntry? {
        if let task = try? task(name) { return .task(task) }
        if let model = try? resolve(model: name) { return .model(model) }
        if let gpu = try? gpu(name) { return .gpu(gpu) }
        return nil
    }
}
