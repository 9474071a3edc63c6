/// A small CSV reader for evaluation results: header row, quoted fields with "" escapes (and
/// line breaks), LF or CRLF line ends, blank lines skipped, an optional UTF-8 byte-order mark.
/// Malformed text is rejected with its line: a quote never closed, a quote inside an unquoted
/// field or after a closing one, a row with more values than the header has columns.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number in the file, for messages.
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var rows: [Row]

    /// Parses `text`; `file` names it in messages.
    public init(text: String, file: String) throws {
        var lines: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        // Whether the current field was quoted and its closing quote seen: only a separator or a
        // line end may follow.
        var closedQuote = false
        var chars = text.unicodeScalars[...]
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var iterator = chars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingWhitespace.isEmpty) {
                lines.append((recordLine, fields))
            }
            field = ""
            fields = []
            closedQuote = false
        }
        func malformed(_ misuse: DataFileError.QuoteMisuse) -> DataFileError {
            DataFileError(file: file, line: line, .misplacedQuote(misuse))
        }
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        closedQuote = true
                        pending = next
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                if closedQuote { throw malformed(.afterClosingQuote) }
                guard field.trimmingWhitespace.isEmpty else { throw malformed(.insideUnquotedField) }
                field = ""
                inQuotes = true
            case ",":
                fields.append(field)
                field = ""
                closedQuote = false
            case "\r": continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if closedQuote && c != " " && c != "\t" { throw malformed(.textAfterClosingQuote) }
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw DataFileError(file: file, line: recordLine, .quoteNeverClosed) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = lines.first else {
            throw DataFileError(file: file, .empty)
        }
        header = first.1.map { $0.trimmingWhitespace.lowercased() }
        let width = header.count
        // Extra empty fields (a trailing comma) are harmless; extra values belong to no column.
        let overlong = lines.dropFirst().first { $0.1.dropFirst(width).contains { !$0.trimmingWhitespace.isEmpty } }
        if let long = overlong {
            throw DataFileError(file: file, line: long.0, .tooManyFields(count: long.1.count, columns: width))
        }
        rows = lines.dropFirst().map { Row(line: $0.0, fields: $0.1.map(\.trimmingWhitespace)) }
    }

    /// The index of the first of `names` present in the header.
    public func column(_ names: String...) -> Int? {
        for name in names { if let i = header.firstIndex(of: name) { return i } }
        return nil
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
