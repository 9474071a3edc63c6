import ContextScaling
import Planner

extension PresetListing: Rendering {
    var json: JSON {
        .object(
            kinds.map { kind in
                switch kind {
                case .tasks: return ("tasks", .array(tasks.map { .string($0.name) }))
                case .models: return ("models", .array(models.map { .string($0.preset.name) }))
                case .hardware: return ("hardware", .array(hardware.map { .string($0.name) }))
                }
            })
    }

    /// One row per preset, its kind first; the columns other kinds use are empty.
    var csv: CSV? {
        let header = [
            "kind", "name", "metric", "law", "n_ctx", "compute", "role", "bf16_dense_flops_per_second",
            "aliases", "description",
        ]
        var rows: [[CSV.Field]] = []
        for kind in kinds {
            switch kind {
            case .tasks:
                rows += tasks.map {
                    [
                        .text("task"), .text($0.name), .text($0.metric), .text($0.law.form.rawValue),
                        .empty, .empty, .empty, .empty, .empty, .text($0.description),
                    ]
                }
            case .models:
                rows += models.map { m -> [CSV.Field] in
                    [
                        .text("model"), .text(m.preset.name), .empty, .empty, .number(m.preset.nCtx),
                        m.resolved.map { .number($0.flops) } ?? .empty, .text(m.preset.role ?? ""), .empty,
                        .text((m.preset.aliases ?? []).joined(separator: ";")), .empty,
                    ]
                }
            case .hardware:
                rows += hardware.map {
                    [
                        .text("hardware"), .text($0.name), .empty, .empty, .empty, .empty, .empty,
                        .number($0.peakFlopsPerSecond),
                        .text(($0.aliases ?? []).joined(separator: ";")), .empty,
                    ]
                }
            }
        }
        return CSV(header: header, rows: rows)
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        for kind in kinds {
            switch kind {
            case .tasks:
                block.line(style.bold("tasks"))
                block.table(
                    ["name", "metric", "law", "description"],
                    tasks.map {
                        [$0.name, $0.metric, $0.law.form.rawValue, $0.description]
                    }, words: [0, 1, 2, 3])
            case .models:
                block.line(style.bold("models"))
                // The family named on its first row only: the groups read down the first column.
                let rows = models.enumerated().map { i, m -> [String] in
                    let first = i == 0 || models[i - 1].family != m.family
                    let n = m.resolved?.parameters ?? m.preset.countedParams
                    return [
                        first ? m.family : "", m.preset.name, Fmt.limit(m.preset.nCtx),
                        n.map(Quantities.formatCount) ?? "", m.preset.pretrainTokens.map(Quantities.formatCount) ?? "-",
                        m.resolved.map { Quantities.formatScientific($0.flops) } ?? "needs --tokens", m.preset.role ?? "",
                    ]
                }
                block.table(["family", "name", "n_ctx", "N", "tokens", "compute (6ND)", "role"], rows, words: [0, 1, 5, 6])
            case .hardware:
                block.line(style.bold("hardware"))
                block.table(
                    ["name", "BF16 dense FLOP/s", "also"],
                    hardware.map {
                        [
                            $0.name, Quantities.formatScientific($0.peakFlopsPerSecond, digits: 4),
                            ($0.aliases ?? []).joined(separator: ", "),
                        ]
                    }, words: [0, 2])
            }
        }
        return block.text
    }
}

