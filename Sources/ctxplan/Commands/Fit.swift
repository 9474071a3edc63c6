import ArgumentParser
import ContextScaling
import Foundation
import Planner

/// The data and law options `fit`, `validate` and `compare` share.
struct FitDataOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Results files or folders (see 'help fit' and 'help import'); the bundled Tables 8-10 when omitted.",
            valueName: "path"),
        completion: ShellCompletion.files())
    var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "Task: whose bundled records to fit, or whose records (task, dataset or harness task) and token "
                + "lengths to use.", valueName: "name"),
        completion: ShellCompletion.tasks)
    var task: String?

    @OptionGroup var input: ImportInputOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Random seed of the global search (default 0).", valueName: "s"),
        transform: Parse.whole)
    var seed: Int = 0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Chance floor of the floor law (0.25 for four options); the task's, or fitted, when omitted.",
            valueName: "score"),
        transform: Parse.floor)
    var floor: Double?

    /// The records to fit, and what the import read when they came from files.
    func records(_ planner: Planner, in session: Session) throws -> (
        name: String, records: [Observation], layoutTask: TaskPreset?, imported: ImportedData?
    ) {
        guard !paths.isEmpty else {
            let (name, records, layoutTask) = try planner.fitRecords(
                file: nil, task: session.value(Setting.task, given: task))
            return (name, records, layoutTask, nil)
        }
        let (name, records, layoutTask, imported) = try planner.fitRecords(
            paths: paths, settings: try input.settings(task: task))
        return (name, records, layoutTask, imported)
    }

    /// `body`, with a rejection of too few records naming the files they came from.
    func namingFiles(_ body: () throws -> Void) throws {
        do { try body() } catch let error as FittingError {
            guard case .tooFewRecords = error, !paths.isEmpty else { throw error }
            throw InputError(paths.map(InputError.quote).joined(separator: ", ") + ": " + error.message)
        }
    }

    /// The floor law's floor: --floor, else the task preset's, else none (the fit finds one).
    func floor(task: TaskPreset?) -> Double? { floor ?? task?.floor }
}


/// The Sec. 4.2 hold-out threshold `validate` and `compare` share.
struct HoldoutOptions: ParsableArguments {
    @Option(
        name: .customLong("holdout-above"), parsing: .unconditional,
        help: ArgumentHelp(
            "Hold out records with prompts longer than this (default 10,000 tokens).", valueName: "tokens"),
        transform: Parse.context)
    var holdoutAbove: Double = HoldoutOptions.defaultThreshold

    /// The paper's Sec. 4.2 split: prompts over 10,000 tokens are held out.
    static let defaultThreshold = 10_000.0
}

