import Planner

/// An answer that can be one row of a scenario table: its main columns and its notes. Its
/// JSON object is the row's `answer`, whole.
protocol ScenarioRow: Rendering {
    var keyColumns: [ScenarioColumn] { get }
    var notes: [PlanningNote] { get }
}

extension ScenarioRow where Self: Reporting {
    /// The report's columns (Formats/ScenarioColumns.swift).
    var keyColumns: [ScenarioColumn] { ScenarioColumns.columns(report) }
}

/// One answer per combination of the listed inputs (`--model a,b --nctx 8k,32k`): a column per
/// listed input, then the answers' main columns. The same renderer serves every command.
struct ScenarioTable: Rendering {
    struct Row {
        /// The value of each listed input, in the order of `inputs`.
        var values: [ScenarioValue]
        var answer: any ScenarioRow
    }

    /// The listed inputs, in the order given.
    var inputs: [ScenarioInput]
    var rows: [Row]

    /// The answers' columns, in the order they first appear, without those repeating a listed
    /// input (a listed `--nctx` is the answer's `n_ctx`).
    private var answerKeys: [(key: String, header: String, isWords: Bool)] {
        var seen = Set(inputs.compactMap(\.answerKey))
        var keys: [(String, String, Bool)] = []
        for row in rows {
            for column in row.answer.keyColumns where seen.insert(column.key).inserted {
                keys.append((column.key, column.header, column.isWords))
            }
        }
        return keys
    }

    private func cells(_ row: Row, _ keys: [String]) -> [ScenarioColumn?] {
        let columns = row.answer.keyColumns
        return keys.map { key in columns.first { $0.key == key } }
    }

    var json: JSON {
        .object([
            ("inputs", .array(inputs.map { .string($0.key) })),
            (
                "rows",
                .array(
                    rows.map { row in
                        .object([
                            ("inputs", .object(zip(inputs, row.values).map { ($0.key, Self.json($1)) })),
                            ("answer", row.answer.json),
                        ])
                    })
            ),
        ])
    }

    var csv: CSV? {
        let keys = answerKeys.map(\.key)
        return CSV(
            header: inputs.map(\.key) + keys,
            rows: rows.map { row in row.values.map(Self.field) + cells(row, keys).map { $0?.field ?? .empty } })
    }

    func text(style: Style, width: Int?) -> String {
        let keys = answerKeys
        var block = TextBlock(style)
        let words = Set(inputs.indices.filter { inputs[$0] == .model })
            .union(keys.indices.filter { keys[$0].isWords }.map { $0 + inputs.count })
        block.table(
            inputs.map(\.key) + keys.map(\.header),
            rows.map { row in
                zip(inputs, row.values).map { Self.text($1, $0) } + cells(row, keys.map(\.key)).map { $0?.text ?? "" }
            },
            words: words)
        for note in groupedNotes() { block.note(note, width: width) }
        return block.text
    }

    /// Each note once: bare when every row has it, else led by the scenarios that have it.
    private func groupedNotes() -> [ScenarioNote] {
        var notes: [(note: PlanningNote, rows: [Int])] = []
        for (index, row) in rows.enumerated() {
            for note in row.answer.notes {
                if let k = notes.firstIndex(where: { $0.note.text == note.text }) {
                    notes[k].rows.append(index)
                } else {
                    notes.append((note, [index]))
                }
            }
        }
        return notes.map { note, which in
            guard which.count < rows.count else { return ScenarioNote(code: note.code, text: note.text) }
            return ScenarioNote(code: note.code, text: label(which) + ": " + note.text)
        }
    }

    /// The scenarios `which` (row indices, ascending) in words: "n_ctx 8k" when they are all the
    /// rows with that value, else each row's inputs ("model llama-2-7b, n_ctx 8k; ...").
    private func label(_ which: [Int]) -> String {
        for (k, input) in inputs.enumerated() {
            let value = rows[which[0]].values[k]
            if rows.indices.filter({ rows[$0].values[k] == value }) == which {
                return input.key + " " + Self.text(value, input)
            }
        }
        return which.map { i in
            zip(inputs, rows[i].values).map { $0.key + " " + Self.text($1, $0) }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    private static func text(_ value: ScenarioValue, _ input: ScenarioInput) -> String {
        switch value {
        case .name(let name): return name
        case .whole(let k): return String(k)
        case .number(let v): return input == .compute ? Quantities.formatScientific(v) : Fmt.limit(v)
        }
    }

    private static func json(_ value: ScenarioValue) -> JSON {
        switch value {
        case .name(let name): return .string(name)
        case .whole(let k): return .integer(k)
        case .number(let v): return .num(v)
        }
    }

    private static func field(_ value: ScenarioValue) -> CSV.Field {
        switch value {
        case .name(let name): return .text(name)
        case .whole(let k): return .integer(k)
        case .number(let v): return .number(v)
        }
    }
}

/// A note under a scenario table, led by the scenarios it belongs to.
private struct ScenarioNote: NoteRendering {
    var code: String
    var text: String
}

extension ScenarioInput {
    /// The key under which an answer repeats the input, if it does.
    var answerKey: String? {
        switch self {
        case .model: nil
        case .compute: "compute"
        case .nctx: "n_ctx"
        case .shots: "shots"
        case .promptTokens: "n_pmt"
        }
    }
}
