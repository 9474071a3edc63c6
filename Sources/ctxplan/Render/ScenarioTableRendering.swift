import Planner

/// An answer that can be one row of a scenario table: its main columns (the fields of its
/// report that have a `column`) and its notes. Its JSON object is the row's `answer`, whole.
protocol ScenarioRow: Reporting {
    var notes: [PlanningNote] { get }
}

extension Prediction: ScenarioRow {}
extension ComputeForAnswer: ScenarioRow {}
extension ExtensionCost: ScenarioRow {}
extension ShotsAnswer: ScenarioRow {}
extension ContextForAnswer: ScenarioRow {}
extension ExtendAnswer: ScenarioRow {}

/// One answer per combination of the listed inputs (`--model a,b --nctx 8k,32k`): a column per
/// listed input, then the answers' main columns. The same renderer serves every command.
struct ScenarioTable: Reporting {
    struct Row {
        /// The value of each listed input, in the order of `inputs`.
        var values: [ScenarioValue]
        var answer: any ScenarioRow
    }

    /// The listed inputs, in the order given.
    var inputs: [ScenarioInput]
    var rows: [Row]

    /// JSON: the inputs and each row's inputs and whole answer; text and CSV: the table of the
    /// answers' main columns, and each note once.
    var report: Report {
        let reports = rows.map(\.answer.report)
        return Report([
            Field("inputs", .json(.array(inputs.map { .string($0.key) }))),
            Field(
                "rows",
                .reports(
                    zip(rows, reports).map { row, report in
                        Report([
                            Field(
                                "inputs",
                                .report(Report(zip(inputs, row.values).map { Field($0.key, Self.value($1, $0)) }))),
                            Field("answer", .report(report)),
                        ])
                    })),
            Field(nil, .table(table(reports.map(ScenarioColumns.columns))), text: .inPlace),
            Field(nil, .notes(groupedNotes()), text: .inPlace),
        ])
    }

    /// The answers' columns, in the order they first appear, without those repeating a listed
    /// input (a listed `--nctx` is the answer's `n_ctx`); a row without a column has it empty.
    private func table(_ answers: [[ScenarioColumn]]) -> ReportTable {
        var seen = Set(inputs.compactMap(\.answerKey))
        var keys: [ScenarioColumn] = []
        for columns in answers {
            for column in columns where seen.insert(column.key).inserted { keys.append(column) }
        }
        let columns =
            inputs.map { ReportTable.Column(key: $0.key, header: $0.key, inJSON: false, isWords: $0 == .model) }
            + keys.map { ReportTable.Column(key: $0.key, header: $0.header, inJSON: false, isWords: $0.isWords) }
        let cells = zip(rows, answers).map { row, answer in
            zip(inputs, row.values).map { ReportTable.Cell(Self.value($1, $0)) }
                + keys.map { key in
                    answer.first { $0.key == key.key }.map { ReportTable.Cell($0.value, text: StyledText($0.text)) }
                        ?? ReportTable.Cell(.null)
                }
        }
        return ReportTable(columns: columns, rows: cells)
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
                return input.key + " " + Self.value(value, input).cell
            }
        }
        return which.map { i in
            zip(inputs, rows[i].values).map { $0.key + " " + Self.value($1, $0).cell }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// A listed input's value: compute in FLOPs, a limit in k = 1024.
    private static func value(_ value: ScenarioValue, _ input: ScenarioInput) -> Value {
        switch value {
        case .name(let name): .string(name)
        case .whole(let k): .integer(k)
        case .number(let v): input == .compute ? .flops(v) : .limit(v)
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
