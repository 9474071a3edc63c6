import Foundation
import Planner

extension Budget: Rendering {
    var json: JSON {
        .object([
            ("flops", .num(flops)),
            ("gpu", .string(plan.gpu.name)),
            ("peak_flops_per_second", .num(plan.gpu.peakFlopsPerSecond)),
            ("mfu", .num(plan.mfu)),
            ("gpus", .integer(plan.gpus)),
            ("gpu_hours", .num(gpuHours)),
            ("days", .num(days)),
            ("dollars", .num(dollars)),
        ])
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        block.field("compute", Fmt.flops(flops))
        fields(into: &block)
        return block.text
    }

    /// GPU-hours, wall clock and dollars, for answers that include a budget.
    func fields(into block: inout TextBlock) {
        let peak = Quantities.formatScientific(plan.gpu.peakFlopsPerSecond, digits: 4)
        let mfu = Quantities.trimmed(String(format: "%.3g", plan.mfu))
        block.field("GPU-hours", Fmt.number(gpuHours) + "  (\(plan.gpu.name), \(peak) FLOP/s peak, MFU \(mfu))")
        block.field("wall clock", Fmt.number(days) + " days on " + Words.count(plan.gpus, "GPU"))
        if let dollars {
            let price = String(format: "  at $%.2f per GPU-hour", plan.pricePerGPUHour ?? 0)
            block.field("cost", "$" + Fmt.number(dollars) + price)
        }
    }
}

extension ExtensionCost: Rendering {
    var json: JSON {
        var pairs: [(String, JSON)] = [
            ("model", .string(base.name)),
            ("n_ctx", .num(extended.nCtx)),
            ("steps", .num(recipe.steps)),
            ("batch", .num(recipe.batch)),
            ("extension_tokens", .num(extensionTokens)),
            ("extension_flops", .num(extensionFlops)),
            ("extension_flops_with_attention", .num(extensionFlopsWithAttention)),
            ("attention_counting", .string(attentionCounting.rawValue)),
            ("total_compute", .num(totalFlops)),
            ("fraction_of_pretraining", .num(fractionOfPretraining)),
        ]
        if let budget { pairs.append(("budget", budget.json)) }
        pairs.append(("notes", .notes(notes)))
        return .object(pairs)
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        block.line("\(base.name), \(Fmt.limit(base.nCtx)) -> \(Fmt.limit(extended.nCtx))")
        block.field(
            "extension tokens",
            "\(Fmt.number(extensionTokens))  (\(Fmt.number(recipe.steps)) steps x "
                + "\(Fmt.number(recipe.batch)) x \(Fmt.limit(extended.nCtx)))")
        block.field("extension FLOPs", Quantities.formatScientific(extensionFlops) + "  (6 N x extension tokens)")
        if let withAttention = extensionFlopsWithAttention {
            block.field(
                "  with attention",
                Quantities.formatScientific(withAttention)
                    + "  (\(attentionCounting.attribution): "
                    + "\(String(format: "%.1fx", withAttention / extensionFlops)) the 6ND count)")
        }
        block.field("total compute", Fmt.flops(totalFlops))
        block.field("of pre-training", Fmt.percent(fractionOfPretraining))
        budget?.fields(into: &block)
        for note in notes { block.note(note, width: width) }
        return block.text
    }
}
