import Foundation
import Planner

extension ExtendAnswer: Rendering {
    var json: JSON {
        .object([
            ("task", .string(task.name)),
            ("model", .string(base.name)),
            ("n_pmt", .num(nPmt)),
            ("shots", shots.map(JSON.integer) ?? .null),
            ("recommended_nctx", .num(recommended.map { options[$0].nCtx })),
            ("target", .num(target)),
            ("within", .num(within)),
            ("reserve", .num(reserve)),
            ("prefill_flops", .num(prefillFlops)),
            ("attention_counting", .string(attentionCounting.rawValue)),
            (
                "options",
                .array(
                    options.map { o in
                        .object([
                            ("n_ctx", .num(o.nCtx)),
                            ("extension_tokens", .num(o.extensionTokens)),
                            ("extension_flops", .num(o.extensionFlops)),
                            ("extension_flops_with_attention", .num(o.extensionFlopsWithAttention)),
                            ("total_compute", .num(o.model.flops)),
                            ("score", .num(o.score)),
                            ("interval", o.interval.map(IntervalOptions.json) ?? .null),
                            ("fits", .bool(o.fits)),
                            ("gpu_hours", .num(o.budget?.gpuHours)),
                            ("days", .num(o.budget?.days)),
                            ("dollars", .num(o.budget?.dollars)),
                            ("verdict", .str(o.verdict?.text)),
                        ])
                    })
            ),
            ("alternative", alternative?.json ?? .null),
            ("notes", .notes(notes)),
        ])
    }

    /// One row per candidate limit; the recommended one has an empty verdict.
    var csv: CSV? {
        let header = [
            "n_ctx", "extension_tokens", "extension_flops", "extension_flops_with_attention", "total_compute",
            "score", "score_low", "score_high", "fits", "gpu_hours", "dollars", "recommended", "verdict_code",
            "verdict", "days",
        ]
        return CSV(
            header: header,
            rows: options.enumerated().map { i, o in
                [
                    .number(o.nCtx), .number(o.extensionTokens), .number(o.extensionFlops),
                    .number(o.extensionFlopsWithAttention), .number(o.model.flops), .number(o.score),
                    .number(o.interval?.low), .number(o.interval?.high),
                    .text(o.fits ? "true" : "false"), .number(o.budget?.gpuHours), .number(o.budget?.dollars),
                    .text(i == recommended ? "true" : "false"), .text(o.verdict?.code ?? ""),
                    .text(o.verdict?.text ?? ""), .number(o.budget?.days),
                ]
            })
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        block.line(
            "\(base.name) for \(task.name) at \(Fmt.prompt(nPmt, shots: shots))"
                + (reserve.map { " + \(Quantities.formatTokens($0)) reserved" } ?? ""))
        let withBudget = options.contains { $0.budget != nil }
        let withDollars = options.contains { $0.budget?.dollars != nil }
        let level = options.lazy.compactMap(\.interval).first.map { i in
            IntervalOptions.level(i) + (i.kind == .confidence ? " confidence" : "")
                + " interval"
        }
        var header = ["n_ctx", "ext. tokens", "ext. FLOPs", "score"]
        if let level { header.append(level) }
        if withBudget { header += ["GPU-hours", "days"] }
        if withDollars { header.append("dollars") }
        header.append("")
        let verdictColumn = header.count - 1
        block.table(
            header,
            options.enumerated().map { i, o in
                var row = [
                    Fmt.limit(o.nCtx) + (i == recommended ? " *" : ""), Fmt.number(o.extensionTokens),
                    o.extensionFlops > 0 ? Quantities.formatScientific(o.extensionFlops, digits: 3) : "0",
                    Fmt.score(o.score),
                ]
                if level != nil {
                    row.append(
                        o.interval.flatMap { i in
                            i.low.flatMap { low in i.high.map { "\(Fmt.score(low))..\(Fmt.score($0))" } }
                        }
                            ?? "")
                }
                if withBudget {
                    row += [o.budget.map { Fmt.number($0.gpuHours) } ?? "", o.budget.map { Fmt.number($0.days) } ?? ""]
                }
                if withDollars { row.append(o.budget?.dollars.map { "$" + Fmt.number($0) } ?? "") }
                row.append(o.verdict?.text ?? style.good("recommended"))
                return row
            }, words: [0, verdictColumn])
        if let r = recommended {
            let tolerance = Quantities.trimmed(String(format: "%.4f", within * 100))
            let why =
                target.map { "the cheapest limit reaching \(Fmt.score($0))" }
                ?? "the cheapest limit within \(tolerance)% of the best score"
            block.line("recommended: " + style.bold(Fmt.limit(options[r].nCtx)) + ", \(why)")
        }
        if let alternative {
            let chosen = recommended.map { (nCtx: options[$0].nCtx, score: options[$0].score) }
            block.line(alternative.extendLine(chosen: chosen, within: within, target: target, style: style))
        }
        if let gpus = options.lazy.compactMap({ $0.budget?.plan.gpus }).first {
            block.line("days: wall clock on " + Words.count(gpus, "GPU"))
        }
        if let prefill = prefillFlops {
            block.line(
                "prefill: \(Quantities.formatScientific(prefill, digits: 3)) FLOPs per query to read the prompt "
                    + "(2N n_pmt + causal attention)")
        }
        for note in notes { block.note(note, width: width) }
        return block.text
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
