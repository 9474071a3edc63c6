import ContextScaling
import Foundation
import Planner

extension ShotsAnswer: Rendering {
    var json: JSON {
        .object([
            ("task", .string(scenario.task.name)),
            ("model", .str(scenario.model.map(Fmt.model))),
            ("compute", .num(scenario.flops)),
            ("n_ctx", .num(scenario.nCtx)),
            ("best_shots", .integer(best.shots)),
            ("best_score", .num(best.score)),
            ("best_n_pmt", .num(best.promptTokens)),
            ("knee_shots", .integer(knee.shots)),
            ("knee_score", .num(knee.score)),
            ("knee_n_pmt", .num(knee.promptTokens)),
            ("within", .num(within)),
            ("reserve", .num(reserve)),
            ("max_shots", .integer(maxShots)),
            ("best_interval", bestInterval.map(IntervalOptions.json) ?? .null),
            ("knee_interval", kneeInterval.map(IntervalOptions.json) ?? .null),
            (
                "rows",
                .array(
                    rows.map {
                        .object([
                            ("shots", .integer($0.shots)), ("n_pmt", .num($0.promptTokens)), ("score", .num($0.score)),
                        ])
                    })
            ),
            ("notes", .notes(notes)),
        ])
    }

    /// One row per shot count, marked where it is the best or the knee.
    var csv: CSV? {
        CSV(
            header: ["shots", "n_pmt", "score", "mark"],
            rows: rows.map { row in
                [.integer(row.shots), .number(row.promptTokens), .number(row.score), .text(mark(row))]
            })
    }

    private func mark(_ row: ShotChoice) -> String {
        row.shots == best.shots ? "best" : (row.shots == knee.shots ? "knee" : "")
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        block.line(
            "\(scenario.task.name) on \(Fmt.setting(scenario))"
                + (reserve.map { ", \(Fmt.tokens($0)) reserved" } ?? ""))
        block.field(
            "best",
            style.bold(Words.count(best.shots, "shot"))
                + "  score \(Fmt.score(best.score)), \(Fmt.tokens(best.promptTokens))")
        let tolerance = Quantities.trimmed(String(format: "%.4f", within * 100))
        block.field(
            "knee",
            style.bold(Words.count(knee.shots, "shot"))
                + "  score \(Fmt.score(knee.score)), \(Fmt.tokens(knee.promptTokens)); within \(tolerance)% of the best"
        )
        if let i = bestInterval { block.field("  best", IntervalOptions.text(i, unit: " shots", Self.whole)) }
        if let i = kneeInterval { block.field("  knee", IntervalOptions.text(i, unit: " shots", Self.whole)) }
        var previous: Double?
        block.table(
            ["shots", "n_pmt", "score", "gain"],
            rows.map { row in
                defer { previous = row.score }
                let mark = mark(row)
                return [
                    String(row.shots) + (mark.isEmpty ? "" : " " + mark), Quantities.formatTokens(row.promptTokens),
                    Fmt.score(row.score), previous.map { String(format: "%+.4f", row.score - $0) } ?? "",
                ]
            })
        for note in notes { block.note(note, width: width) }
        return block.text
    }

    private static func whole(_ value: Double) -> String { "\(Int(value.rounded()))" }
}

extension ContextForAnswer: Rendering {
    var json: JSON {
        var pairs: [(String, JSON)] = [
            ("task", .string(scenario.task.name)), ("target", .num(target)),
            ("compute", .num(scenario.flops)), ("n_ctx", .num(scenario.nCtx)),
        ]
        switch solution {
        case .reached(let choice, let threshold):
            pairs += [
                ("reachable", .bool(true)), ("shots", .integer(choice.shots)),
                ("n_pmt", .num(choice.promptTokens)), ("score", .num(choice.score)),
                ("threshold_n_pmt", .num(threshold)),
            ]
        case .unreachable(let best):
            pairs += [
                ("reachable", .bool(false)), ("shots", .null), ("n_pmt", .null),
                ("best_shots", .integer(best.shots)), ("best_score", .num(best.score)),
                ("reason", .str(reasonText)),
            ]
        }
        pairs.append(("interval", interval.map(IntervalOptions.json) ?? .null))
        pairs.append(("notes", .notes(notes)))
        return .object(pairs)
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        let at = "\(scenario.task.name) on \(Fmt.setting(scenario))"
        switch solution {
        case .reached(let choice, let threshold):
            block.field(
                "shots",
                style.bold("\(choice.shots)") + "  (\(Fmt.tokens(choice.promptTokens))) reach "
                    + "\(Fmt.score(target)) on \(at): predicted \(String(format: "%.4f", choice.score))")
            if let threshold {
                block.field(
                    "threshold",
                    "the score crosses \(Fmt.score(target)) at "
                        + Words.count(threshold, Quantities.formatTokens(threshold), "prompt token"))
            } else {
                block.field("threshold", "none: a prompt of a single token already reaches \(Fmt.score(target))")
            }
            if let i = interval { block.field("", IntervalOptions.text(i, unit: " shots") { "\(Int($0.rounded()))" }) }
        case .unreachable(let best):
            block.line(style.bad("not reachable") + ": \(Fmt.score(target)) on \(at)")
            block.field("  why", reasonText ?? "")
            block.field("  best", Words.count(best.shots, "shot") + ", score \(Fmt.score(best.score))")
        }
        for note in notes { block.note(note, width: width) }
        return block.text
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
