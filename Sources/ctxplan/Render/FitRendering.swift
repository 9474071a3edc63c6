import ContextScaling
import Foundation
import Planner

/// A fit, where it was saved as a task preset (nil when it was not), and, for `--law auto`,
/// the comparison that chose its law.
struct FitAnswer: Rendering {
    var report: FitReport
    var saved: String?
    var choice: Comparison? = nil

    var json: JSON {
        let r = report
        let worst = r.result.largestResidualIndex
        var pairs: [(String, JSON)] = [
            ("task", .string(r.taskName)),
            ("law", .string(r.result.law.form.rawValue)),
            ("params", r.result.law.parametersJSON),
            ("mae", .num(r.result.mae)),
            ("rmse", .num(r.result.rmse)),
            ("max_residual", .num(r.result.residuals[worst])),
            ("max_residual_at", .string(r.records[worst].origin)),
            ("n", .integer(r.result.n)),
            ("aic", .num(r.result.aic)),
            ("bic", .num(r.result.bic)),
            (
                "range",
                .object([
                    ("compute_min", .num(r.range.computeMin)), ("compute_max", .num(r.range.computeMax)),
                    ("n_ctx_min", .num(r.range.nCtxMin)), ("n_ctx_max", .num(r.range.nCtxMax)),
                    ("n_pmt_min", .num(r.range.nPmtMin)), ("n_pmt_max", .num(r.range.nPmtMax)),
                ])
            ),
            (
                "group_means",
                r.groupMeans.map { g in
                    .object([
                        ("groups", .integer(g.groups)), ("mae", .num(g.mae)), ("rmse", .num(g.rmse)),
                        ("standard_error", .num(g.standardError)),
                    ])
                } ?? .null
            ),
            ("by_model", .object(r.byModel.map { ($0.0.label, JSON.num($0.1)) })),
            ("by_prompt", .object(r.byPrompt.map { ($0.0.label, JSON.num($0.1)) })),
            ("warnings", .notes(r.warnings)),
            ("seconds", .num(r.seconds)),
            ("evaluations", .integer(r.result.evaluations)),
        ]
        if let b = r.bootstrap {
            pairs.append(
                (
                    "bootstrap",
                    .object([
                        ("draws", .integer(r.draws.count)), ("level", .num(b.level)),
                        ("intervals", .object(b.intervals.map { ($0.0.name, JSON.array([.num($0.1), .num($0.2)])) })),
                        ("correlations", .object(b.correlations.map { ($0.0, JSON.num($0.1)) })),
                    ])
                ))
        }
        if let choice {
            pairs.append(
                (
                    "choice",
                    .object([
                        ("reason", .string(choice.reason.rawValue)),
                        ("cv_mae", .object(choice.entries.map { ($0.form.rawValue, JSON.num($0.cvMAE)) })),
                    ])
                ))
        }
        pairs.append(("saved", .str(saved)))
        return .object(pairs)
    }

