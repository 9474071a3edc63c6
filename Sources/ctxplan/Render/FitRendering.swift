import ContextScaling
import Foundation
import Planner

/// A fit, where it was saved as a task preset (nil when it was not), and, for `--law auto`,
/// the comparison that chose its law.
struct FitAnswer: Reporting {
    var fit: FitReport
    var saved: String?
    var choice: Comparison?

    init(report: FitReport, saved: String?, choice: Comparison? = nil) {
        self.fit = report
        self.saved = saved
        self.choice = choice
    }

    /// Text reads, by `textRank`: what was fitted (0), why this law (1), its parameters (2), how
    /// well (3: errors, 4: AIC / BIC), the data's range (5), the bootstrap (6), then the residual
    /// tables, the warnings and where it was saved (7); JSON keeps the fields' order.
    var report: Report {
        let r = fit
        let res = r.result
        let worst = res.largestResidualIndex
        let g = r.groupMeans
        let ms = String(format: "%.0f", r.seconds * 1000)
        // A single 0/1 row's residual is no measure of the law, so text leaves it out then.
        let origin = URL(fileURLWithPath: r.records[worst].origin).lastPathComponent
        let largest = TextForm.field(
            "largest residual", StyledText(String(format: "%+.4f", res.residuals[worst]) + " at \(origin)"))
        let byModel = ResidualTable.table("model", r.byModel)
        let byPrompt = ResidualTable.table("prompt", r.byPrompt)
        var report = Report([
            .line("\(r.taskName): \(res.law.form.rawValue) law fitted to \(res.n) records in \(ms) ms"),
            Field("task", .string(r.taskName)),
            Field("law", .string(res.law.form.rawValue)),
            Field(
                "params", .report(res.law.parameters), text: .field("parameters", StyledText(res.law.parametersText)),
                textRank: 2),
            Field("mae", .count(res.mae), text: g == nil ? Self.decimals("MAE", res.mae) : .none, textRank: 3),
            Field("rmse", .count(res.rmse), text: g == nil ? Self.decimals("RMSE", res.rmse) : .none, textRank: 3),
            Field("max_residual", .count(res.residuals[worst]), text: g == nil ? largest : .none, textRank: 3),
            Field("max_residual_at", .string(r.records[worst].origin)),
            Field("n", .integer(res.n)),
            Field(
                "aic", .count(res.aic),
                text: .field("AIC / BIC", StyledText(String(format: "%.1f / %.1f", res.aic, res.bic))), textRank: 4),
            Field("bic", .count(res.bic)),
            Field(
                "range", .report(r.range.report), text: .field("data", StyledText(FitRangeText.text(r.range))),
                textRank: 5),
            Field(
                "group_means", g.map { .report(Self.groupMeans($0)) } ?? .null, text: g == nil ? .none : .inPlace,
                textRank: 3),
            Field("by_model", .report(byModel.keyed(by: "name", value: "mae"))),
            Field("by_prompt", .report(byPrompt.keyed(by: "name", value: "mae"))),
            .line(
                StyledText(
                    g == nil ? "mean absolute residual by model:" : "mean absolute error of group means by model:"),
                rank: 7),
            Field(nil, .table(byModel.inTextOnly), text: .inPlace, textRank: 7),
            .line("by prompt:", rank: 7),
            Field(nil, .table(byPrompt.inTextOnly), text: .inPlace, textRank: 7),
            // CSV: the two residual tables in one; its `table` column says which.
            Field(nil, .table(byModel + byPrompt)),
            Field("warnings", .notes(r.warnings), text: .inPlace, textRank: 7),
            Field("seconds", .count(r.seconds)),
            Field("evaluations", .integer(res.evaluations)),
        ])
        if let b = r.bootstrap {
            report += Field("bootstrap", .report(Self.bootstrap(b, draws: r.draws.count)), text: .inPlace, textRank: 6)
        }
        if let choice {
            report += Field(
                "choice", .report(Self.choice(choice)),
                text: .field("chosen by", StyledText(Comparison.choiceText(choice))),
                textRank: 1)
        }
        return report + [
            Field(
                "saved", .string(saved),
                text: saved.map { .line("saved task preset \($0); use it with --task \(Fit.taskArgument($0))") }
                    ?? .none,
                textRank: 7)
        ]
    }

