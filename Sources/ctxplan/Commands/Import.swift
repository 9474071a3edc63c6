import ArgumentParser
import ContextScaling
import Foundation
import Planner

/// How results files are read: the options `import`, `fit`, `validate` and `compare` share.
struct ImportInputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "CSV of models without presets: name,params,tokens,n_ctx (params non-embedding), or a config column.",
            valueName: "file"),
        completion: ShellCompletion.files("csv"))
    var models: String?

    @Option(
        help: ArgumentHelp(
            "The score's metric: which harness metric to read (acc, acc_norm; default the task's first), "
                + "and the metric a saved preset names.", valueName: "name"))
    var metric: String?

    @Option(
        name: .customLong("chars-per-token"), parsing: .unconditional,
        help: ArgumentHelp(
            "Characters per token for prompt lengths estimated from harness samples (default 4, English "
                + "text under Llama 2 and GPT-2-family tokenizers).", valueName: "ratio"),
        transform: ImportInputOptions.ratio)
    var charsPerToken: Double = ImportSettings.defaultCharsPerToken

    @Option(
        name: .customLong("base-tokens"), parsing: .unconditional,
        help: ArgumentHelp("Zero-shot prompt tokens, for harness results without samples.", valueName: "tokens"),
        transform: Parse.context)
    var baseTokens: Double?

    @Option(
        name: .customLong("shot-tokens"), parsing: .unconditional,
        help: ArgumentHelp("Tokens per shot, for harness results without samples.", valueName: "tokens"),
        transform: Parse.context)
    var shotTokens: Double?

    @Flag(help: "Read scores as percentages (0-100), divided by 100.")
    var percent = false

    @Option(
        name: .customLong("models-template"),
        help: ArgumentHelp(
            "Write the --models table to fill in: a row per model the results name, filled where the catalogue knows it.",
            valueName: "file"),
        completion: ShellCompletion.files("csv"))
    var modelsTemplate: String?

    @Flag(
        name: .customLong("skip-bad"),
        help: "Skip files that cannot be read (named in the summary) instead of stopping.")
    var skipBad = false

    func validate() throws {
        guard (baseTokens == nil) == (shotTokens == nil) else {
            throw InputError("--base-tokens and --shot-tokens go together: n_pmt = base + shots x shot tokens")
        }
    }

    func settings(task: String?) throws -> ImportSettings {
        var settings = ImportSettings(
            task: task, metric: metric, charsPerToken: charsPerToken,
            shotLengths: baseTokens.flatMap { base in
                shotTokens.map { PromptLayout(baseTokens: base, shotTokens: $0) }
            },
            models: try models.map(ModelTable.read(path:)) ?? ModelTable(), percentScores: percent,
            modelsTemplate: modelsTemplate)
        settings.skipBad = skipBad
        // Only the name here: an existing template is refused where it is written (ModelTemplate).
        if let modelsTemplate { try InputError.checkOutputFile(modelsTemplate, option: "--models-template", force: true) }
        return settings
    }

    /// A positive plain number up to 100.
    @Sendable static func ratio(_ text: String) throws -> Double {
        guard let value = try? Quantities.parse(text, as: .plain, what: ""), value > 0, value <= 100 else {
            throw InputError("\(InputError.quote(text)) is not a ratio; expected a positive number such as 4 or 3.6")
        }
        return value
    }
}

struct Import: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", _superCommandName: Ctxplan.name,
        abstract: "Read evaluation results and show what they hold; --out writes ctxplan's CSV.",
        discussion: """
            Paths are files or folders, searched for .csv and .json files. Formats: ctxplan's CSV (see 'help fit'); the paper's evaluation output (dataset=D,model=M,shots=K,local_seed=S.json), whose prompt lengths are exact; lm-evaluation-harness 0.4 results_*.json, whose samples_*.jsonl beside them give prompt lengths estimated at --chars-per-token, and legacy 0.3 results. Without samples, n_pmt = --base-tokens + shots x --shot-tokens, or the bundled task's averages.

            Model names resolve to presets without regard to case or a trailing -hf; others need --models. Datasets group into the bundled tasks: gsm, math, aqua-rat, deepmind-math are arithmetic; piqa, siqa, openbookqa, hellaswag, winogrande, arc-easy, arc-challenge, commonsenseqa are commonsense; wmt14-cs/de/fr/hi/ru-en are translation. --task keeps one bundled task, dataset or harness task.

            Every file found is read, passed over as not results (a JSON in no results format, a CSV without a score column), or skipped with why (a JSON syntax error at its line:column, a missing or bad field, an unreadable file or folder); skipped files stop the import, all named, unless --skip-bad. The --out file is never read back, so a rerun into the scanned folder does not double the records.

            Example: import results/ --models models.csv --out all.csv, then fit all.csv --task arithmetic
            --format csv prints the summary: columns model, shots, records.
            """)

    @Argument(help: ArgumentHelp("Results files or folders.", valueName: "path"), completion: ShellCompletion.files())
    var paths: [String]

    @Option(help: ArgumentHelp("Keep one task: a harness task, a dataset or a bundled task.", valueName: "name"))
    var task: String?

    @OptionGroup var input: ImportInputOptions

    @Option(
        help: ArgumentHelp(
            "Write the records as ctxplan's CSV, which fit reads ('-': to standard output, instead of the summary).",
            valueName: "file"),
        completion: ShellCompletion.files("csv"))
    var out: String?

    @Flag(help: "Replace the file given to --out.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws { try worded { try answer(in: session) } }

    private func answer(in session: Session) throws {
        let planner = session.planner(global)
        if let out, out != "-" { try InputError.checkOutputFile(out, option: "--out", force: force) }
        // The output is never read back: a rerun into the scanned folder does not double it.
        var settings = try input.settings(task: task)
        // A summary counts records; only the written CSV needs each one apart.
        settings.foldsRepeats = out == nil
        let data = try planner.importResults(paths: paths, settings: settings, excluding: out)
        if out == "-" { return print(NormalisedCSV.text(data.records), terminator: "") }
        if let out { try NormalisedCSV.write(data.records, to: out, overwrite: force) }
        try present(ImportSummary(data, written: out), global, in: session)
    }
}
