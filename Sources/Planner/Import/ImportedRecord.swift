/// The formats `import` and `fit` read.
public enum ResultsFormat: String, Sendable, CaseIterable {
    /// ctxplan's own CSV (`help fit`), also what `import --out` writes.
    case csv
    /// The paper's evaluation output: one JSON per dataset, model, shot count and seed.
    case paperEval = "paper-eval"
    /// lm-evaluation-harness 0.4 `results_*.json`.
    case harness = "lm-eval-0.4"
    /// lm-evaluation-harness 0.3 (legacy) results.
    case legacyHarness = "lm-eval-0.3"
}

/// Where a record's prompt length came from.
public enum PromptSource: String, Sendable {
    /// Counted by the evaluation itself (the paper's `prompt_length`) or given in a CSV.
    case measured
    /// Estimated from prompt texts (harness samples) at a characters-per-token ratio.
    case estimated
    /// Base plus shots times per-shot tokens, from options or a task preset.
    case shotLengths = "shot_lengths"
}

/// One imported evaluation result: the observation `fit` uses and what the import knows around it.
public struct ImportedRecord: Sendable, Equatable {
    public var observation: Observation
    /// The dataset or harness task the score is on (the observation's task is its group).
    public var dataset: String
    /// Non-embedding parameters and training tokens, when the model is known by them.
    public var params: Double?
    public var tokens: Double?
    /// The metric's name in the file (`exact_match`, `acc`), when the file names it.
    public var metricName: String?
    public var promptSource: PromptSource
    public var format: ResultsFormat
    /// The file it was read from.
    public var source: String
}

/// What an import read: the records and each file's format and record count.
public struct ImportedData: Sendable {
    public var records: [ImportedRecord]
    public var files: [(path: String, format: ResultsFormat, records: Int)]
    /// The characters-per-token ratio estimated prompt lengths used.
    public var charsPerToken: Double
    /// Where the records' prompt lengths came from.
    public var promptSources: Set<PromptSource>
    /// Files that could not be read, and why (only with `skipBad`; otherwise they stop the import).
    public var skipped: [SkippedFile] = []
    /// Files found in folders that are not results: a JSON in no known format (a preset), a
    /// CSV without a score column (a model table).
    public var passedOver: [String] = []

    /// `promptSources` given for records not kept (CSV files read straight for a fit), else
    /// those of `records`.
    public init(
        records: [ImportedRecord], files: [(path: String, format: ResultsFormat, records: Int)],
        charsPerToken: Double, promptSources: Set<PromptSource>? = nil
    ) {
        self.records = records
        self.files = files
        self.charsPerToken = charsPerToken
        self.promptSources = promptSources ?? Set(records.map(\.promptSource))
    }

    /// The one metric name the records share, if they share one.
    public var metricName: String? {
        let names = Set(records.compactMap(\.metricName))
        return names.count == 1 ? names.first : nil
    }

    public var estimatedPrompts: Int { records.filter { $0.promptSource == .estimated }.count }
}
