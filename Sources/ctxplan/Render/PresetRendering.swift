import ContextScaling
import Planner

extension PresetListing: Reporting {
    /// Each kind asked for: text its own table under its name, JSON the names, CSV one row per
    /// preset of every kind in one table (the columns other kinds use are empty).
    var report: Report {
        var report = Report()
        var all: [[ReportTable.Cell]] = []
        for kind in kinds {
            let table = PresetTable.table(kind, rows(kind), isCSV: false)
            all += table.rows
            report += [
                .line(.bold(kind.rawValue)),
                Field(kind.rawValue, table.values(of: "name")),
                Field(nil, .table(table), text: .inPlace),
            ]
        }
        return report + [Field(nil, .table(PresetTable.table(nil, all)))]
    }

    private func rows(_ kind: Kind) -> [[ReportTable.Cell]] {
        switch kind {
        case .tasks:
            return tasks.map {
                PresetTable.row(
                    kind: "task", name: $0.name, metric: $0.metric, law: $0.law.form.rawValue,
                    description: $0.description)
            }
        case .models:
            return models.enumerated().map { i, m in
                // The family named on its first row only: the groups read down the first column.
                let first = i == 0 || models[i - 1].family != m.family
                let n = m.resolved?.parameters ?? m.preset.countedParams
                return PresetTable.row(
                    kind: "model", family: first ? m.family : "", name: m.preset.name, nCtx: m.preset.nCtx,
                    parameters: n, tokens: m.preset.pretrainTokens, compute: m.resolved?.flops,
                    role: m.preset.role ?? "", aliases: m.preset.aliases ?? [])
            }
        case .hardware:
            return hardware.map {
                PresetTable.row(kind: "hardware", name: $0.name, peak: $0.peakFlopsPerSecond, aliases: $0.aliases ?? [])
            }
        }
    }
}

/// The presets listing's columns, one set for every kind: a kind's text table heads the
/// columns it uses, the CSV writes those marked for it.
private enum PresetTable {
    static func table(_ kind: PresetListing.Kind?, _ rows: [[ReportTable.Cell]], isCSV: Bool = true) -> ReportTable {
        func column(
            _ key: String, _ header: String, _ kinds: [PresetListing.Kind], inCSV: Bool = true, words: Bool = true
        )
            -> ReportTable.Column
        {
            .init(key: key, header: kind.map(kinds.contains) == true ? header : nil, inCSV: inCSV, isWords: words)
        }
        return ReportTable(
            columns: [
                column("kind", "kind", []),
                column("family", "family", [.models], inCSV: false),
                column("name", "name", [.tasks, .models, .hardware]),
                column("metric", "metric", [.tasks]),
                column("law", "law", [.tasks]),
                column("n_ctx", "n_ctx", [.models], words: false),
                column("params", "N", [.models], inCSV: false, words: false),
                column("tokens", "tokens", [.models], inCSV: false, words: false),
                column("compute", "compute (6ND)", [.models]),
                column("role", "role", [.models]),
                column("bf16_dense_flops_per_second", "BF16 dense FLOP/s", [.hardware], words: false),
                column("aliases", "also", [.hardware]),
                column("description", "description", [.tasks]),
            ], rows: rows, isCSV: isCSV)
    }

    /// One preset's cells, in the columns' order; those its kind does not use are empty.
    static func row(
        kind: String, family: String = "", name: String, metric: String? = nil, law: String? = nil, nCtx: Double? = nil,
        parameters: Double? = nil, tokens: Double? = nil, compute: Double? = nil, role: String? = nil,
        peak: Double? = nil, aliases: [String]? = nil, description: String? = nil
    ) -> [ReportTable.Cell] {
        let isModel = kind == "model"
        return [
            .init(.string(kind)),
            .init(.string(family)),
            .init(.string(name)),
            .init(metric.map(Value.string) ?? .null),
            .init(law.map(Value.string) ?? .null),
            .init(nCtx.map(Value.limit) ?? .null),
            .init(.count(parameters), text: StyledText(parameters.map(Quantities.formatCount) ?? "")),
            .init(.count(tokens), text: StyledText(tokens.map(Quantities.formatCount) ?? "-")),
            .init(
                isModel ? .flops(compute) : .null,
                text: StyledText(compute.map { Quantities.formatScientific($0) } ?? "needs --tokens")),
            .init(role.map(Value.string) ?? .null),
            .init(
                peak.map(Value.count) ?? .null,
                text: StyledText(peak.map { Quantities.formatScientific($0, digits: 4) } ?? "")),
            .init(
                aliases.map { .string($0.joined(separator: ";")) } ?? .null,
                text: StyledText((aliases ?? []).joined(separator: ", "))),
            .init(description.map(Value.string) ?? .null),
        ]
    }
}

extension PresetEntry: Reporting {
    var report: Report {
        switch self {
        case .task(let task): Self.report(task)
        case .model(let model, let preset): Self.report(model, preset)
        case .gpu(let gpu):
            Report([
                Field("gpu", .string(gpu.name), text: .field("gpu", StyledText(gpu.name))),
                Field(
                    "peak_flops_per_second", .count(gpu.peakFlopsPerSecond),
                    text: .field(
                        "peak",
                        StyledText(
                            Quantities.formatScientific(gpu.peakFlopsPerSecond, digits: 4) + " FLOP/s, BF16 dense"))),
                .text("source", StyledText(gpu.source ?? "")),
            ])
        }
    }