    /// The two residual tables in one: a `table` column says which (`model` or `prompt`).
    var csv: CSV? {
        let rows = [("model", report.byModel), ("prompt", report.byPrompt)].flatMap { table, groups in
            groups.map { [CSV.Field.text(table), .text($0.0.label), .number($0.1), .integer($0.2)] }
        }
        return CSV(header: ["table", "name", "mae", "n"], rows: rows)
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        let r = report
        let res = report.result
        let worst = res.largestResidualIndex
        let ms = String(format: "%.0f", r.seconds * 1000)
        block.line("\(r.taskName): \(res.law.form.rawValue) law fitted to \(res.n) records in \(ms) ms")
        if let choice { block.field("chosen by", Comparison.choiceText(choice)) }
        block.field("parameters", res.law.parametersText)
        if let g = r.groupMeans {
            block.field(
                "MAE", String(format: "%.4f", g.mae) + " on the means of \(Words.count(g.groups, "group")) "
                    + "(model, limit, prompt bin) of per-instance 0/1 rows")
            block.field("RMSE", String(format: "%.4f", g.rmse))
            block.field("sampling error", String(format: "%.4f", g.standardError) + " (binomial, of a group mean)")
        } else {
            block.field("MAE", String(format: "%.4f", res.mae))
            block.field("RMSE", String(format: "%.4f", res.rmse))
        }
        // A single 0/1 row's residual is no measure of the law.
        if r.groupMeans == nil {
            let origin = URL(fileURLWithPath: r.records[worst].origin).lastPathComponent
            block.field("largest residual", String(format: "%+.4f", res.residuals[worst]) + " at \(origin)")
        }
        block.field("AIC / BIC", String(format: "%.1f / %.1f", res.aic, res.bic))
        block.field("data", FitRangeText.text(r.range))
        if let b = r.bootstrap {
            block.line("bootstrap: \(r.draws.count) resamples, \(Int(b.level))% intervals")
            for (parameter, low, high) in b.intervals {
                let interval = "\(Quantities.formatParameter(low)) .. \(Quantities.formatParameter(high))"
                block.field("  " + parameter.name, interval)
            }
            for (name, value) in b.correlations { block.field("  corr " + name, String(format: "%+.2f", value)) }
            if b.computeParametersMoveTogether {
                block.note(
                    "A, Cc and alpha move together across resamples: the data fixes A (C/Cc)^alpha, "
                        + "not each parameter, so read their intervals together")
            }
        }
        block.line(r.groupMeans == nil ? "mean absolute residual by model:" : "mean absolute error of group means by model:")
        block.table(["model", "MAE", "n"], r.byModel.map { [$0.0.label, String(format: "%.4f", $0.1), String($0.2)] })
        block.line("by prompt:")
        block.table(
            ["prompt", "MAE", "n"], r.byPrompt.map { [$0.0.label, String(format: "%.4f", $0.1), String($0.2)] })
        for warning in r.warnings { block.note(warning, width: width) }
        if let saved { block.line("saved task preset \(saved); use it with --task \(Fit.taskArgument(saved))") }
        return block.text
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

extension Validation: Rendering {
    var json: JSON {
        .object(
            [
                ("task", .string(fit.taskName)), ("law", .string(fit.result.law.form.rawValue)),
                ("params", fit.result.law.parametersJSON),
                ("mae", .num(fit.result.mae)), ("n", .integer(fit.result.n)),
                ("heldout_mae", .num(heldOutMAE)), ("n_heldout", .integer(heldOut.observationCount)),
                ("holdout_above", .num(threshold)),
            ] + (heldOutSkipped ? [("heldout_skipped", .string(Self.noLongPrompt(threshold)))] : [])
                + (backtests.isEmpty && forward == nil ? [] : [("backtests", backtestsJSON), ("sizes", .integer(sizes))]))
    }

    static func noLongPrompt(_ threshold: Double) -> String {
        "no prompt is longer than \(Quantities.formatTokens(threshold)) tokens, so the Sec. 4.2 split has nothing to hold out"
    }

    /// `{"model": {"mae", "coverage", "n", ...}, "n_ctx": {...}, "extrapolation": {...}}`.
    private var backtestsJSON: JSON {
        .object(
            backtests.map { b in
                (
                    b.split.rawValue,
                    .object([
                        ("mae", .num(b.mae)), ("coverage", .num(b.coverage)), ("n", .integer(b.n)),
                        ("level", .num(b.level)), ("folds", .integer(b.folds)),
                    ])
                )
            }
                + (forward.map { f in
                    [
                        (
                            "forward",
                            JSON.object([
                                ("mae", .num(f.mae)), ("coverage", .num(f.coverage)), ("n", .integer(f.n)),
                                ("level", .num(f.level)), ("folds", .integer(f.folds)),
                            ])
                        )
                    ]
                } ?? []))
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        let law = fit.result.law
        block.line(
            "\(fit.taskName): \(law.form.rawValue) law fitted on prompts up to "
                + "\(Quantities.formatTokens(threshold)) tokens")
        block.field("parameters", law.parametersText)
        block.field("MAE, fitted", String(format: "%.4f over %d records", fit.result.mae, fit.result.n))
        if heldOutSkipped {
            block.field("MAE, held out", "skipped: " + Self.noLongPrompt(threshold))
        } else {
            block.field("MAE, held out", String(format: "%.4f over %d records", heldOutMAE ?? 0, heldOut.observationCount))
        }
        if let level = backtests.first?.level ?? forward?.level {
            block.line("backtests: \(Quantities.trimmed(String(format: "%.1f", level)))% prediction intervals")
            block.table(
                ["held out", "MAE", "coverage", "n", "fits"],
                backtests.map { b in
                    [
                        Self.splitName(b.split), String(format: "%.4f", b.mae),
                        String(format: "%.0f%%", b.coverage * 100),
                        String(b.n), String(b.folds),
                    ]
                }
                    + (forward.map { f in
                        [["next size", String(format: "%.4f", f.mae), String(format: "%.0f%%", f.coverage * 100),
                          String(f.n), String(f.folds)]]
                    } ?? []), words: [0])
            if forward == nil {
                block.line(
                    "forward backtest skipped: \(sizes) model sizes or compute levels; it needs "
                        + "\(ForwardBacktest.minimumSizes) (fit the smaller, predict the next)")
            }
        }
        return block.text
    }

    private static func splitName(_ split: HoldOutSplit) -> String {
        switch split {
        case .model: return "each model"
        case .contextLimit: return "each limit"
        case .extrapolation: return "largest compute"
        }
    }
}

extension Comparison: Rendering {
    var json: JSON {
        .object([
            ("task", .string(taskName)),
            (
                "laws",
                .array(
                    entries.map { entry in
                        let result = entry.fit.result
                        return .object([
                            ("law", .string(entry.form.rawValue)), ("params", result.law.parametersJSON),
                            ("mae", .num(result.mae)), ("heldout_mae", .num(entry.heldOutMAE)),
                            ("cv_mae", .num(entry.cvMAE)), ("forward_mae", .num(entry.forward?.mae)),
                            ("forward_coverage", .num(entry.forward?.coverage)),
                            ("identifiable", .bool(entry.identifiable)),
                            ("unidentified", .array(entry.unidentified.map { .string($0.code) })),
                            ("aic", .num(result.aic)), ("bic", .num(result.bic)),
                        ])
                    })
            ),
            ("skipped", .array(skipped.map { .object([("law", .string($0.form.rawValue)), ("why", .string($0.error.message))]) })),
            ("sizes", .num(Double(sizes))),
            ("preferred", .string(preferred.rawValue)),
            ("reason", .string(reason.rawValue)),
            ("notes", .notes(warnings)),
        ])
    }

    /// One row per law; a parameter column for every parameter some form has, empty where the
    /// row's form has none.
    var csv: CSV? {
        var names: [String] = []
        for form in AnyLawForm.allCases { for p in form.parameters where !names.contains(p.name) { names.append(p.name) } }
        let header =
            ["law", "preferred", "mae", "heldout_mae", "cv_mae", "forward_mae", "forward_coverage", "identifiable", "aic", "bic"]
            + names
        return CSV(
            header: header,
            rows: entries.map { entry in
                let result = entry.fit.result
                let values = Dictionary(uniqueKeysWithValues: result.law.namedValues.map { ($0.0.name, $0.1) })
                return [
                    .text(entry.form.rawValue), .text(entry.form == preferred ? "yes" : "no"), .number(result.mae),
                    .number(entry.heldOutMAE), .number(entry.cvMAE), .number(entry.forward?.mae),
                    .number(entry.forward?.coverage), .text(entry.identifiable ? "yes" : "no"), .number(result.aic),
                    .number(result.bic),
                ]
                    + names.map { CSV.Field.number(values[$0]) }
            })
    }

    func text(style: Style, width: Int?) -> String {
        var block = TextBlock(style)
        block.line("\(taskName): \(recordCount) records")
        let mae = { (value: Double?) in value.map { String(format: "%.4f", $0) } ?? "-" }
        block.table(
            ["law", "MAE", "held-out MAE", "model-out MAE", "forward MAE", "forward cover", "AIC", "BIC"],
            entries.map { entry in
                let result = entry.fit.result
                let coverage = entry.forward.map { String(format: "%.0f%%", $0.coverage * 100) } ?? "-"
                return [
                    entry.form.rawValue + (entry.identifiable ? "" : " *"), mae(result.mae), mae(entry.heldOutMAE),
                    mae(entry.cvMAE), mae(entry.forward?.mae), coverage,
                    String(format: "%.1f", result.aic), String(format: "%.1f", result.bic),
                ]
            })
        for entry in entries { block.field("  " + entry.form.rawValue, entry.fit.result.law.parametersText) }
        for entry in entries where !entry.identifiable {
            block.line(
                "* \(entry.form.rawValue): not identifiable here ("
                    + entry.unidentified.map(\.text).joined(separator: "; ") + ")")
        }
        for skip in skipped { block.line("\(skip.form.rawValue) law not fitted: \(skip.error.message)") }
        block.line("the data prefers the \(preferred.rawValue) law (\(Comparison.reasonText(reason)))")
        for warning in warnings { block.note(warning, width: width) }
        return block.text
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
