import ContextScaling

/// The presets of some kinds, in the order `presets` lists them.
public struct PresetListing: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case tasks, models, hardware
    }

    /// A model preset with the limit and compute it resolves to; nil `resolved` when its
    /// pre-training tokens are not published.
    public struct Model: Sendable {
        public var preset: ModelPreset
        public var resolved: ResolvedModel?
        /// The family it is listed under: its own, else "other".
        public var family: String { preset.family ?? "other" }
    }

    public var kinds: [Kind]
    public var tasks: [TaskPreset]
    /// By family: the paper's fit checkpoints first, then the families by name, "other" last;
    /// within one, by size, base model and limit. A model that does not resolve for another
    /// reason than unpublished tokens (its preset names a missing base) is left out.
    public var models: [Model]
    public var hardware: [HardwarePreset]
}

/// One preset found by name, for `show`.
public enum PresetEntry: Sendable {
    case task(TaskPreset)
    /// A model at its own limit; `resolved` nil when its pre-training tokens are not published.
    case model(ResolvedModel?, preset: ModelPreset)
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
                let listed = models.compactMap { m -> PresetListing.Model? in
                    do { return PresetListing.Model(preset: m, resolved: try resolve(model: m.name)) } catch PlannerError
                        .tokensNotPublished
                    {
                        return PresetListing.Model(preset: m, resolved: nil)
                    } catch { return nil }
                }
                let paperFits = Set(listed.filter { $0.preset.role == "fit" }.map(\.family))
                func order(_ m: PresetListing.Model) -> (Int, String, Double, String, Double, String) {
                    let group = paperFits.contains(m.family) ? 0 : m.preset.family == nil ? 2 : 1
                    let n = m.resolved?.parameters ?? m.preset.countedParams ?? 0
                    return (group, m.family, n, m.preset.base, m.preset.nCtx, m.preset.name)
                }
                listing.models = listed.sorted { order($0) < order($1) }
            }
        }
        return listing
    }

    /// The task, model or GPU named `name`, in that order; nil when none is.
    public func entry(named name: String) -> PresetEntry? {
        if let task = try? task(name) { return .task(task) }
        if let preset = try? model(name) {
            do { return .model(try resolve(model: name), preset: preset) } catch PlannerError.tokensNotPublished {
                return .model(nil, preset: preset)
            } catch {}
        }
        if let gpu = try? gpu(name) { return .gpu(gpu) }
        return nil
    }
}
