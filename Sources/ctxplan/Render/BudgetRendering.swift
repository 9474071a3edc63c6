import Foundation
import Planner

extension Budget: Reporting {
    var report: Report {
        Report([Field("flops", .flops(flops), text: .field("compute", StyledText(Fmt.flops(flops))))]) + fields
    }

    /// The budget inside another answer (its `budget` object): GPU-hours, wall clock and dollars,
    /// without the compute the answer states itself.
    var nested: Report { Report([Field("flops", .flops(flops))]) + fields }

    private var fields: [Field] {
        let peak = Quantities.formatScientific(plan.gpu.peakFlopsPerSecond, digits: 4)
        let mfu = Quantities.trimmed(String(format: "%.3g", plan.mfu))
        let price = String(format: "  at $%.2f per GPU-hour", plan.pricePerGPUHour ?? 0)
        return [
            Field("gpu", .string(plan.gpu.name)),
            Field("peak_flops_per_second", .count(plan.gpu.peakFlopsPerSecond)),
            Field("mfu", .count(plan.mfu)),
            Field("gpus", .integer(plan.gpus)),
            Field(
                "gpu_hours", .count(gpuHours),
                text: .field(
                    "GPU-hours", "\(Fmt.number(gpuHours))  (\(plan.gpu.name), \(peak) FLOP/s peak, MFU \(mfu))"),
                column: Column("GPU-hours", key: "gpu_hours")),
            Field(
                "days", .count(days),
                text: .field("wall clock", "\(Fmt.number(days)) days on \(Words.count(plan.gpus, "GPU"))"),
                column: Column("days", key: "days")),
            Field(
                "dollars", .count(dollars),
                text: dollars.map { .field("cost", "$\(Fmt.number($0))\(price)") } ?? .none,
                column: dollars.map { Column("dollars", key: "dollars", text: "$" + Fmt.number($0)) }),
        ]
    }
}

extension ExtensionCost: Reporting {
    var report: Report {
        let attention = extensionFlopsWithAttention.map { withAttention in
            TextForm.field(
                "  with attention",
                "\(Quantities.formatScientific(withAttention))  (\(attentionCounting.attribution): "
                    + "\(String(format: "%.1fx", withAttention / extensionFlops)) the 6ND count)")
        }
        return Report(
            [
                Field(
                    nil, .limit(base.nCtx),
                    text: .line("\(base.name), \(Fmt.limit(base.nCtx)) -> \(Fmt.limit(extended.nCtx))"),
                    column: Column("from", key: "base_n_ctx")),
                Field("model", .string(base.name)),
                Field("n_ctx", .limit(extended.nCtx), column: Column("to")),
                Field("steps", .count(recipe.steps)),
                Field("batch", .count(recipe.batch)),
                Field(
                    "extension_tokens", .count(extensionTokens),
                    text: .field(
                        "extension tokens",
                        "\(Fmt.number(extensionTokens))  (\(Fmt.number(recipe.steps)) steps x "
                            + "\(Fmt.number(recipe.batch)) x \(Fmt.limit(extended.nCtx)))"),
                    column: Column("ext. tokens")),
                Field(
                    "extension_flops", .flops(extensionFlops),
                    text: .field(
                        "extension FLOPs", "\(Quantities.formatScientific(extensionFlops))  (6 N x extension tokens)"),
                    column: Column("ext. FLOPs")),
                Field("extension_flops_with_attention", .flops(extensionFlopsWithAttention), text: attention ?? .none),
                Field("attention_counting", .string(attentionCounting.rawValue)),
                Field(
                    "total_compute", .flops(totalFlops),
                    text: .field("total compute", StyledText(Fmt.flops(totalFlops))), column: Column("total compute")),
                Field(
                    "fraction_of_pretraining", .count(fractionOfPretraining),
                    text: .field("of pre-training", StyledText(Fmt.percent(fractionOfPretraining))),
                    column: Column("of pre-training", text: Fmt.percent(fractionOfPretraining))),
            ] + (budget.map { [Field("budget", .report($0.nested), text: .inPlace)] } ?? []) + [.notes(notes)])
    }
}
