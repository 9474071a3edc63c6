import ContextScaling
import Foundation
import Planner

extension ShotsAnswer: Reporting {
    var report: Report {
        let tolerance = Quantities.trimmed(String(format: "%.4f", within * 100))
        let withPrefill = rows.contains { prefillFlops($0) != nil }
        let bestText =
            "  score \(Fmt.score(best.score))" + (interval.map { " " + IntervalOptions.text($0, Fmt.score) } ?? "")
            + ", \(Fmt.tokens(best.promptTokens))"
        let kneeText =
            "  score \(Fmt.score(knee.score)), \(Fmt.tokens(knee.promptTokens)); within \(tolerance)% of the best"
        let head = Report([
            .line(
                StyledText(
                    "\(scenario.task.name) on \(Fmt.setting(scenario))"
                        + (reserve.map { ", \(Fmt.tokens($0)) reserved" } ?? ""))),
            Field("task", .string(scenario.task.name)),
            Field("model", .string(scenario.model.map(Fmt.model))),
            Field("compute", .flops(scenario.flops), column: Column("compute"), columnRank: 1),
            Field("n_ctx", .limit(scenario.nCtx), column: Column("n_ctx"), columnRank: 1),
        ])
        return head + choice("best", best, bestInterval, bestText) + choice("knee", knee, kneeInterval, kneeText) + [
            Field("best_prefill_flops", .flops(prefillFlops(best))),
            Field("knee_prefill_flops", .flops(prefillFlops(knee))),
            Field("within", .count(within)),
            Field("reserve", .tokens(reserve)),
            Field("max_shots", .integer(maxShots)),
            Field("interval", .interval(interval)),
            Field("best_interval", .interval(bestInterval)),
            Field("knee_interval", .interval(kneeInterval)),
            Field("rows", .table(table(withPrefill: withPrefill)), text: .inPlace),
        ]
            // Prefill: what reading the prompt costs every query, beside what its shots buy.
            + (withPrefill
                ? [.line("prefill: forward FLOPs per query to read the prompt (2N n_pmt + causal attention)")] : [])
            + [.notes(notes)]
    }

    /// The best or the knee shot count (`name`), its score and prompt: text "best  31 shots (80%
    /// confidence: 16..25)" and `detail`.
    private func choice(_ name: String, _ choice: ShotChoice, _ range: Interval?, _ detail: String) -> [Field] {
        [
            Field(
                name + "_shots", .integer(choice.shots),
                text: .field(name, .bold(Words.count(choice.shots, "shot")) + Self.range(range) + detail),
                column: Column(name)),
            Field(name + "_score", .score(choice.score), column: Column("score")),
            Field(name + "_n_pmt", .tokens(choice.promptTokens), column: Column("n_pmt")),
        ]
    }

    /// One row per shot count, marked where it is the best or the knee; text adds the gain over
    /// the row before.
    private func table(withPrefill: Bool) -> ReportTable {
        var previous: Double?
        let rows = rows.map { row -> [ReportTable.Cell] in
            defer { previous = row.score }
            let mark = mark(row)
            let prefill = prefillFlops(row)
            return [
                .init(.integer(row.shots), text: StyledText(String(row.shots) + (mark.isEmpty ? "" : " " + mark))),
                .init(.tokens(row.promptTokens)),
                .init(.score(row.score)),
                .init(.string(mark)),
                .init(.null, text: StyledText(previous.map { String(format: "%+.4f", row.score - $0) } ?? "")),
                .init(
                    .flops(prefill), text: StyledText(prefill.map { Quantities.formatScientific($0, digits: 3) } ?? "")),
            ]
        }
        return ReportTable(
            columns: [
                .init(key: "shots", header: "shots", isWords: true),
                .init(key: "n_pmt", header: "n_pmt"),
                .init(key: "score", header: "score"),
                .init(key: "mark", header: nil, inJSON: false),
                .init(key: "gain", header: "gain", inJSON: false, inCSV: false),
                .init(key: "prefill_flops", header: withPrefill ? "prefill" : nil),
            ], rows: rows)
    }