struct Fit: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit", _superCommandName: Ctxplan.name,
        abstract: "Fit the law to evaluation results by the paper's procedure.",
        discussion: """
            A global differential-evolution search within Table 3's bounds, then a bounded Levenberg-Marquardt refinement from its best points (Sec. 3.2). Deterministic for a given --seed.

            Paths are CSV files, results files (the paper's evaluation output, lm-evaluation-harness 0.4 and 0.3; see 'help import') or folders of them.
            CSV columns, found by header name (others are ignored; CRLF and a BOM are fine):
              task      optional; with --task, only that task's rows are fitted
              model     a model preset name, or else
              compute   training FLOPs, or else params and tokens (C = 6 params tokens)
              n_ctx     context limit (8k, 32768); optional with a model preset
              n_pmt     prompt tokens, or else shots (made tokens by the task's lengths)
              metric    the score, in [0, 1]

            Laws: paper (Eq. 1), no-penalty (Table 7's ablation), soft (penalty sigma(s ln(n_ctx/n_pmt)) with a fitted sharpness s),
            floor (floor + (1 - floor) x Eq. 1, for multiple-choice scores: --floor, the task's, or fitted),
            decay (penalty sigma(s (ln(n_ctx/n_pmt) + c)), and exp(-g log2(n_ctx / the base model's n_ctx)) \
            for extended models),
            auto (the law with the lowest leave-one-model-out error, as compare prefers).
            --save writes a task preset: --name and --metric name it and its score; it keeps token lengths for shots when the records give shots and prompt lengths (or the task has them), and otherwise answers in prompt tokens.
            Examples: fit --task commonsense --law soft; fit results.csv --task mine --bootstrap 200 --save mine.json
              fit eval/ --task arithmetic --save mine.json --name mine --metric "exact match"

            --format csv prints the two residual tables as one: columns table (model or prompt), name, mae, n.
            """)

    @OptionGroup var data: FitDataOptions

    @Option(
        help: ArgumentHelp(
            "Law form: \(AnyLawForm.listed) or auto (default \(Setting.law.fallbackText), or 'set law').",
            valueName: "law"),
        completion: .list(AnyLawForm.allCases.map(\.rawValue) + ["auto"]), transform: LawChoice.parse)
    var law: LawChoice?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Refit this many resamples for parameter intervals.", valueName: "n"), transform: Parse.whole
    )
    var bootstrap: Int = 0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Interval level in percent for the bootstrap (default \(Setting.interval.fallbackText)).",
            valueName: "percent"),
        transform: Parse.percent)
    var interval: Double?

    @Option(
        help: ArgumentHelp("Save the fit as a task preset (JSON) at this path.", valueName: "path"),
        completion: ShellCompletion.files("json"))
    var save: String?

    @Option(help: ArgumentHelp("The saved preset's name (default: the file's name).", valueName: "name"))
    var name: String?

    @Flag(help: "Replace the file given to --save.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard bootstrap <= 100_000 else {
            throw InputError("--bootstrap \(bootstrap) is too many; expected at most 100000")
        }
        // Percentile intervals from a handful of draws are their extremes, not their quantiles:
        // an '80% interval' of one draw need not even contain the fit's own answer.
        guard bootstrap == 0 || bootstrap >= Fit.fewestDraws else {
            throw InputError(
                "--bootstrap \(bootstrap) is too few draws for an interval; expected 0 or at least \(Fit.fewestDraws) (200 is typical)"
            )
        }
    }

    static let fewestDraws = 20

    func run(in session: Session) throws { try worded { try data.namingFiles { try answer(in: session) } } }

    private func answer(in session: Session) throws {
        let planner = session.planner(global)
        let (taskName, records, layoutTask, imported) = try data.records(planner, in: session)
        // Before the fit, which may take a while, not after it.
        if let save { try InputError.checkOutputFile(save, option: "--save", force: force) }
        let floor = data.floor(task: layoutTask)
        var choice: Comparison?
        let form: AnyLawForm
        switch law ?? .form(session.value(Setting.law, given: nil)) {
        case .form(let given): form = given
        case .auto:
            let comparison = try planner.compare(
                name: taskName, records: records, seed: UInt64(data.seed),
                threshold: HoldoutOptions.defaultThreshold, floor: floor)
            (form, choice) = (comparison.preferred, comparison)
        }
        let report = try planner.fit(
            name: taskName, records: records, form: form, seed: UInt64(data.seed), bootstrap: bootstrap,
            level: interval ?? Setting.positiveLevel(session.value(Setting.interval, given: nil)), floor: floor)
        var saved: String?
        if let save {
            // Token lengths measured from the records' shots and prompts, else the task's own.
            let layout = Planner.tokenLengths(of: records) ?? layoutTask?.tokenLengths
            let metric =
                data.input.metric ?? imported?.metricName.map { $0.replacingOccurrences(of: "_", with: " ") }
                ?? layoutTask?.metric ?? "score"
            var preset = planner.preset(
                from: report, name: name ?? URL(fileURLWithPath: save).deletingPathExtension().lastPathComponent,
                metric: metric, layout: layout,
                description: FitDataDescription.text(report: report, imported: imported, layout: layout),
                source: report.presetSource, floor: layoutTask?.floor)
            // Intervals past the data widen as forward folds measured: saved with the draws.
            if !report.draws.isEmpty {
                preset.extrapolationPerDecade = try planner.extrapolationGrowth(
                    name: taskName, records: records, form: form, law: report.result.law, seed: UInt64(data.seed),
                    floor: floor)
            }
            try PresetLibrary.save(preset, to: save, overwrite: force)
            saved = save
        }
        try present(FitAnswer(report: report, saved: saved, choice: choice), global, in: session)
    }

    /// How `--task` names a saved file: a bare name would be looked up among the presets, so a
    /// path with neither `/` nor `.json` (PresetLibrary.task's test for a file) gets `./`.
    static func taskArgument(_ path: String) -> String {
        path.hasSuffix(".json") || path.contains("/") ? path : "./" + path
    }
}

