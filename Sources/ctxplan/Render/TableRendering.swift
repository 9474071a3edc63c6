import Foundation
import Planner

extension ShotTable: Rendering {
    var json: JSON {
        .object([
            ("task", .string(scenario.task.name)),
            ("model", .str(scenario.model.map(Fmt.model))),
            ("n_ctx", .num(scenario.nCtx)),
            ("compute", .num(scenario.flops)),
            (
                "rows",
                .array(
                    rows.map { row in
                        .object([
                            ("shots", .integer(row.shots)), ("n_pmt", .num(row.nPmt)),
                            ("predicted", .num(row.predicted)), ("observed", .num(row.observed)),
                        ])
                    })
            ),
            ("mae", .num(meanAbsoluteError)),
            ("notes", .notes(notes)),
        ])
    }

    /// One row per shot count; `observed` is empty where the paper has no score.
    var csv: CSV? {
        CSV(
            header: ["shots", "n_pmt", "predicted", "observed"],
            rows: rows.map { row in
                [.integer(row.shots), .number(row.nPmt), .number(row.predicted), .number(row.observed)]
            })
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        block.line(
            "\(scenario.task.name) on \(scenario.model.map(Fmt.model) ?? "") at \(Fmt.limit(scenario.nCtx)), "
                + Fmt.flops(scenario.flops))
        block.table(
            ["shots", "n_pmt", "predicted", "observed", "error"],
            rows.map { row in
                [
                    String(row.shots), Quantities.formatTokens(row.nPmt), Fmt.score(row.predicted),
                    row.observed.map(Fmt.score) ?? "-",
                    row.observed.map { String(format: "%+.3f", $0 - row.predicted) } ?? "-",
                ]
            })
        if let mae = meanAbsoluteError {
            let count = rows.filter { $0.observed != nil }.count
            block.line("mean absolute error \(Fmt.score(mae)) over \(Words.count(count, "observation"))")
        } else {
            block.line("no bundled observations for this model and limit")
        }
        for note in notes { block.note(note, width: width) }
        return block.text
    }
}
