/// A table written as CSV (RFC 4180): a header row, one record per row, fields separated by
/// commas, records ended by CRLF. A field holding a comma, a quote or a line break is quoted,
/// its quotes doubled. Numbers are written in full precision (the shortest text that reads back
/// to the same double); a number that is not finite, or absent, is an empty field, never "nan".
struct CSV: Equatable {
    enum Field: Equatable {
        case text(String)
        case number(Double?)
        case integer(Int)

        /// An empty field.
        static let empty = Field.text("")
    }

    var header: [String]
    var rows: [[Field]]

    init(header: [String], rows: [[Field]]) {
        self.header = header
        self.rows = rows
    }

    var text: String {
        let records = [header.map(CSV.quoted)] + rows.map { $0.map(CSV.written) }
        return records.map { $0.joined(separator: ",") + "\r\n" }.joined()
    }

    private static func written(_ field: Field) -> String {
        switch field {
        case .text(let s): return quoted(s)
        case .integer(let v): return String(v)
        case .number(let v):
            guard let v, v.isFinite else { return "" }
            // Whole numbers without ".0", as the JSON writer does; others in Swift's shortest
            // round-trip form.
            if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
            return "\(v)"
        }
    }

    /// The field as written: quoted when it holds a comma, a quote or a line break, or starts
    /// or ends with a space (which some readers trim).
    static func quoted(_ s: String) -> String {
        let special = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard special || s.first == " " || s.last == " " else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