extension PresetEntry: Rendering {
    var json: JSON {
        switch self {
        case .task(let task):
            return .object([
                ("task", .string(task.name)), ("law", .string(task.law.form.rawValue)),
                ("params", task.law.parametersJSON),
            ])
        case .model(let model, let preset):
            let counted = preset.architecture?.parameters
            return .object([
                ("model", .string(model.map(Fmt.model) ?? preset.name)), ("family", .str(preset.family)),
                ("n_ctx", .num(preset.nCtx)), ("compute", .num(model?.flops)),
                ("params", .num(model?.parameters ?? preset.countedParams)),
                ("pretrain_tokens", .num(preset.pretrainTokens)),
                ("total_params", .num(counted?.total)), ("published_total_params", .num(preset.publishedTotalParams)),
                ("aliases", .array((preset.aliases ?? []).map(JSON.string))), ("source", .str(preset.source)),
                ("notes", .notes(model?.notes ?? [])),
            ])
        case .gpu(let gpu):
            return .object([("gpu", .string(gpu.name)), ("peak_flops_per_second", .num(gpu.peakFlopsPerSecond))])
        }
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        switch self {
        case .task(let task):
            block.field("task", "\(task.name): \(task.description)")
            block.field("metric", task.metric)
            block.field("law", task.law.form.rawValue)
            block.field("parameters", task.law.parametersDetail)
            if let layout = task.tokenLengths {
                block.field("prompt", "\(layout.baseTokens) + shots x \(layout.shotTokens) tokens")
            } else {
                block.field("prompt", "no token lengths for shots: answers in prompt tokens")
            }
            if let r = task.fitRange { block.field("fit saw", FitRangeText.text(r)) }
            if let e = task.paperErrors {
                block.field("paper's error", String(format: "MAE %.3f; held out (Sec. 4.2) %.3f", e.mae, e.heldoutMAE))
            }
            if !task.draws.isEmpty {
                // Said once here rather than on every answer: where the uncertainty comes from.
                let refits =
                    task.paperErrors != nil
                    ? "cluster-bootstrap refits of the bundled observations (Tables 8-10, whole models resampled)"
                    : "bootstrap refits of the data it was fitted to"
                block.field(
                    "uncertainty",
                    "\(task.draws.count) \(refits), centred on the parameters above (each draw shifted by their "
                        + "difference from the draws' median, in coordinates the data determine); prediction "
                        + "intervals add \(task.residuals.count) resampled residuals"
                        + (task.extrapolationPerDecade.map {
                            ", and past the largest compute the fit saw an error in the compute read of "
                                + Quantities.trimmed(String(format: "%.2f", $0))
                                + " decades a decade (from the forward backtest)"
                        } ?? ""))
            }
            block.field("source", task.source)
            block.field("file", task.path)
        case .model(let model, let preset):
            block.field("model", model.map(Fmt.model) ?? preset.name)
            if let family = preset.family { block.field("family", family) }
            if let n = model?.parameters ?? preset.countedParams {
                block.field("N", Quantities.formatCount(n) + " non-embedding parameters" + Self.perToken(preset))
            }
            if let tokens = preset.pretrainTokens {
                block.field(
                    "D",
                    "\(Quantities.formatCount(tokens)) pre-training + "
                        + "\(Quantities.formatCount(preset.extensionTokens)) extension tokens")
            } else {
                block.field("D", "pre-training tokens not published: questions need --tokens D")
            }
            block.field("n_ctx", Fmt.limit(preset.nCtx))
            if let model { block.field("compute", Fmt.flops(model.flops) + " (6ND)") }
            if let layers = preset.layers, let width = preset.attentionWidth {
                block.field("shape", "\(Int(layers)) layers, attention width \(Int(width))")
            }
            if let counted = preset.architecture?.parameters {
                let published = preset.publishedTotalParams.map { ", published \(Quantities.formatCount($0))" } ?? ""
                block.field("total", "\(Quantities.formatCount(counted.total)) counted from the architecture\(published)")
            }
            if let aliases = preset.aliases, !aliases.isEmpty { block.field("also", aliases.joined(separator: ", ")) }
            if preset.architecture != nil, let source = preset.source { block.field("source", source) }
            for note in model?.notes ?? [] { block.note(note, width: width) }
        case .gpu(let gpu):
            block.field("gpu", gpu.name)
            block.field("peak", Quantities.formatScientific(gpu.peakFlopsPerSecond, digits: 4) + " FLOP/s, BF16 dense")
            block.field("source", gpu.source ?? "")
        }
        return block.text
    }
}

extension PresetEntry {
    /// For a mixture of experts, that N counts the experts a token is routed to.
    static func perToken(_ preset: ModelPreset) -> String {
        guard let a = preset.architecture, let experts = a.experts, preset.nonEmbeddingParams == nil else { return "" }
        return " per token (\(Int(a.expertsPerToken ?? experts)) of \(Int(experts)) experts; "
            + "\(Quantities.formatCount(a.parameters.nonEmbedding)) in all)"
    }
}
