import Planner

/// One of an answer's main columns, as a row of a scenario table shows it.
struct ScenarioColumn {
    /// The CSV header, and what matches the column across rows: the answer's JSON key path for
    /// the same value where it has one.
    var key: String
    /// The text table's header.
    var header: String
    var text: String
    /// What CSV writes.
    var value: Value
    /// Words, left-aligned in the text table (numbers are right-aligned).
    var isWords = false
}

/// A report's scenario columns: each field with a `column`, by `columnRank`, then in order,
/// nested reports' columns after their field's. A column's key is the field's key path
/// (`factors.compute`) unless the column names its own.
enum ScenarioColumns {
    static func columns(_ report: Report) -> [ScenarioColumn] { columns(report, under: nil) }

    private static func columns(_ report: Report, under path: String?) -> [ScenarioColumn] {
        let ordered = report.fields.enumerated().sorted {
            ($0.element.columnRank, $0.offset) < ($1.element.columnRank, $1.offset)
        }
        var columns: [ScenarioColumn] = []
        for (_, field) in ordered {
            let key = field.key.map { name in (path.map { $0 + "." } ?? "") + name }
            if let column = field.column {
                let name = column.key ?? key ?? column.header
                columns.append(
                    ScenarioColumn(
                        key: name, header: column.header, text: column.text ?? field.value.cell, value: field.value,
                        isWords: field.value.isWords))
                if let interval = column.interval { columns += ends(interval, name, like: field.value) }
            }
            if case .report(let nested) = field.value { columns += self.columns(nested, under: key) }
        }
        return columns
    }

    /// The ends of a value's interval, "80% low" and "80% high" (keys `score_low`, `score_high`
    /// or `compute_low`, `compute_high`), written as the value is.
    private static func ends(_ interval: Interval, _ key: String, like value: Value) -> [ScenarioColumn] {
        let level = IntervalOptions.level(interval)
        func end(_ suffix: String, _ bound: Double?) -> ScenarioColumn {
            let end: Value
            switch value {
            case .flops: end = .flops(bound)
            default: end = .score(bound)
            }
            // A compute end among outcomes that never reach the target is "never" (an empty field).
            let never = bound == nil && { if case .flops = value { true } else { false } }()
            return ScenarioColumn(
                key: key + "_" + suffix, header: level + " " + suffix, text: never ? "never" : end.cell, value: end)
        }
        return [end("low", interval.low), end("high", interval.high)]
    }
}
