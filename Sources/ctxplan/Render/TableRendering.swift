import Foundation
import Planner

extension ShotTable: Reporting {
    /// The law against the paper's scores, one row per shot count; `observed` is empty (text
    /// "-") where the paper has no score.
    var report: Report {
        let count = rows.filter { $0.observed != nil }.count
        return Report([
            .line(
                StyledText(
                    "\(scenario.task.name) on \(scenario.model.map(Fmt.model) ?? "") at \(Fmt.limit(scenario.nCtx)), "
                        + Fmt.flops(scenario.flops))),
            Field("task", .string(scenario.task.name)),
            Field("model", .string(scenario.model.map(Fmt.model))),
            Field("n_ctx", .limit(scenario.nCtx)),
            Field("compute", .flops(scenario.flops)),
            Field("rows", .table(table), text: .inPlace),
            Field(
                "mae", .score(meanAbsoluteError),
                text: .line(
                    StyledText(
                        meanAbsoluteError.map {
                            "mean absolute error \(Fmt.score($0)) over \(Words.count(count, "observation"))"
                        }
                            ?? "no bundled observations for this model and limit"))),
            .notes(notes),
        ])
    }

    private var table: ReportTable {
        ReportTable(
            columns: [
                .init(key: "shots", header: "shots", isWords: true),
                .init(key: "n_pmt", header: "n_pmt"),
                .init(key: "predicted", header: "predicted"),
                .init(key: "observed", header: "observed"),
                .init(key: "error", header: "error", inJSON: false, inCSV: false),
            ],
            rows: rows.map { row in
                [
                    .init(.integer(row.shots)), .init(.tokens(row.nPmt)), .init(.score(row.predicted)),
                    .init(.score(row.observed), text: StyledText(row.observed.map(Fmt.score) ?? "-")),
                    .init(
                        .null, text: StyledText(row.observed.map { String(format: "%+.3f", $0 - row.predicted) } ?? "-")
                    ),
                ]
            })
    }
}
