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
                        .text("model"), .text(m.preset.name), .empty, .empty, .number(m.resolved.nCtx),
                        .number(m.resolved.flops), .text(m.preset.role ?? ""), .empty,
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
                block.table(
                    ["name", "n_ctx", "compute (6ND)", "role"],
                    models.map {
                        [
                            $0.preset.name, Fmt.limit($0.resolved.nCtx), Quantities.formatScientific($0.resolved.flops),
                            $0.preset.role ?? "",
                        ]
                    }, words: [0, 3])
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
        case .model(let model):
            return .object([
                ("model", .string(Fmt.model(model))), ("n_ctx", .num(model.nCtx)), ("compute", .num(model.flops)),
                ("params", .num(model.parameters)), ("notes", .notes(model.notes)),
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
                        + "intervals add \(task.residuals.count) resampled residuals")
            }
            block.field("source", task.source)
            block.field("file", task.path)
        case .model(let model):
            block.field("model", Fmt.model(model))
            block.field("N", Quantities.formatCount(model.parameters) + " non-embedding parameters")
            block.field(
                "D",
                "\(Quantities.formatCount(model.pretrainTokens)) pre-training + "
                    + "\(Quantities.formatCount(model.extensionTokens)) extension tokens")
            block.field("n_ctx", Fmt.limit(model.nCtx))
            block.field("compute", Fmt.flops(model.flops) + " (6ND)")
            if let layers = model.layers, let width = model.attentionWidth {
                block.field("shape", "\(Int(layers)) layers, attention width \(Int(width))")
            }
            for note in model.notes { block.note(note, width: width) }
        case .gpu(let gpu):
            block.field("gpu", gpu.name)
            block.field("peak", Quantities.formatScientific(gpu.peakFlopsPerSecond, digits: 4) + " FLOP/s, BF16 dense")
            block.field("source", gpu.source ?? "")
        }
        return block.text
    }
}
