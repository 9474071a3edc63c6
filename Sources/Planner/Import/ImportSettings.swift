import ContextScaling

/// How to read results files: the choices a user makes on the command line, as values.
public struct ImportSettings: Sendable {
    /// About 4 characters of English text make one token under the 32k-50k-entry BPE and
    /// SentencePiece vocabularies of Llama 2 and GPT-2-family tokenizers (OpenAI's tokenizer
    /// guide gives "~4 characters"); prompt lengths from texts are estimates at this ratio.
    public static let defaultCharsPerToken = 4.0

    /// Keep only this task: a harness task, a dataset, or a bundled task grouping datasets.
    public var task: String?
    /// The harness metric to read (`acc`, `acc_norm`, `exact_match,flexible-extract`); the
    /// task's first when nil. Spaces count as underscores: "exact match" is `exact_match`.
    public var metric: String?
    public var charsPerToken: Double
    /// n_pmt = base + shots x shot tokens for harness results without samples.
    public var shotLengths: PromptLayout?
    /// Models without presets.
    public var models: ModelTable
    /// Read scores as percentages (divided by 100).
    public var percentScores: Bool
    /// Where to write the model table to fill in (`ModelTemplate`), when asked for.
    public var modelsTemplate: String?
    /// Files that cannot be read are skipped and counted, and the import goes on; without it
    /// they stop the import, all named.
    public var skipBad = false
    /// Records alike in everything but their place in a file read as one with a count, as a
    /// fit reads them (`RowFolder`): memory that follows the distinct records. An import that
    /// writes every record (`--out`) reads each; one that only summarises folds.
    public var foldsRepeats = false

    public init(
        task: String? = nil, metric: String? = nil, charsPerToken: Double = ImportSettings.defaultCharsPerToken,
        shotLengths: PromptLayout? = nil, models: ModelTable = ModelTable(), percentScores: Bool = false,
        modelsTemplate: String? = nil
    ) {
        self.modelsTemplate = modelsTemplate
        self.task = task
        self.metric = metric
        self.charsPerToken = charsPerToken
        self.shotLengths = shotLengths
        self.models = models
        self.percentScores = percentScores
    }
}
