import ContextScaling

/// Predicted scores at 0, 1, 3, ..., 511 shots beside the observed ones, like Tables 8-10.
public struct ShotTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var shots: Int
        public var nPmt: Double
        public var predicted: Double
        public var observed: Double?
    }
    public var scenario: Scenario
    public var rows: [Row]
    /// Model notes and where the compute or limit lies outside the fit, as `predict` gives them.
    public var notes: [PlanningNote]

    /// Mean absolute error over the rows that have an observation, nil when none do.
    public var meanAbsoluteError: Double? {
        let errors = rows.compactMap { row in row.observed.map { abs($0 - row.predicted) } }
        return errors.isEmpty ? nil : errors.reduce(0, +) / Double(errors.count)
    }

    /// The shot counts of the paper's tables: 2^k - 1 for k = 0...9.
    public static let paperShots = (0...9).map { (1 << $0) - 1 }
}

extension Planner {
    public func table(task taskName: String, model: String, nCtx: Double?, recipe: ExtensionRecipe = .paper) throws
        -> ShotTable
    {
        let scenario = try self.scenario(task: taskName, compute: .model(model), nCtx: nCtx, recipe: recipe)
        // Matched by the model's identity, its preset name and limit: a record of Llama-2-7B at
        // 8k is the same model extended to 8k.
        let observed = library.observations.filter {
            $0.task?.lowercased() == scenario.task.name.lowercased()
                && $0.model?.lowercased() == scenario.model?.name.lowercased()
                && $0.nCtx == scenario.nCtx
        }
        let layout = try scenario.task.layout
        let rows = ShotTable.paperShots.map { shots -> ShotTable.Row in
            let n = layout.promptTokens(shots: shots)
            return ShotTable.Row(
                shots: shots, nPmt: n,
                predicted: scenario.law.score(flops: scenario.flops, promptTokens: n, contextLimit: scenario.nCtx),
                observed: observed.first { $0.shots == shots }?.metric)
        }
        let notes =
            (scenario.model?.notes ?? [])
            + Extrapolation.notes(task: scenario.task, flops: scenario.flops, nCtx: scenario.nCtx)
        return ShotTable(scenario: scenario, rows: rows, notes: notes)
    }
}
