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
        var header: [String] = []
        var rows: [Row] = []
        try CSVScanner.scan(text: text, file: file) { header = $0 } body: { record in
            rows.append(Row(line: record.line, fields: (0..<record.count).map(record.string)))
        }
        self.header = header
        self.rows = rows
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
