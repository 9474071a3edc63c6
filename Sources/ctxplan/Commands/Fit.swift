import ArgumentParser
import ContextScaling
import Foundation
import Planner

/// The data and law options `fit`, `validate` and `compare` share.
struct FitDataOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("CSV of evaluation results (see 'help fit'); the bundled Tables 8-10 when omitted.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("Task: whose bundled records to fit, or whose rows and token lengths to use.", valueName: "name"))
    var task: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Random seed of the global search (default 0).", valueName: "s"), transform: Parse.whole)
    var seed: Int = 0

    func records(_ planner: Planner, in session: Session) throws -> (name: String, records: [Observation], layoutTask: TaskPreset?) {
        try planner.fitRecords(file: file, task: task ?? (file == nil ? session.settings.task : nil))
    }
}

extension LawForm: ExpressibleByArgument {}

/// The Sec. 4.2 hold-out threshold `validate` and `compare` share.
struct HoldoutOptions: ParsableArguments {
    @Option(name: .customLong("holdout-above"), parsing: .unconditional, help: ArgumentHelp("Hold out records with prompts longer than this (default 10,000 tokens).", valueName: "tokens"), transform: Parse.context)
    var holdoutAbove: Double = 10_000
}

struct Fit: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the law to evaluation results by the paper's procedure.",
        discussion: """
            A global differential-evolution search within Table 3's bounds, then a bounded Levenberg-Marquardt refinement from its best points (Sec. 3.2). Deterministic for a given --seed.

            CSV columns, found by header name (others are ignored; CRLF and a BOM are fine):
              task      optional; with --task, only that task's rows are fitted
              model     a model preset name, or else
              compute   training FLOPs, or else params and tokens (C = 6 params tokens)
              n_ctx     context limit (8k, 32768); optional with a model preset
              n_pmt     prompt tokens, or else shots (made tokens by the task's lengths)
              metric    the score, in [0, 1]

            Laws: paper (Eq. 1), no-penalty (Table 7's ablation), soft (penalty sigma(s ln(n_ctx/n_pmt)) with a fitted sharpness s).
            Examples: fit --task commonsense --law soft; fit results.csv --task mine --bootstrap 200 --save mine.json
            """)

    @OptionGroup var data: FitDataOptions

    @Option(help: "Law form: paper, no-penalty or soft.")
    var law: LawForm = .paper

    @Option(parsing: .unconditional, help: ArgumentHelp("Refit this many resamples for parameter intervals.", valueName: "n"), transform: Parse.whole)
    var bootstrap: Int = 0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Interval level in percent for the bootstrap (default 80).", valueName: "percent"),
        transform: Parse.percent)
    var interval: Double = 80

    @Option(help: ArgumentHelp("Save the fit as a task preset (JSON) at this path.", valueName: "path"))
    var save: String?

    @Flag(help: "Replace the file given to --save.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard interval > 0 && interval < 100 else { throw InputError("--interval \(interval) is outside (0, 100); expected e.g. 80") }
        guard bootstrap <= 100_000 else { throw InputError("--bootstrap \(bootstrap) is too many; expected at most 100000") }
    }

    func run(in session: Session) throws {
        let planner = session.planner(global)
        let (name, records, layoutTask) = try data.records(planner, in: session)
        if let save, !force, FileManager.default.fileExists(atPath: save) {
            throw InputError("'\(save)' exists; pass --force to replace it")
        }
        let report = try planner.fit(name: name, records: records, form: law, seed: UInt64(data.seed), bootstrap: bootstrap, level: interval)
        var saved: String?
        if let save {
            let presetName = URL(fileURLWithPath: save).deletingPathExtension().lastPathComponent
            let preset = try planner.preset(from: report, name: presetName, layoutFrom: layoutTask)
            try PresetLibrary.save(preset, to: save, overwrite: force)
            saved = save
        }
        emit(global, json: Fit.json(report, saved: saved), text: Fit.text(report, saved: saved, style: session.style))
    }

    /// How `--task` names a saved file: a bare name would be looked up among the presets, so a
    /// path with neither `/` nor `.json` (PresetLibrary.task's test for a file) gets `./`.
    static func taskArgument(_ path: String) -> String {
        path.hasSuffix(".json") || path.contains("/") ? path : "./" + path
    }

    static func paramsJSON(_ law: ContextScalingLaw) -> JSON {
        let p = law.parameters
        var pairs: [(String, JSON)] = [("A", .num(p.A)), ("Cc", .num(p.Cc)), ("alpha", .num(p.alpha)),
                                       ("B", .num(p.B)), ("nc", .num(p.nc)), ("beta", .num(p.beta))]
        if case .soft(let s) = law.penalty { pairs.append(("s", .num(s))) }
        return .object(pairs)
    }

    static func paramsText(_ law: ContextScalingLaw) -> String {
        let p = law.parameters
        let f = Quantities.formatParameter
        var text = "A \(f(p.A))  Cc \(f(p.Cc))  alpha \(f(p.alpha))  B \(f(p.B))  nc \(f(p.nc))  beta \(f(p.beta))"
        if case .soft(let s) = law.penalty { text += "  s \(f(s))" }
        return text
    }

    static func json(_ r: FitReport, saved: String?) -> JSON {
        let worst = r.result.largestResidualIndex
        var pairs: [(String, JSON)] = [
            ("task", .string(r.taskName)),
            ("law", .string(r.result.law.form.rawValue)),
            ("params", paramsJSON(r.result.law)),
            ("mae", .num(r.result.mae)),
            ("rmse", .num(r.result.rmse)),
            ("max_residual", .num(r.result.residuals[worst])),
            ("max_residual_at", .string(r.records[worst].origin)),
            ("n", .integer(r.result.n)),
            ("aic", .num(r.result.aic)),
            ("bic", .num(r.result.bic)),
            ("range", .object([("compute_min", .num(r.range.computeMin)), ("compute_max", .num(r.range.computeMax)),
                               ("n_ctx_min", .num(r.range.nCtxMin)), ("n_ctx_max", .num(r.range.nCtxMax)),
                               ("n_pmt_min", .num(r.range.nPmtMin)), ("n_pmt_max", .num(r.range.nPmtMax))])),
            ("by_model", .object(r.byModel.map { ($0.0, JSON.num($0.1)) })),
            ("by_prompt", .object(r.byPrompt.map { ($0.0, JSON.num($0.1)) })),
            ("warnings", .notes(r.warnings)),
            ("seconds", .num(r.seconds)),
            ("evaluations", .integer(r.result.evaluations)),
        ]
        if let b = r.bootstrap {
            pairs.append(("bootstrap", .object([
                ("draws", .integer(r.draws.count)), ("level", .num(b.level)),
                ("intervals", .object(b.intervals.map { ($0.0, JSON.array([.num($0.1), .num($0.2)])) })),
                ("correlations", .object(b.correlations.map { ($0.0, JSON.num($0.1)) })),
            ])))
        }
        pairs.append(("saved", .str(saved)))
        return .object(pairs)
    }

    static func text(_ r: FitReport, saved: String?, style: Style) -> String {
        var block = TextBlock(style)
        let res = r.result
        let worst = res.largestResidualIndex
        block.line("\(r.taskName): \(res.law.form.rawValue) law fitted to \(res.n) records in \(String(format: "%.0f", r.seconds * 1000)) ms")
        block.field("parameters", paramsText(res.law))
        block.field("MAE", String(format: "%.4f", res.mae))
        block.field("RMSE", String(format: "%.4f", res.rmse))
        let origin = r.records[worst].origin
        block.field("largest residual", String(format: "%+.4f", res.residuals[worst]) + " at \(URL(fileURLWithPath: origin).lastPathComponent)")
        block.field("AIC / BIC", String(format: "%.1f / %.1f", res.aic, res.bic))
        block.field("data", "C \(Quantities.formatScientific(r.range.computeMin, digits: 3))..\(Quantities.formatScientific(r.range.computeMax, digits: 3)), n_ctx \(Fmt.limit(r.range.nCtxMin))..\(Fmt.limit(r.range.nCtxMax)), n_pmt \(Quantities.formatTokens(r.range.nPmtMin))..\(Quantities.formatTokens(r.range.nPmtMax))")
        if let b = r.bootstrap {
            block.line("bootstrap: \(r.draws.count) resamples, \(Int(b.level))% intervals")
            for (name, low, high) in b.intervals {
                block.field("  " + name, "\(Quantities.formatParameter(low)) .. \(Quantities.formatParameter(high))")
            }
            for (name, value) in b.correlations { block.field("  corr " + name, String(format: "%+.2f", value)) }
            if b.correlations.contains(where: { abs($0.1) > 0.95 }) {
                block.note("A, Cc and alpha move together across resamples: the data fixes A (C/Cc)^alpha, not each parameter, so read their intervals together")
            }
        }
        block.line("mean absolute residual by model:")
        block.table(["model", "MAE", "n"], r.byModel.map { [$0.0, String(format: "%.4f", $0.1), String($0.2)] })
        block.line("by prompt:")
        block.table(["prompt", "MAE", "n"], r.byPrompt.map { [$0.0, String(format: "%.4f", $0.1), String($0.2)] })
        for warning in r.warnings { block.note(warning) }
        if let saved { block.line("saved task preset \(saved); use it with --task \(Fit.taskArgument(saved))") }
        return block.text
    }
}

