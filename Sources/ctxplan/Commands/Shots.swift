import ArgumentParser
import ContextScaling
import Planner

struct Shots: ScenarioCommand {
    static let configuration = CommandConfiguration(
        commandName: "shots", _superCommandName: Ctxplan.name,
        abstract: "The best number of shots, and the knee past which more barely help.",
        discussion: """
            best: the shot count with the highest predicted score (ties to fewer). knee: the fewest shots within --within (relative) of the best. --reserve R keeps R tokens of the limit for the answer (n_pmt + R <= n_ctx).
            Example: shots --task arithmetic --model llama-2-13b --nctx 16k
            Comma lists on --model, --compute or --nctx ask once per combination and print one table: \
            shots --task arithmetic --model llama-2-7b,llama-2-13b --nctx 8k,16k
            """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Relative tolerance for the knee (default 0.01).", valueName: "e"),
        transform: Parse.fraction)
    var within: Double = 0.01

    @OptionGroup var reserve: ReserveOption

    @OptionGroup var interval: IntervalOptions
    @OptionGroup var global: GlobalOptions

    func answer(in session: Session) throws -> ShotsAnswer {
        let a = try session.planner(global).shots(
            task: scenario.taskName(in: session), compute: scenario.computeInput(in: session),
            nCtx: scenario.contextLimit(in: session),
            within: within, reserve: reserve.tokens(in: session), recipe: scenario.recipe.recipe,
            interval: interval.request(in: session))
        try interval.check(a.scenario.task)
        return a
    }
}

struct ContextFor: ScenarioCommand {
    static let configuration = CommandConfiguration(
        commandName: "context-for", _superCommandName: Ctxplan.name,
        abstract: "The fewest shots (and prompt tokens) that reach a target score.",
        discussion: """
            Example: context-for 0.13 --task arithmetic --model llama-2-7b
            Comma lists on --model, --compute or --nctx ask once per combination and print one table: \
            context-for 0.13 --task arithmetic --model llama-2-7b,llama-2-13b --nctx 4k,16k
            """)

    @Argument(help: ArgumentHelp("The target score, in (0, 1).", valueName: "target"), transform: Parse.score)
    var target: Double

    @OptionGroup var scenario: ScenarioOptions

    @OptionGroup var reserve: ReserveOption

    @OptionGroup var interval: IntervalOptions
    @OptionGroup var global: GlobalOptions

    func answer(in session: Session) throws -> ContextForAnswer {
        let a = try session.planner(global).contextFor(
            target: target, task: scenario.taskName(in: session), compute: scenario.computeInput(in: session),
            nCtx: scenario.contextLimit(in: session),
            reserve: reserve.tokens(in: session), recipe: scenario.recipe.recipe,
            interval: interval.request(in: session))
        try interval.check(a.scenario.task)
        return a
    }
}