    /// "label   0.0123": an error to four decimals.
    static func decimals(_ label: String, _ value: Double) -> TextForm {
        .field(label, StyledText(String(format: "%.4f", value)))
    }

    /// Per-instance rows' errors, measured on the means of their groups.
    private static func groupMeans(_ g: GroupMeanErrors) -> Report {
        Report([
            Field("groups", .integer(g.groups)),
            Field(
                "mae", .count(g.mae),
                text: .field(
                    "MAE",
                    StyledText(
                        String(format: "%.4f", g.mae) + " on the means of \(Words.count(g.groups, "group")) "
                            + "(model, limit, prompt bin) of per-instance 0/1 rows"))),
            Field("rmse", .count(g.rmse), text: decimals("RMSE", g.rmse)),
            Field(
                "standard_error", .count(g.standardError),
                text: .field(
                    "sampling error",
                    StyledText(String(format: "%.4f", g.standardError) + " (binomial, of a group mean)"))),
        ])
    }

    private static func bootstrap(_ b: BootstrapSummary, draws: Int) -> Report {
        let intervals = b.intervals.map { parameter, low, high in
            // A parameter every draw holds at one value, up to rounding: a scale set by
            // convention (Cc, nc on their ridge), a coefficient at its bound, a pinned floor.
            let held = DrawStatistics.sameUpToRounding(low, high) ? "\(Quantities.formatParameter(high)) in every draw" : nil
            return Field(
                parameter.name, .json(.array([.num(low), .num(high)])),
                text: .field(
                    "  " + parameter.name,
                    StyledText(held ?? "\(Quantities.formatParameter(low)) .. \(Quantities.formatParameter(high))")))
        }
        // A pair with a side set by convention has no correlation: JSON null, no text line.
        let correlations = b.correlations.map { name, value in
            Field(
                name, .count(value),
                text: value.map { .field("  corr " + name, StyledText(String(format: "%+.2f", $0))) } ?? .none)
        }
        return Report([
            Field("draws", .integer(draws), text: .line("bootstrap: \(draws) resamples, \(Int(b.level))% intervals")),
            Field("level", .count(b.level)),
            Field("intervals", .report(Report(intervals)), text: .inPlace),
            Field("correlations", .report(Report(correlations)), text: .inPlace),
            Field(
                nil,
                .notes(
                    b.computeParametersMoveTogether
                        ? [BootstrapNote.computeParametersMoveTogether(ccVaries: b.ccVaries)]
                        : []),
                text: .inPlace),
        ])
    }

    private static func choice(_ c: Comparison) -> Report {
        Report([
            Field("reason", .string(c.reason.rawValue)),
            Field("cv_mae", .report(Report(c.entries.map { Field($0.form.rawValue, .count($0.cvMAE)) }))),
        ])
    }
}

/// What the bootstrap says of the parameters, under its intervals.
private enum BootstrapNote: NoteRendering {
    /// `ccVaries`: whether the draws move Cc at all (they hold it at the data's middle compute
    /// unless a bound forbids it).
    case computeParametersMoveTogether(ccVaries: Bool)

    var code: String { "compute_parameters_move_together" }
    var text: String {
        switch self {
        case .computeParametersMoveTogether(let ccVaries):
            (ccVaries ? "A, Cc and alpha" : "A and alpha") + " move together across resamples: the data fixes "
                + "A (C/Cc)^alpha, not each parameter, so read their intervals together"
        }
    }
}