    private static func report(_ task: TaskPreset) -> Report {
        let tokens = { (value: Double) in Quantities.formatParameter(value) }
        var report = Report([
            Field("task", .string(task.name), text: .field("task", "\(task.name): \(task.description)")),
            .text("metric", StyledText(task.metric)),
            Field("law", .string(task.law.form.rawValue), text: .field("law", StyledText(task.law.form.rawValue))),
            Field(
                "params", .report(task.law.parameters),
                text: .field("parameters", StyledText(task.law.parametersDetail))),
            .text(
                "prompt",
                StyledText(
                    task.tokenLengths.map { "\(tokens($0.baseTokens)) + shots x \(tokens($0.shotTokens)) tokens" }
                        ?? "no token lengths for shots: answers in prompt tokens")),
        ])
        if let r = task.fitRange { report += .text("fit saw", StyledText(FitRangeText.text(r))) }
        if let e = task.paperErrors {
            report += .text(
                "paper's error", StyledText(String(format: "MAE %.3f; held out (Sec. 4.2) %.3f", e.mae, e.heldoutMAE)))
        }
        if !task.draws.isEmpty {
            // Said once here rather than on every answer: where the uncertainty comes from.
            let refits =
                task.paperErrors != nil
                ? "cluster-bootstrap refits of the bundled observations (Tables 8-10, whole models resampled)"
                : "bootstrap refits of the data it was fitted to"
            report += .text(
                "uncertainty",
                StyledText(
                    "\(task.draws.count) \(refits), centred on the parameters above (each draw shifted by their "
                        + "difference from the draws' median, in coordinates the data determine); prediction "
                        + "intervals add \(task.residuals.count) resampled residuals"
                        + (task.extrapolationPerDecade.map {
                            ", and past the largest compute the fit saw an error in the compute read of "
                                + Quantities.trimmed(String(format: "%.2f", $0))
                                + " decades a decade (from the forward backtest)"
                        } ?? "")))
        }
        return report + [.text("source", StyledText(task.source)), .text("file", StyledText(task.path))]
    }

    /// Text reads what the model is (N, D), then its limit, compute and shape; JSON keeps its order.
    private static func report(_ model: ResolvedModel?, _ preset: ModelPreset) -> Report {
        let name = model.map(Fmt.model) ?? preset.name
        let n = model?.parameters ?? preset.countedParams
        let counted = preset.architecture?.parameters
        let published = preset.publishedTotalParams.map { ", published \(Quantities.formatCount($0))" } ?? ""
        let aliases = preset.aliases ?? []
        let shape = preset.layers.flatMap { layers in
            preset.attentionWidth.map {
                Field.text("shape", "\(Int(layers)) layers, attention width \(Int($0))", rank: 1)
            }
        }
        return Report([
            Field("model", .string(name), text: .field("model", StyledText(name))),
            Field(
                "family", .string(preset.family), text: preset.family.map { .field("family", StyledText($0)) } ?? .none),
            Field("n_ctx", .limit(preset.nCtx), text: .field("n_ctx", StyledText(Fmt.limit(preset.nCtx))), textRank: 1),
            Field(
                "compute", .flops(model?.flops),
                text: model.map { .field("compute", StyledText(Fmt.flops($0.flops) + " (6ND)")) } ?? .none, textRank: 1),
            Field(
                "params", .count(n),
                text: n.map {
                    .field("N", StyledText(Quantities.formatCount($0) + " non-embedding parameters" + perToken(preset)))
                } ?? .none),
            Field(
                "pretrain_tokens", .count(preset.pretrainTokens),
                text: .field(
                    "D",
                    StyledText(
                        preset.pretrainTokens.map {
                            "\(Quantities.formatCount($0)) pre-training + "
                                + "\(Quantities.formatCount(preset.extensionTokens)) extension tokens"
                        } ?? "pre-training tokens not published: questions need --tokens D"))),
            shape ?? Field(nil, .null),
            Field(
                "total_params", .count(counted?.total),
                text: counted.map {
                    .field(
                        "total",
                        StyledText("\(Quantities.formatCount($0.total)) counted from the architecture\(published)"))
                } ?? .none, textRank: 1),
            Field("published_total_params", .count(preset.publishedTotalParams)),
            Field(
                "aliases", .json(.array(aliases.map(JSON.string))),
                text: aliases.isEmpty ? .none : .field("also", StyledText(aliases.joined(separator: ", "))), textRank: 1
            ),
            Field(
                "source", .string(preset.source),
                text: preset.architecture == nil
                    ? .none : preset.source.map { .field("source", StyledText($0)) } ?? .none,
                textRank: 1),
            .notes(model?.notes ?? [], rank: 1),
        ])
    }

    /// For a mixture of experts, that N counts the experts a token is routed to.
    static func perToken(_ preset: ModelPreset) -> String {
        guard let a = preset.architecture, let experts = a.experts, preset.nonEmbeddingParams == nil else { return "" }
        return " per token (\(Int(a.expertsPerToken ?? experts)) of \(Int(experts)) experts; "
            + "\(Quantities.formatCount(a.parameters.nonEmbedding)) in all)"
    }
}
