import ContextScaling
import Planner

/// A value with its kind and unit: what JSON writes, what a table cell shows, what CSV writes.
indirect enum Value {
    case score(Double?)
    case flops(Double?)
    /// A token count ("4.02K").
    case tokens(Double?)
    /// A context limit, k = 1024 ("8k").
    case limit(Double?)
    /// Any other number, in the number style ("2.92K", "0.119").
    case count(Double?)
    case integer(Int?)
    case string(String?)
    case bool(Bool?)
    case interval(Interval?)
    case notes([any NoteRendering])
    /// A JSON object: an answer inside another.
    case report(Report)
    /// A JSON array of objects.
    case reports([Report])
    case table(ReportTable)
    /// A JSON value that is no answer's own (a scenario's inputs).
    case json(JSON)
    case null

    var json: JSON {
        switch self {
        case .score(let v), .flops(let v), .tokens(let v), .limit(let v), .count(let v): .num(v)
        case .integer(let v): v.map(JSON.integer) ?? .null
        case .string(let v): .str(v)
        case .bool(let v): v.map(JSON.bool) ?? .null
        case .interval(let v): v.map(IntervalOptions.json) ?? .null
        case .notes(let notes): .array(notes.map { JSON.note(code: $0.code, text: $0.text) })
        case .report(let report): JSONFormat.json(report)
        case .reports(let reports): .array(reports.map(JSONFormat.json))
        case .table(let table): JSONFormat.json(table)
        case .json(let json): json
        case .null: .null
        }
    }

    /// The value in a table cell: figures without their unit's word; empty where absent.
    var cell: String {
        switch self {
        case .score(let v): v.map(Fmt.score) ?? ""
        case .flops(let v): v.map { $0 > 0 ? Quantities.formatScientific($0) : "0" } ?? ""
        case .tokens(let v): v.map(Quantities.formatTokens) ?? ""
        case .limit(let v): v.map(Fmt.limit) ?? ""
        case .count(let v): v.map(Fmt.number) ?? ""
        case .integer(let v): v.map(String.init) ?? ""
        case .string(let v): v ?? ""
        case .bool(let v): v.map { $0 ? "yes" : "no" } ?? ""
        case .interval, .notes, .report, .reports, .table, .json, .null: ""
        }
    }

    /// The value as a CSV field: numbers in full precision, a boolean "true" or "false".
    var csv: CSV.Field {
        switch self {
        case .score(let v), .flops(let v), .tokens(let v), .limit(let v), .count(let v): .number(v)
        case .integer(let v): v.map(CSV.Field.integer) ?? .empty
        case .string(let v): .text(v ?? "")
        case .bool(let v): v.map { .text($0 ? "true" : "false") } ?? .empty
        case .interval, .notes, .report, .reports, .table, .json, .null: .empty
        }
    }

    /// Words, left-aligned in a text table.
    var isWords: Bool {
        switch self {
        case .string, .bool: true
        default: false
        }
    }
}