/// A fit's mean absolute residual per model or per prompt: text and CSV a table, JSON an object
/// from each group's name to its error.
private enum ResidualTable {
    static func table(_ kind: String, _ groups: [(FitGroup, Double, Int)]) -> ReportTable {
        ReportTable(
            columns: [
                .init(key: "table", header: nil, isWords: true),
                .init(key: "name", header: kind, isWords: true),
                .init(key: "mae", header: "MAE"),
                .init(key: "n", header: "n"),
            ],
            rows: groups.map { group, mae, n in
                [
                    .init(.string(kind)), .init(.string(group.label)),
                    .init(.count(mae), text: StyledText(String(format: "%.4f", mae))), .init(.integer(n)),
                ]
            })
    }
}

extension ReportTable {
    /// One table's rows after another's, in the first's columns.
    static func + (lhs: ReportTable, rhs: ReportTable) -> ReportTable {
        ReportTable(columns: lhs.columns, rows: lhs.rows + rhs.rows, isCSV: lhs.isCSV)
    }

    /// The table in text alone, where the answer's CSV is another table.
    var inTextOnly: ReportTable {
        var table = self
        table.isCSV = false
        return table
    }
}

extension FitRange {
    /// The inputs a fit saw, each end by name.
    var report: Report {
        Report([
            Field("compute_min", .count(computeMin)), Field("compute_max", .count(computeMax)),
            Field("n_ctx_min", .count(nCtxMin)), Field("n_ctx_max", .count(nCtxMax)),
            Field("n_pmt_min", .count(nPmtMin)), Field("n_pmt_max", .count(nPmtMax)),
        ])
    }
}

/// "C 1.5e22..1.5e23, n_ctx 4k..128k, n_pmt 16..130K": the inputs a fit saw, as fit and show say.
enum FitRangeText {
    static func text(_ r: FitRange) -> String {
        let f = { Quantities.formatScientific($0, digits: 3) }
        return "C \(f(r.computeMin))..\(f(r.computeMax)), n_ctx \(Fmt.limit(r.nCtxMin))..\(Fmt.limit(r.nCtxMax)), "
            + "n_pmt \(Quantities.formatTokens(r.nPmtMin))..\(Quantities.formatTokens(r.nPmtMax))"
    }
}

extension Validation: Reporting {
    var report: Report {
        let law = fit.result.law
        let level = backtests.first?.level ?? forward?.level
        var report = Report([
            .line(
                "\(fit.taskName): \(law.form.rawValue) law fitted on prompts up to "
                    + "\(Quantities.formatTokens(threshold)) tokens"),
            Field("task", .string(fit.taskName)),
            Field("law", .string(law.form.rawValue)),
            Field("params", .report(law.parameters), text: .field("parameters", StyledText(law.parametersText))),
            Field(
                "mae", .count(fit.result.mae),
                text: .field(
                    "MAE, fitted", StyledText(String(format: "%.4f over %d records", fit.result.mae, fit.result.n)))),
            Field("n", .integer(fit.result.n)),
            Field(
                "heldout_mae", .count(heldOutMAE),
                text: heldOutSkipped
                    ? .none
                    : .field(
                        "MAE, held out",
                        StyledText(String(format: "%.4f over %d records", heldOutMAE ?? 0, heldOut.observationCount)))),
            Field("n_heldout", .integer(heldOut.observationCount)),
            Field("holdout_above", .count(threshold)),
        ])
        if heldOutSkipped {
            report += Field(
                "heldout_skipped", .string(Self.noLongPrompt(threshold)),
                text: .field("MAE, held out", StyledText("skipped: " + Self.noLongPrompt(threshold))))
        }
        if let level {
            report += [
                .line("backtests: \(Fmt.level(level)) prediction intervals"),
                Field(nil, .table(backtestTable), text: .inPlace),
            ]
            if forward == nil {
                report += .line(
                    "forward backtest skipped: \(sizes) model sizes or compute levels; it needs "
                        + "\(ForwardBacktest.minimumSizes) (fit the smaller, predict the next)")
            }
        }
        if !backtests.isEmpty || forward != nil {
            report += [Field("backtests", .report(backtestTable.keyed(by: "split"))), Field("sizes", .integer(sizes))]
        }
        return report
    }

    static func noLongPrompt(_ threshold: Double) -> String {
        "no prompt is longer than \(Quantities.formatTokens(threshold)) tokens, so the Sec. 4.2 split has nothing to hold out"
    }

