import Planner

/// A data file the Planner could not read, in words: `file:line: what is wrong`.
extension DataFileError: CustomStringConvertible {
    public var description: String {
        let place = file + (line.map { ":\($0)" } ?? "")
        return "\(place): \(problem.text)"
    }
}

extension DataFileError.Problem {
    var text: String {
        switch self {
        case .missing: return "no such file"
        case .unreadable: return "cannot be read; expected a readable CSV file"
        case .notUTF8: return "not UTF-8 text"
        case .empty: return "the file is empty; expected a header row and records"
        case .quoteNeverClosed: return "a quoted field is never closed"
        case .misplacedQuote(let misuse):
            return "\(misuse.text); expected a field in quotes with any quote inside doubled (\"\")"
        case .tooManyFields(let count, let columns):
            return "\(count) fields; expected at most \(columns), as in the header"
        case .columnNamedTwice(let name): return "the column '\(name)' is named twice; expected each column once"
        case .noMetricColumn(let header): return "no 'metric' column; header has \(header.joined(separator: ","))"
        case .noComputeColumns: return "no compute: expected a 'model', 'compute', or 'params' and 'tokens' column"
        case .noPromptColumns: return "no prompt length: expected an 'n_pmt' or 'shots' column"
        case .noContextColumn: return "no 'n_ctx' column (needed without a 'model' column)"
        case .noRulerColumns: return "expected columns model, n_ctx, n_pmt, accuracy"
        case .noRecords: return "no records after the header"
        case .emptyCell(let column): return "column '\(column)' is empty"
        case .noCompute: return "no compute for this record (empty 'model' and 'compute')"
        case .noPrompt: return "no prompt length (empty 'n_pmt' and 'shots')"
        case .notWhole(let column, let token): return "\(column) '\(token)' is not a whole number"
        case .outsideUnitInterval(let column, let token):
            // A score up to 100 is likely a percentage, which `--percent` reads.
            let percent = Double(token).map { $0 > 1 && $0 <= 100 } ?? false
            return "\(column) \(token) is outside [0, 1]" + (percent ? "; read a 0-100 scale with --percent" : "")
        case .shortRulerRow(let fields): return "\(fields) fields; expected model, n_ctx, n_pmt and accuracy"
        case .preset(let error): return error.description
        case .limitBelowNative(let limit, let model, let native):
            return "n_ctx \(Fmt.limit(limit)) is below \(model)'s native limit of \(Fmt.limit(native)); "
                + "expected a limit of at least that (a model is never shortened)"
        }
    }
}

extension DataFileError.QuoteMisuse {
    var text: String {
        switch self {
        case .afterClosingQuote: return "a quote after a quoted field's closing quote"
        case .insideUnquotedField: return "a quote inside an unquoted field"
        case .textAfterClosingQuote: return "text after a quoted field's closing quote"
        }
    }
}
