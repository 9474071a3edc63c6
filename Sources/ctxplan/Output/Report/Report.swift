import Planner

/// An answer described once: its fields in order, from which each format in Formats/ writes its
/// own output (text, JSON, CSV, scenario columns). JSON keeps the fields' order; text and
/// scenario columns may place a field elsewhere (`textRank`, `columnRank`) where their layout
/// reads best, so that every format stays as it was before the answers were described once.
struct Report {
    var fields: [Field]

    init(_ fields: [Field] = []) { self.fields = fields }

    static func + (lhs: Report, rhs: [Field]) -> Report { Report(lhs.fields + rhs) }
    static func += (lhs: inout Report, rhs: [Field]) { lhs.fields += rhs }
    static func += (lhs: inout Report, rhs: Field) { lhs.fields.append(rhs) }

    /// The same report for JSON alone: an answer inside another whose text is its own.
    var jsonOnly: Report {
        Report(
            fields.map { field in
                var field = field
                field.text = .none
                return field
            })
    }
}

/// One thing an answer says: under a JSON key (nil: text only), as text (a labelled field, a
/// line, its nested report or table in place, or nothing), and as a scenario column.
struct Field {
    var key: String?
    var value: Value
    var text: TextForm
    var column: Column?
    /// Where text shows the field: by rank, then in report order (0 unless the text layout
    /// differs from the JSON order).
    var textRank: Int
    /// Where a scenario table shows the field's column, likewise.
    var columnRank: Int

    init(
        _ key: String?, _ value: Value, text: TextForm = .none, column: Column? = nil, textRank: Int = 0,
        columnRank: Int = 0
    ) {
        self.key = key
        self.value = value
        self.text = text
        self.column = column
        self.textRank = textRank
        self.columnRank = columnRank
    }

    /// A text-only "label   value" line.
    static func text(_ label: String, _ text: StyledText, rank: Int = 0) -> Field {
        Field(nil, .null, text: .field(label, text), textRank: rank)
    }

    /// A text-only line whose layout is its own.
    static func line(_ text: StyledText, rank: Int = 0) -> Field {
        Field(nil, .null, text: .line(text), textRank: rank)
    }

    /// The answer's notes: JSON `notes`, text "note: ..." lines wrapped to the terminal.
    static func notes(_ notes: [any NoteRendering], rank: Int = 0) -> Field {
        Field("notes", .notes(notes), text: .inPlace, textRank: rank)
    }
}

/// How the text output shows a field.
enum TextForm {
    case none
    /// "label   text", labels aligned with the neighbouring fields'.
    case field(String, StyledText)
    case line(StyledText)
    /// A nested report's text, a table, or notes, where the field stands.
    case inPlace
}

/// A field as one column of a scenario table (Formats/ScenarioColumns.swift).
struct Column {
    /// The text table's header.
    var header: String
    /// The CSV header and what matches the column across rows; nil: the field's key path.
    var key: String?
    /// The cell's text, where it is not the value's own cell text.
    var text: String?
    /// The ends of the value's interval ("80% low", "80% high"), as two more columns.
    var interval: Interval?

    init(_ header: String, key: String? = nil, text: String? = nil, interval: Interval? = nil) {
        self.header = header
        self.key = key
        self.text = text
        self.interval = interval
    }
}

/// A table: JSON an array of objects under the field's key, CSV its rows, text aligned columns.
struct ReportTable {
    struct Column {
        /// The JSON and CSV key.
        var key: String
        /// The text header; nil: not in the text table.
        var header: String?
        var inJSON = true
        var inCSV = true
        /// Left-aligned in text (words); numbers are right-aligned.
        var isWords = false
        /// Where CSV places the column: by rank, then in order (0 unless CSV's order differs).
        var csvRank = 0
    }

    /// One value of a row, with its text where that is not the value's own cell text.
    struct Cell {
        var value: Value
        var text: StyledText

        init(_ value: Value, text: StyledText? = nil) {
            self.value = value
            self.text = text ?? StyledText(value.cell)
        }
    }

    var columns: [Column]
    var rows: [[Cell]]
    /// Whether the table is the answer's CSV form.
    var isCSV = true
}