    /// Each backtest that ran, a row: text names it ("each model"), JSON keys it by its split
    /// (`{"model": {"mae", "coverage", "n", "level", "folds"}, ..., "forward": {...}}`).
    private var backtestTable: ReportTable {
        let runs =
            backtests.map {
                (key: $0.split.rawValue, name: Self.splitName($0.split), $0.mae, $0.coverage, $0.n, $0.level, $0.folds)
            }
            + (forward.map { [("forward", "next size", $0.mae, $0.coverage, $0.n, $0.level, $0.folds)] } ?? [])
        return ReportTable(
            columns: [
                .init(key: "held_out", header: "held out", inJSON: false, isWords: true),
                .init(key: "split", header: nil),
                .init(key: "mae", header: "MAE"),
                .init(key: "coverage", header: "coverage"),
                .init(key: "n", header: "n"),
                .init(key: "level", header: nil),
                .init(key: "folds", header: "fits"),
            ],
            rows: runs.map { key, name, mae, coverage, n, level, folds in
                [
                    .init(.string(name)), .init(.string(key)),
                    .init(.count(mae), text: StyledText(String(format: "%.4f", mae))),
                    .init(.count(coverage), text: StyledText(String(format: "%.0f%%", coverage * 100))),
                    .init(.integer(n)), .init(.count(level)), .init(.integer(folds)),
                ]
            }, isCSV: false)
    }

    private static func splitName(_ split: HoldOutSplit) -> String {
        switch split {
        case .model: return "each model"
        case .contextLimit: return "each limit"
        case .extrapolation: return "largest compute"
        }
    }
}

extension Comparison: Reporting {
    var report: Report {
        Report(
            [
                .line("\(taskName): \(recordCount) records"),
                Field("task", .string(taskName)),
                Field("laws", .table(lawTable), text: .inPlace),
            ] + entries.map { .text("  " + $0.form.rawValue, StyledText($0.fit.result.law.parametersText)) }
                + entries.filter { !$0.identifiable }.map { entry in
                    .line(
                        StyledText(
                            "* \(entry.form.rawValue): not identifiable here ("
                                + entry.unidentified.map(\.text).joined(separator: "; ") + ")"))
                } + [
                    Field(
                        "skipped",
                        .reports(
                            skipped.map { skip in
                                Report([
                                    Field(
                                        "law", .string(skip.form.rawValue),
                                        text: .line("\(skip.form.rawValue) law not fitted: \(skip.error.message)")),
                                    Field("why", .string(skip.error.message)),
                                ])
                            }), text: .inPlace),
                    Field("sizes", .count(Double(sizes))),
                    Field(
                        "preferred", .string(preferred.rawValue),
                        text: .line("the data prefers the \(preferred.rawValue) law (\(Comparison.reasonText(reason)))")
                    ),
                    Field("reason", .string(reason.rawValue)),
                    .notes(warnings),
                ])
    }

