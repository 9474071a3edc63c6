import Foundation
import Planner

extension ExtendAnswer: Reporting {
    var report: Report {
        let pick = recommended.map { options[$0] }
        var report = Report([
            .line(
                StyledText(
                    "\(base.name) for \(task.name) at \(Fmt.prompt(nPmt, shots: shots))"
                        + (reserve.map { " + \(Quantities.formatTokens($0)) reserved" } ?? ""))),
            Field("task", .string(task.name)),
            Field("model", .string(base.name)),
            Field("n_pmt", .tokens(nPmt), column: Column("n_pmt"), columnRank: 1),
            Field("shots", .integer(shots)),
            Field(
                "recommended_nctx", .limit(pick?.nCtx),
                text: pick.map { .line("recommended: " + .bold(Fmt.limit($0.nCtx)) + ", " + why) } ?? .none,
                column: Column("recommended", text: pick.map { Fmt.limit($0.nCtx) } ?? "none"), textRank: 2),
            // The recommended limit's score and cost, as scenario columns.
            Field(nil, .score(pick?.score), column: Column("score", key: "score")),
            Field(nil, .count(pick?.extensionTokens), column: Column("ext. tokens", key: "extension_tokens")),
            Field(nil, .flops(pick?.extensionFlops), column: Column("ext. FLOPs", key: "extension_flops")),
            Field(nil, pick?.budget.map { .report($0.nested) } ?? .null, columnRank: 2),
            Field("target", .score(target)),
            Field("within", .count(within)),
            Field("reserve", .tokens(reserve)),
            Field(
                "prefill_flops", .flops(prefillFlops),
                text: prefillFlops.map {
                    .line(
                        StyledText(
                            "prefill: \(Quantities.formatScientific($0, digits: 3)) FLOPs per query to read the prompt "
                                + "(2N n_pmt + causal attention)"))
                } ?? .none, textRank: 5),
            Field("attention_counting", .string(attentionCounting.rawValue)),
            Field("options", .table(table), text: .inPlace, textRank: 1),
        ])
        let chosen = pick.map { (nCtx: $0.nCtx, score: $0.score) }
        report += Field(
            "alternative", alternative.map { .report($0.report) } ?? .null,
            text: alternative.map { .line($0.extendLine(chosen: chosen, within: within, target: target)) } ?? .none,
            textRank: 3)
        if let gpus = options.lazy.compactMap({ $0.budget?.plan.gpus }).first {
            report += .line(StyledText("days: wall clock on " + Words.count(gpus, "GPU")), rank: 4)
        }
        return report + [.notes(notes, rank: 6)]
    }

    /// Why the recommended limit is recommended.
    private var why: String {
        let tolerance = Quantities.trimmed(String(format: "%.4f", within * 100))
        return target.map { "the cheapest limit reaching \(Fmt.score($0))" }
            ?? "the cheapest limit within \(tolerance)% of the best score"
    }

    /// One row per candidate limit; the recommended one has an empty verdict. Text shows the
    /// interval, GPU-hours, days and dollars only where some limit has them.
    private var table: ReportTable {
        let withBudget = options.contains { $0.budget != nil }
        let withDollars = options.contains { $0.budget?.dollars != nil }
        let level = options.lazy.compactMap(\.interval).first.map { i in
            IntervalOptions.level(i) + (i.kind == .confidence ? " confidence" : "") + " interval"
        }
        typealias Column = ReportTable.Column
        let columns = [
            Column(key: "n_ctx", header: "n_ctx", isWords: true),
            Column(key: "extension_tokens", header: "ext. tokens"),
            Column(key: "extension_flops", header: "ext. FLOPs"),
            Column(key: "extension_flops_with_attention", header: nil),
            Column(key: "total_compute", header: nil),
            Column(key: "score", header: "score"),
            Column(key: "interval", header: level, inCSV: false),
            Column(key: "score_low", header: nil, inJSON: false),
            Column(key: "score_high", header: nil, inJSON: false),
            Column(key: "fits", header: nil),
            Column(key: "gpu_hours", header: withBudget ? "GPU-hours" : nil),
            Column(key: "days", header: withBudget ? "days" : nil, csvRank: 1),
            Column(key: "dollars", header: withDollars ? "dollars" : nil),
            Column(key: "recommended", header: nil, inJSON: false),
            Column(key: "verdict_code", header: nil, inJSON: false),
            Column(key: "verdict", header: "", isWords: true),
        ]
        let rows = options.enumerated().map { i, o -> [ReportTable.Cell] in
            let range = o.interval.flatMap { i in
                i.low.flatMap { low in i.high.map { "\(Fmt.score(low))..\(Fmt.score($0))" } }
            }
            return [
                .init(.limit(o.nCtx), text: StyledText(Fmt.limit(o.nCtx) + (i == recommended ? " *" : ""))),
                .init(.count(o.extensionTokens)),
                .init(
                    .flops(o.extensionFlops),
                    text: StyledText(
                        o.extensionFlops > 0 ? Quantities.formatScientific(o.extensionFlops, digits: 3) : "0")),
                .init(.flops(o.extensionFlopsWithAttention)),
                .init(.flops(o.model.flops)),
                .init(.score(o.score)),
                .init(.interval(o.interval), text: StyledText(range ?? "")),
                .init(.score(o.interval?.low)),
                .init(.score(o.interval?.high)),
                .init(.bool(o.fits)),
                .init(.count(o.budget?.gpuHours)),
                .init(.count(o.budget?.days)),
                .init(
                    .count(o.budget?.dollars), text: StyledText(o.budget?.dollars.map { "$" + Fmt.number($0) } ?? "")),
                .init(.bool(i == recommended)),
                .init(.string(o.verdict?.code ?? "")),
                .init(.string(o.verdict?.text), text: o.verdict.map { StyledText($0.text) } ?? .good("recommended")),
            ]
        }
        return ReportTable(columns: columns, rows: rows)
    }
}

extension ExtendVerdict {
    /// Why a candidate is not the recommendation, in words.
    var text: String {
        switch self {
        case .promptOverLimit(let over):
            return "the penalty binds: the prompt is \(Fmt.tokens(over)) over the limit"
        case .reserveDoesNotFit(let reserve):
            return "the prompt fits, but not with the \(Quantities.formatTokens(reserve))-token reserve"
        case .belowTarget(let score): return "scores \(Fmt.score(score)), below the target"
        case .shortOfRecommendation(let score): return "scores \(Fmt.score(score)), short of the recommendation"
        case .noGainForCost(let gain, let ratio?):
            return String(format: "no gain for the cost: %+.3f for %.1fx the extension FLOPs", gain, ratio)
        case .noGainForCost(let gain, nil):
            // The recommendation needs no extension: any extension is all cost.
            return String(format: "no gain for the cost: %+.3f for an extension the recommendation does not need", gain)
        case .scores(let score): return "scores \(Fmt.score(score))"
        }
    }
}