struct Validate: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "The paper's Sec. 4.2 test: fit on short prompts, score the longer ones.",
        discussion: "Example: validate --task commonsense --law soft")

    @OptionGroup var data: FitDataOptions

    @Option(help: "Law form: paper, no-penalty or soft.")
    var law: LawForm = .paper

    @OptionGroup var holdout: HoldoutOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let planner = session.planner(global)
        let (name, records, _) = try data.records(planner, in: session)
        let v = try planner.validate(name: name, records: records, form: law, seed: UInt64(data.seed), threshold: holdout.holdoutAbove)
        let json = JSON.object([
            ("task", .string(name)), ("law", .string(law.rawValue)), ("params", Fit.paramsJSON(v.fit.result.law)),
            ("mae", .num(v.fit.result.mae)), ("n", .integer(v.fit.result.n)),
            ("heldout_mae", .num(v.heldOutMAE)), ("n_heldout", .integer(v.heldOut.count)),
            ("holdout_above", .num(v.threshold)),
        ])
        var block = TextBlock(session.style)
        block.line("\(name): \(law.rawValue) law fitted on prompts up to \(Quantities.formatTokens(v.threshold)) tokens")
        block.field("parameters", Fit.paramsText(v.fit.result.law))
        block.field("MAE, fitted", String(format: "%.4f over %d records", v.fit.result.mae, v.fit.result.n))
        block.field("MAE, held out", String(format: "%.4f over %d records", v.heldOutMAE ?? 0, v.heldOut.count))
        emit(global, json: json, text: block.text)
    }
}

