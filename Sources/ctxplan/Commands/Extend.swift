import ArgumentParser
import ContextScaling
import Planner

struct Extend: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Which context limit to extend a model to, and what each candidate costs.",
        discussion: """
            For each candidate limit (default: doublings from the model's limit up to 128k): extension tokens (steps x batch x limit), extension FLOPs (6N x tokens), GPU-hours with --gpu, and the predicted score at your prompt. Recommends the cheapest limit within --within of the best score, or the cheapest that meets --target.
            Example: extend --model llama-2-7b --task arithmetic --prompt-tokens 20k --gpu h100
            """)

    @Option(help: ArgumentHelp("Model preset; its base model is extended.", valueName: "name"))
    var model: String?

    @OptionGroup var task: TaskOption

    @OptionGroup var prompt: PromptOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Candidate limits, comma-separated (8k,16k,32k).", valueName: "limits"))
    var to: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Recommend the cheapest limit reaching this score.", valueName: "score"), transform: Parse.plain)
    var target: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Relative tolerance to the best score (default 0.01).", valueName: "e"), transform: Parse.fraction)
    var within: Double = 0.01

    @OptionGroup var reserve: ReserveOption

    @Flag(help: "Count attention in the extension FLOPs (Kaplan et al.: 6N + 6 n_layer n_ctx d_attn per token).")
    var attention = false

    @OptionGroup var recipe: RecipeOptions
    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let modelName = try session.settings.model(model)
        let candidates = try to.map { list in
            try list.split(separator: ",", omittingEmptySubsequences: false).map { item -> Double in
                do { return try Parse.context(String(item)) } catch let e as InputError {
                    throw InputError("--to: \(e.message)")
                }
            }
        }
        let planner = session.planner(global)
        let a = try planner.extend(
            model: modelName, task: task.name(in: session), prompt: prompt.input(), candidates: candidates,
            target: target, within: within, reserve: reserve.reserve, recipe: recipe.recipe, plan: hardware.plan(planner, in: session),
            countAttention: attention)
        if let mark = a.plotMark { session.lastAnswer = mark }
        emit(global, json: Extend.json(a), text: Extend.text(a, style: session.style))
    }

    static func json(_ a: ExtendAnswer) -> JSON {
        .object([
            ("task", .string(a.task.name)),
            ("model", .string(a.base.name)),
            ("n_pmt", .num(a.nPmt)),
            ("shots", a.shots.map(JSON.integer) ?? .null),
            ("recommended_nctx", .num(a.recommended.map { a.options[$0].nCtx })),
            ("target", .num(a.target)),
            ("within", .num(a.within)),
            ("reserve", .num(a.reserve)),
            ("options", .array(a.options.map { o in
                .object([
                    ("n_ctx", .num(o.nCtx)),
                    ("extension_tokens", .num(o.extensionTokens)),
                    ("extension_flops", .num(o.extensionFlops)),
                    ("extension_flops_with_attention", .num(o.extensionFlopsWithAttention)),
                    ("total_compute", .num(o.model.flops)),
                    ("score", .num(o.score)),
                    ("fits", .bool(o.fits)),
                    ("gpu_hours", .num(o.budget?.gpuHours)),
                    ("dollars", .num(o.budget?.dollars)),
                    ("verdict", .str(o.verdict)),
                ])
            })),
            ("notes", .notes(a.notes)),
        ])
    }

    static func text(_ a: ExtendAnswer, style: Style) -> String {
        var block = TextBlock(style)
        block.line("\(a.base.name) for \(a.task.name) at \(Fmt.prompt(a.nPmt, shots: a.shots))" + (a.reserve.map { " + \(Quantities.formatTokens($0)) reserved" } ?? ""))
        let withBudget = a.options.contains { $0.budget != nil }
        let withDollars = a.options.contains { $0.budget?.dollars != nil }
        var header = ["n_ctx", "ext. tokens", "ext. FLOPs", "score"]
        if withBudget { header.append("GPU-hours") }
        if withDollars { header.append("dollars") }
        header.append("")
        let verdictColumn = header.count - 1
        block.table(header, a.options.enumerated().map { i, o in
            var row = [Fmt.limit(o.nCtx) + (i == a.recommended ? " *" : ""),
                       Quantities.formatCount(o.extensionTokens), o.extensionFlops > 0 ? Quantities.formatScientific(o.extensionFlops, digits: 3) : "0",
                       Fmt.score(o.score)]
            if withBudget { row.append(o.budget.map { Quantities.formatCount($0.gpuHours) } ?? "") }
            if withDollars { row.append(o.budget?.dollars.map { "$" + Quantities.formatCount($0) } ?? "") }
            row.append(o.verdict ?? style.good("recommended"))
            return row
        }, words: [0, verdictColumn])
        if let r = a.recommended {
            let o = a.options[r]
            let why = a.target.map { "the cheapest limit reaching \(Fmt.score($0))" }
                ?? "the cheapest limit within \(Quantities.trimmed(String(format: "%.4f", a.within * 100)))% of the best score"
            block.line("recommended: " + style.bold(Fmt.limit(o.nCtx)) + ", \(why)")
        }
        for note in a.notes { block.note(note) }
        return block.text
    }
}