    /// One row per law. JSON gives each its parameters and unidentified requirements; CSV a
    /// column for every parameter some form has, empty where the row's form has none; text
    /// marks a law that is not identifiable with "*".
    private var lawTable: ReportTable {
        var names: [String] = []
        for form in AnyLawForm.allCases {
            for p in form.parameters where !names.contains(p.name) { names.append(p.name) }
        }
        let mae = { (value: Double?) in StyledText(value.map { String(format: "%.4f", $0) } ?? "-") }
        return ReportTable(
            columns: [
                .init(key: "law", header: "law", isWords: true),
                .init(key: "preferred", header: nil, inJSON: false),
                .init(key: "params", header: nil, inCSV: false),
                .init(key: "mae", header: "MAE"),
                .init(key: "heldout_mae", header: "held-out MAE"),
                .init(key: "cv_mae", header: "model-out MAE"),
                .init(key: "forward_mae", header: "forward MAE"),
                .init(key: "forward_coverage", header: "forward cover"),
                // JSON a boolean, CSV "yes" or "no".
                .init(key: "identifiable", header: nil, inCSV: false),
                .init(key: "identifiable", header: nil, inJSON: false),
                .init(key: "unidentified", header: nil, inCSV: false),
                .init(key: "aic", header: "AIC"),
                .init(key: "bic", header: "BIC"),
            ] + names.map { .init(key: $0, header: nil, inJSON: false) },
            rows: entries.map { entry in
                let result = entry.fit.result
                let values = Dictionary(uniqueKeysWithValues: result.law.namedValues.map { ($0.0.name, $0.1) })
                let yes = { (flag: Bool) in ReportTable.Cell(.string(flag ? "yes" : "no")) }
                return [
                    .init(
                        .string(entry.form.rawValue),
                        text: StyledText(entry.form.rawValue + (entry.identifiable ? "" : " *"))),
                    yes(entry.form == preferred),
                    .init(.report(result.law.parameters)),
                    .init(.count(result.mae), text: mae(result.mae)),
                    .init(.count(entry.heldOutMAE), text: mae(entry.heldOutMAE)),
                    .init(.count(entry.cvMAE), text: mae(entry.cvMAE)),
                    .init(.count(entry.forward?.mae), text: mae(entry.forward?.mae)),
                    .init(
                        .count(entry.forward?.coverage),
                        text: StyledText(entry.forward.map { String(format: "%.0f%%", $0.coverage * 100) } ?? "-")),
                    .init(.bool(entry.identifiable)),
                    yes(entry.identifiable),
                    .init(.json(.array(entry.unidentified.map { .string($0.code) }))),
                    .init(.count(result.aic), text: StyledText(String(format: "%.1f", result.aic))),
                    .init(.count(result.bic), text: StyledText(String(format: "%.1f", result.bic))),
                ] + names.map { .init(.count(values[$0])) }
            })
    }

    static func reasonText(_ reason: Reason) -> String {
        switch reason {
        case .lowestCVMAE: return "lowest leave-one-model-out MAE"
        case .lowestBIC: return "lowest BIC; the records are of one model, so none can be left out"
        case .lowestForwardMAE: return "lowest forward-backtest MAE among identifiable laws"
        case .separatesParamsAndTokens:
            return "it sees parameters and tokens apart, which the records give for three sizes or more, and "
                + "predicts left-out models better than every compute-only law"
        case .tooFewSizes:
            return "fewer than \(ForwardBacktest.minimumSizes) model sizes or compute levels to backtest forward: "
                + "the paper's law is kept"
        }
    }

    /// "lowest leave-one-model-out MAE, 0.0063 (paper 0.0110)": why `fit --law auto` chose.
    static func choiceText(_ c: Comparison) -> String {
        let reason = reasonText(c.reason)
        let pick: (Comparison.Entry) -> Double? =
            c.reason == .lowestForwardMAE ? { $0.forward?.mae } : { $0.cvMAE }
        guard c.reason == .lowestCVMAE || c.reason == .lowestForwardMAE, let entry = c.preferredEntry,
            let mae = pick(entry)
        else { return reason }
        let paper = c.entries.first { $0.form == .paper }.flatMap(pick)
        let against = c.preferred == .paper ? "" : paper.map { String(format: " (paper %.4f)", $0) } ?? ""
        return reason + String(format: ", %.4f", mae) + against
    }
}

extension Comparison.Unidentified {
    /// The JSON code.
    var code: String {
        switch self {
        case .moreParametersThanGroups: return "more_parameters_than_groups"
        case .lacks(let requirement): return requirement.rawValue
        }
    }

    var text: String {
        switch self {
        case .moreParametersThanGroups(let parameters, let groups):
            return "\(parameters) parameters from \(groups) distinct groups of records"
        case .lacks(.promptNearLimit): return "no prompt near a context limit to fix the penalty's sharpness"
        case .lacks(.extendedModel): return "no extended model to fix the extension decay"
        case .lacks(.paramsAndTokens):
            return "the records need parameters and tokens, for three sizes and three token counts at least"
        }
    }
}