struct Validate: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", _superCommandName: Ctxplan.name,
        abstract: "The paper's Sec. 4.2 test: fit on short prompts, score the longer ones.",
        discussion: """
            With --backtests, also fits again with each model held out, each context limit held out, and the largest compute level held out (fit on the smaller ones), and reports each split's mean absolute error and how often its prediction intervals (--interval, default \(Setting.interval.fallbackText)) cover the held-out scores.
            Example: validate --task commonsense --law soft --backtests
            """)

    @OptionGroup var data: FitDataOptions

    @Option(
        help: ArgumentHelp(
            "Law form: \(AnyLawForm.listed) (default \(Setting.law.fallbackText), or 'set law').", valueName: "law"),
        completion: .list(AnyLawForm.allCases.map(\.rawValue)), transform: LawChoice.parseForm)
    var law: AnyLawForm?

    @OptionGroup var holdout: HoldoutOptions

    @Flag(help: "Also run the leave-one-model-out, leave-one-limit-out and extrapolation backtests.")
    var backtests = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The backtests' prediction interval level, in percent.", valueName: "percent"),
        transform: Parse.percent)
    var interval: Double = Setting.interval.fallback

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws { try worded { try data.namingFiles { try answer(in: session) } } }

    private func answer(in session: Session) throws {
        let planner = session.planner(global)
        let (name, records, layoutTask, _) = try data.records(planner, in: session)
        let floor = data.floor(task: layoutTask)
        let form = session.value(Setting.law, given: law)
        var v = try planner.validate(
            name: name, records: records, form: form, seed: UInt64(data.seed), threshold: holdout.holdoutAbove,
            floor: floor, allowingNoHoldOut: backtests)
        if backtests {
            v.backtests = try planner.backtests(
                name: name, records: records, form: form, seed: UInt64(data.seed), level: interval, floor: floor)
            v.forward = try planner.forwardBacktest(
                name: name, records: records, form: form, seed: UInt64(data.seed), level: interval, floor: floor)
            v.sizes = Planner.sizeCount(records)
        }
        try present(v, global, in: session)
    }
}

struct Compare: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", _superCommandName: Ctxplan.name,
        abstract: "Fit every law form and say which the data prefers.",
        discussion: """
            For each law: parameters, MAE, held-out MAE (Sec. 4.2), leave-one-model-out MAE (each model \
            predicted by a fit to the others), AIC and BIC. The preferred law has the lowest \
            leave-one-model-out MAE (the lowest BIC when the records are of one model). \
            Example: compare --task arithmetic
            --format csv prints one row per law, with a column for each parameter any law has.
            """)

    @OptionGroup var data: FitDataOptions

    @OptionGroup var holdout: HoldoutOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws { try worded { try data.namingFiles { try answer(in: session) } } }

    private func answer(in session: Session) throws {
        let planner = session.planner(global)
        let (name, records, layoutTask, _) = try data.records(planner, in: session)
        let comparison = try planner.compare(
            name: name, records: records, seed: UInt64(data.seed), threshold: holdout.holdoutAbove,
            floor: data.floor(task: layoutTask))
        try present(comparison, global, in: session)
    }
}
