/// A CSV data file (evaluation results, RULER accuracies) that cannot be read as one: the file,
/// the line when one is to blame, and what is wrong there. The program words it.
public struct DataFileError: Error, Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        // The file as a whole.
        case missing
        case unreadable
        case notUTF8
        case empty
        // CSV syntax.
        case quoteNeverClosed
        case misplacedQuote(QuoteMisuse)
        case tooManyFields(count: Int, columns: Int)
        // The header.
        case columnNamedTwice(String)
        case noMetricColumn(header: [String])
        case noComputeColumns
        case noPromptColumns
        case noContextColumn
        case noRulerColumns
        case noRecords
        // One record.
        case emptyCell(column: String)
        case noCompute
        case noPrompt
        case notWhole(column: String, token: String)
        case outsideUnitInterval(column: String, token: String)
        case shortRulerRow(fields: Int)
        /// The record names a model or task the presets do not give.
        case preset(PresetError)
        /// The record's n_ctx is below its model's native limit: a model is never shortened.
        case limitBelowNative(limit: Double, model: String, native: Double)
    }

    /// Where a quote may not stand in CSV.
    public enum QuoteMisuse: Equatable, Sendable {
        case afterClosingQuote, insideUnquotedField, textAfterClosingQuote
    }

    public var file: String
    /// The 1-based line, or nil when the file as a whole is at fault.
    public var line: Int?
    public var problem: Problem

    public init(file: String, line: Int? = nil, _ problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }
}
