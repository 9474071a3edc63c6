import ArgumentParser
import Planner

struct Predict: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict the score, with its three factors.",
        discussion: """
            A model with --nctx above its own limit is the model extended to it by the recipe (400 steps x batch 64 x limit tokens), its compute including the extension.

            Example: predict --task arithmetic --model llama-2-7b --shots 31
            """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var prompt: PromptOptions
    @OptionGroup var interval: IntervalOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let p = try session.planner(global).predict(
            task: scenario.taskName(in: session), compute: scenario.computeInput(in: session), prompt: prompt.input(),
            nCtx: scenario.contextLimit(in: session), recipe: scenario.recipe.recipe, intervalLevel: interval.level)
        try interval.check(p.scenario.task)
        emit(global, json: Predict.json(p), text: Predict.text(p, style: session.style))
    }

    static func json(_ p: Prediction) -> JSON {
        .object([
            ("task", .string(p.scenario.task.name)),
            ("model", .str(p.scenario.model?.name)),
            ("score", .num(p.score)),
            ("compute", .num(p.scenario.flops)),
            ("n_pmt", .num(p.nPmt)),
            ("shots", p.shots.map(JSON.integer) ?? .null),
            ("n_ctx", .num(p.scenario.nCtx)),
            ("factors", .object([
                ("compute", .num(p.factors.compute)),
                ("context", .num(p.factors.context)),
                ("penalty", .num(p.factors.penalty)),
            ])),
            ("interval", p.interval.map(IntervalOptions.json) ?? .null),
            ("notes", .notes(p.notes)),
        ])
    }

    static func text(_ p: Prediction, style: Style) -> String {
        var block = TextBlock(style)
        block.field("score", style.bold(Fmt.score(p.score)) + "  \(p.scenario.task.metric), \(p.scenario.task.name) on \(Fmt.setting(p.scenario))")
        if let i = p.interval { block.field("", IntervalOptions.text(i, Fmt.score)) }
        block.field("  compute factor", Fmt.score(p.factors.compute))
        block.field("  context factor", Fmt.score(p.factors.context))
        block.field("  penalty", Fmt.score(p.factors.penalty))
        block.field("compute", Fmt.flops(p.scenario.flops))
        block.field("n_pmt", Fmt.prompt(p.nPmt, shots: p.shots))
        block.field("n_ctx", Fmt.limit(p.scenario.nCtx))
        for note in p.notes { block.note(note) }
        return block.text
    }
}

struct Explain: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say which factor holds the score down, and by how much.",
        discussion: "Example: explain --task arithmetic --model llama-2-7b --shots 63")

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var prompt: PromptOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let e = try session.planner(global).explain(
            task: scenario.taskName(in: session), compute: scenario.computeInput(in: session), prompt: prompt.input(),
            nCtx: scenario.contextLimit(in: session), recipe: scenario.recipe.recipe)
        var json = Predict.json(e.prediction)
        if case .object(var pairs) = json {
            pairs.insert(("binding", .string(e.binding.rawValue)), at: 3)
            pairs.append(("explanation", .array(e.sentences.map(JSON.string))))
            json = .object(pairs)
        }
        var block = TextBlock(session.style)
        block.line("score \(session.style.bold(Fmt.score(e.prediction.score))): \(e.prediction.scenario.task.name) on \(Fmt.setting(e.prediction.scenario))")
        for sentence in e.sentences { block.line("  " + sentence) }
        for note in e.prediction.notes { block.note(note) }
        emit(global, json: json, text: block.text)
    }
}