struct Compare: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Fit every law form and say which the data prefers.",
        discussion: "For each law: parameters, MAE, held-out MAE (Sec. 4.2), AIC and BIC. Example: compare --task arithmetic")

    @OptionGroup var data: FitDataOptions

    @OptionGroup var holdout: HoldoutOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let planner = session.planner(global)
        let (name, records, _) = try data.records(planner, in: session)
        var rows: [(LawForm, FitReport, Double?)] = []
        for form in LawForm.allCases {
            let report = try planner.fit(name: name, records: records, form: form, seed: UInt64(data.seed))
            let heldOut = try? planner.validate(name: name, records: records, form: form, seed: UInt64(data.seed), threshold: holdout.holdoutAbove)
            try session.checkCancelled()  // a validation stopped by Ctrl-C is not "no hold-out"
            rows.append((form, report, heldOut?.heldOutMAE))
        }
        let preferred = rows.min { $0.1.result.bic < $1.1.result.bic }!.0
        let json = JSON.object([
            ("task", .string(name)),
            ("laws", .array(rows.map { form, report, held in
                .object([("law", .string(form.rawValue)), ("params", Fit.paramsJSON(report.result.law)),
                         ("mae", .num(report.result.mae)), ("heldout_mae", .num(held)),
                         ("aic", .num(report.result.aic)), ("bic", .num(report.result.bic))])
            })),
            ("preferred", .string(preferred.rawValue)),
        ])
        var block = TextBlock(session.style)
        block.line("\(name): \(records.count) records")
        block.table(["law", "MAE", "held-out MAE", "AIC", "BIC"], rows.map { form, report, held in
            [form.rawValue, String(format: "%.4f", report.result.mae), held.map { String(format: "%.4f", $0) } ?? "-",
             String(format: "%.1f", report.result.aic), String(format: "%.1f", report.result.bic)]
        })
        for (form, report, _) in rows { block.field("  " + form.rawValue, Fit.paramsText(report.result.law)) }
        block.line("the data prefers the \(preferred.rawValue) law (lowest BIC)")
        emit(global, json: json, text: block.text)
    }
}
