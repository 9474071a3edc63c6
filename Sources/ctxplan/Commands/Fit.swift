import ArgumentParser
import ContextScaling
import Foundation
import Planner

/// The data and law options `fit`, `validate` and `compare` share.
struct FitDataOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "CSV of evaluation results (see 'help fit'); the bundled Tables 8-10 when omitted.", valueName: "file"))
    var file: String?

    @Option(
        help: ArgumentHelp(
            "Task: whose bundled records to fit, or whose rows and token lengths to use.", valueName: "name"))
    var task: String?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Random seed of the global search (default 0).", valueName: "s"),
        transform: Parse.whole)
    var seed: Int = 0

    func records(_ planner: Planner, in session: Session) throws -> (
        name: String, records: [Observation], layoutTask: TaskPreset?
    ) {
        try planner.fitRecords(file: file, task: task ?? (file == nil ? session.settings.task : nil))
    }
}

extension LawForm: ExpressibleByArgument {}

/// The Sec. 4.2 hold-out threshold `validate` and `compare` share.
struct HoldoutOptions: ParsableArguments {
    @Option(
        name: .customLong("holdout-above"), parsing: .unconditional,
        help: ArgumentHelp(
            "Hold out records with prompts longer than this (default 10,000 tokens).", valueName: "tokens"),
        transform: Parse.context)
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

            --format csv prints the two residual tables as one: columns table (model or prompt), name, mae, n.
            """)

    @OptionGroup var data: FitDataOptions

    @Option(help: "Law form: paper, no-penalty or soft.")
    var law: LawForm = .paper

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Refit this many resamples for parameter intervals.", valueName: "n"), transform: Parse.whole
    )
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
        guard interval > 0 && interval < 100 else {
            throw InputError("--interval \(interval) is outside (0, 100); expected e.g. 80")
        }
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

    func run(in session: Session) throws { try worded { try answer(in: session) } }

    private func answer(in session: Session) throws {
        let planner = session.planner(global)
        let (name, records, layoutTask) = try data.records(planner, in: session)
        if let save, !force, FileManager.default.fileExists(atPath: save) {
            throw InputError("'\(save)' exists; pass --force to replace it")
        }
        let report = try planner.fit(
            name: name, records: records, form: law, seed: UInt64(data.seed), bootstrap: bootstrap, level: interval)
        var saved: String?
        if let save {
            let presetName = URL(fileURLWithPath: save).deletingPathExtension().lastPathComponent
            let preset = try planner.preset(
                from: report, name: presetName, layoutFrom: layoutTask, description: report.presetDescription,
                source: report.presetSource)
            try PresetLibrary.save(preset, to: save, overwrite: force)
            saved = save
        }
        try render(FitAnswer(report: report, saved: saved), global, in: session)
    }

    /// How `--task` names a saved file: a bare name would be looked up among the presets, so a
    /// path with neither `/` nor `.json` (PresetLibrary.task's test for a file) gets `./`.
    static func taskArgument(_ path: String) -> String {
        path.hasSuffix(".json") || path.contains("/") ? path : "./" + path
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

    func run(in session: Session) throws { try worded { try answer(in: session) } }

    private func answer(in session: Session) throws {
        let planner = session.planner(global)
        let (name, records, _) = try data.records(planner, in: session)
        let v = try planner.validate(
            name: name, records: records, form: law, seed: UInt64(data.seed), threshold: holdout.holdoutAbove)
        try render(v, global, in: session)
    }
}

struct Compare: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Fit every law form and say which the data prefers.",
        discussion: """
            For each law: parameters, MAE, held-out MAE (Sec. 4.2), AIC and BIC. Example: compare --task arithmetic
            --format csv prints one row per law, with a column for each parameter any law has.
            """)

    @OptionGroup var data: FitDataOptions

    @OptionGroup var holdout: HoldoutOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws { try worded { try answer(in: session) } }

    private func answer(in session: Session) throws {
        let planner = session.planner(global)
        let (name, records, _) = try data.records(planner, in: session)
        let comparison = try planner.compare(
            name: name, records: records, seed: UInt64(data.seed), threshold: holdout.holdoutAbove)
        try render(comparison, global, in: session)
    }
}
