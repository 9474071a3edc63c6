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
    /// What the records of one file and dataset share, held once for all of them: a paper-eval
    /// folder holds a million instances.
    private let shared: Shared

    final class Shared: Sendable {
        let dataset: String
        let params: Double?
        let tokens: Double?
        let metricName: String?
        let promptSource: PromptSource
        let format: ResultsFormat
        let source: String

        init(
            dataset: String, params: Double?, tokens: Double?, metricName: String?, promptSource: PromptSource,
            format: ResultsFormat, source: String
        ) {
            self.dataset = dataset
            self.params = params
            self.tokens = tokens
            self.metricName = metricName
            self.promptSource = promptSource
            self.format = format
            self.source = source
        }
    }

    init(observation: Observation, shared: Shared) {
        self.observation = observation
        self.shared = shared
    }

    init(
        observation: Observation, dataset: String, params: Double?, tokens: Double?, metricName: String?,
        promptSource: PromptSource, format: ResultsFormat, source: String
    ) {
        self.init(
            observation: observation,
            shared: Shared(
                dataset: dataset, params: params, tokens: tokens, metricName: metricName, promptSource: promptSource,
                format: format, source: source))
    }

    /// The dataset or harness task the score is on (the observation's task is its group).
    public var dataset: String { shared.dataset }
    /// Non-embedding parameters and training tokens, when the model is known by them.
    public var params: Double? { shared.params }
    public var tokens: Double? { shared.tokens }
    /// The metric's name in the file (`exact_match`, `acc`), when the file names it.
    public var metricName: String? { shared.metricName }
    public var promptSource: PromptSource { shared.promptSource }
    public var format: ResultsFormat { shared.format }
    /// The file it was read from.
    public var source: String { shared.source }

    public static func == (a: ImportedRecord, b: ImportedRecord) -> Bool {
        a.observation == b.observation && a.dataset == b.dataset && a.params == b.params && a.tokens == b.tokens
            && a.metricName == b.metricName && a.promptSource == b.promptSource && a.format == b.format
            && a.source == b.source
    }
}

/// What an import read: the records and each file's format and record count.
public struct ImportedData: Sendable {
    public var records: [ImportedRecord]
    public var files: [(path: String, format: ResultsFormat, records: Int)]
    /// The characters-per-token ratio estimated prompt lengths used.
    public var charsPerToken: Double
    /// Where the records' prompt lengths came from.
    public var promptSources: Set<PromptSource>
    /// The rows read: each record with its count (a folded record stands for several).
    public var rowCount: Int { rows { _ in true } }

    /// The rows of the records that `holds`, each record counted with its rows.
    public func rows(where holds: (ImportedRecord) -> Bool) -> Int {
        records.reduce(0) { $0 + (holds($1) ? $1.observation.count : 0) }
    }
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

    public var estimatedPrompts: Int { rows { $0.promptSource == .estimated } }
}