    private func mark(_ row: ShotChoice) -> String {
        row.shots == best.shots ? "best" : (row.shots == knee.shots ? "knee" : "")
    }

    private static func whole(_ value: Double) -> String { "\(Int(value.rounded()))" }

    /// " (80% confidence: 16..25)" after a shot count, or nothing.
    private static func range(_ interval: Interval?) -> String {
        interval.map { " " + IntervalOptions.text($0, whole) } ?? ""
    }
}

extension ContextForAnswer: Reporting {
    /// The fewest shots that reach the target and what they score; when none do, why, and the
    /// best shot count. Scenario columns leave the shots empty when none reach the target.
    var report: Report {
        let at = "\(scenario.task.name) on \(Fmt.setting(scenario))"
        var report = Report([
            Field("task", .string(scenario.task.name)),
            Field("target", .score(target)),
            Field("compute", .flops(scenario.flops), column: Column("compute"), columnRank: 1),
            Field("n_ctx", .limit(scenario.nCtx), column: Column("n_ctx"), columnRank: 1),
        ])
        switch solution {
        case .reached(let choice, let threshold):
            let thresholdText =
                threshold.map {
                    "the score crosses \(Fmt.score(target)) at "
                        + Words.count($0, Quantities.formatTokens($0), "prompt token")
                } ?? "none: a prompt of a single token already reaches \(Fmt.score(target))"
            report += [
                Field("reachable", .bool(true), column: Column("reached")),
                Field(
                    "shots", .integer(choice.shots),
                    text: .field(
                        "shots",
                        .bold("\(choice.shots)")
                            + (interval.map { " " + IntervalOptions.text($0) { "\(Int($0.rounded()))" } } ?? "")
                            + "  (\(Fmt.tokens(choice.promptTokens))) reach "
                            + "\(Fmt.score(target)) on \(at): predicted \(String(format: "%.4f", choice.score))"),
                    column: Column("shots")),
                Field("n_pmt", .tokens(choice.promptTokens), column: Column("n_pmt")),
                Field("score", .score(choice.score), column: Column("score")),
                Field("threshold_n_pmt", .tokens(threshold), text: .field("threshold", StyledText(thresholdText))),
            ]
        case .unreachable(let best):
            report += [
                .line(.bad("not reachable") + ": \(Fmt.score(target)) on \(at)"),
                Field("reachable", .bool(false), column: Column("reached")),
                Field("shots", .integer(nil), column: Column("shots")),
                Field("n_pmt", .tokens(nil), column: Column("n_pmt")),
                Field(nil, .score(nil), column: Column("score", key: "score")),
                Field(
                    "best_shots", .integer(best.shots),
                    text: .field(
                        "  best", StyledText(Words.count(best.shots, "shot") + ", score \(Fmt.score(best.score))")),
                    textRank: 1),
                Field("best_score", .score(best.score)),
                Field("reason", .string(reasonText), text: .field("  why", StyledText(reasonText ?? ""))),
            ]
        }
        return report + [Field("interval", .interval(interval)), .notes(notes, rank: 2)]
    }

    /// Why no shot count reaches the target, in words.
    var reasonText: String? {
        switch reason {
        case .computeCaps(let factor, let flops)?:
            return "compute caps the score: its factor is \(Fmt.score(factor)) at \(Fmt.flops(flops)), "
                + "so no prompt can reach \(Fmt.score(target)); ask compute-for"
        case .limitCuts(let best, let limit)?:
            return "the best prompt that works at the \(Fmt.limit(limit)) limit, \(Words.count(best.shots, "shot")), "
                + "scores \(Fmt.score(best.score)); longer prompts are cut by the limit"
        case nil:
            return nil
        }
    }
}
