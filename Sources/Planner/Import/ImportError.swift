/// Why evaluation results cannot be imported, as facts: the program words them and names the
/// options that fix them. `file` is the path as given or found in a folder.
public enum ImportError: Error, Equatable, Sendable {
    /// A path given on the command line does not exist.
    case noSuchPath(String)
    /// A file exists but cannot be read, or is not UTF-8 text.
    case unreadable(file: String)
    /// A `.json` file whose top-level value is not an object.
    case notJSON(file: String)
    /// A `.json` file that stops being JSON at this line and column (from 1), where `expected`
    /// was expected; `moreText` there means the file ends early (a truncated write).
    case jsonSyntax(file: String, line: Int, column: Int, expected: JSONExpectation)
    /// Files that could not be read, each with why, when `--skip-bad` was not given.
    case skippedFiles([SkippedFile])
    /// Files were found but not one record was read from them.
    case nothingRead(paths: [String])
    /// A JSON object in none of the known formats (given by name, not found in a folder).
    case unknownFormat(file: String)
    /// A field the format needs is absent or null (`field`: its path, e.g. `instances[3].prompt_length`).
    case missingField(file: String, field: String)
    /// A list that must hold something is empty (`instances`).
    case emptyList(file: String, field: String)
    /// A field holds the wrong kind of value.
    case badField(file: String, field: String, expected: ExpectedValue)
    /// A score above 1 but at most 100: the file reports percentages.
    case percentScale(file: String, field: String, value: Double)
    /// A score outside [0, 1] (and not a percentage).
    case scoreOutOfRange(file: String, field: String, value: Double)
    /// Models neither a preset (with published tokens) nor the model table knows, every one the
    /// files named, each with the first file naming it; `unreadable` are the files of the same
    /// run that could not be read (unless `--skip-bad` passes over them), so that one message
    /// names every problem.
    case unknownModels([SeenModel], unreadable: [SkippedFile] = [])
    /// A harness results file that names no model.
    case noModelName(file: String)
    /// A chosen metric that a harness task does not report.
    case unknownMetric(file: String, task: String, metric: String, available: [String])
    /// A harness task with no samples beside it, and no token lengths to turn its shots into
    /// prompt tokens.
    case noPromptLength(file: String, task: String, shots: Int)
    /// The chosen task is in none of the files; `available` lists the tasks they hold.
    case taskNotFound(task: String, available: [String])
    /// The paths held no results files at all.
    case noResults(paths: [String])
    /// A model table without the columns it needs.
    case modelTableColumns(file: String, header: [String])
    /// A model table names one model twice.
    case modelTableDuplicate(file: String, line: Int, name: String)
    /// The normalised CSV would replace a file, and replacing was not asked for.
    case outputExists(path: String)

    public enum ExpectedValue: Sendable, Equatable {
        case number, text, object, list, wholeNumber
    }

    /// What a JSON text needed where it stopped being JSON.
    public enum JSONExpectation: Sendable, Equatable {
        case value, key, colon, commaOrEnd, endOfText, moreText, closingQuote, escape, digit, utf8
        case noControlCharacter, shallowerNesting
        /// Any value at all: the text is empty or white space.
        case nonEmptyText
    }

    /// Whether the error is about one file's content or readability, so that an import passes
    /// the file over (and says so) and reads the rest; the others stop the import.
    public var isAboutOneFile: Bool {
        switch self {
        case .unreadable, .notJSON, .jsonSyntax, .unknownFormat, .missingField, .emptyList, .badField,
            .percentScale, .scoreOutOfRange, .noModelName:
            return true
        default:
            return false
        }
    }
}

/// A file an import found and could not read, and why.
public struct SkippedFile: Sendable, Equatable {
    public var file: String
    public var reason: ImportError

    public init(file: String, reason: ImportError) {
        self.file = file
        self.reason = reason
    }
}
