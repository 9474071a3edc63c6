import ArgumentParser
import Planner

struct Predict: ScenarioCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict", _superCommandName: Ctxplan.name,
        abstract: "Predict the score, with its three factors.",
        discussion: """
            A model with --nctx above its own limit is the model extended to it by the recipe (400 steps x batch 64 x limit tokens), its compute including the extension.

            Example: predict --task arithmetic --model llama-2-7b --shots 31
            Comma lists on --model, --compute, --nctx, --shots or --prompt-tokens ask once per combination \
            and print one table: predict --task commonsense --model llama-2-7b,llama-2-70b --nctx 8k,32k --shots 5
            """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var prompt: PromptOptions
    @OptionGroup var interval: IntervalOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Also give the chance that the score reaches this target.", valueName: "score"),
        transform: Parse.score)
    var target: Double?

    @OptionGroup var global: GlobalOptions

    func answer(in session: Session) throws -> Prediction {
        let p = try session.planner(global).predict(
            task: scenario.taskName(in: session), compute: scenario.computeInput(in: session),
            prompt: prompt.input(in: session), nCtx: scenario.contextLimit(in: session),
            recipe: scenario.recipe.recipe, interval: interval.request(in: session), target: target)
        try interval.check(p.scenario.task)
        return p
    }
}

struct Explain: AnswerCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", _superCommandName: Ctxplan.name,
        abstract: "Say which factor holds the score down, and by how much.",
        discussion: "Example: explain --task arithmetic --model llama-2-7b --shots 63")

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var prompt: PromptOptions
    @OptionGroup var interval: IntervalOptions
    @OptionGroup var global: GlobalOptions

    func answer(in session: Session) throws -> Explanation {
        let e = try session.planner(global).explain(
            task: scenario.taskName(in: session), compute: scenario.computeInput(in: session),
            prompt: prompt.input(in: session), nCtx: scenario.contextLimit(in: session),
            recipe: scenario.recipe.recipe, interval: interval.request(in: session))
        try interval.check(e.prediction.scenario.task)
        return e
    }
}
