import ArgumentParser
import ContextScaling
import Planner

struct ComputeFor: ScenarioCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute-for", _superCommandName: Ctxplan.name,
        abstract: "The training compute at which the predicted score reaches a target.",
        discussion: """
            Solves Eq. (1) for C. With --model (or 'set model'), how much more than that model's compute, and the extra training tokens at its size (C = 6ND); the model's limit is the default --nctx. With --tokens D it also gives the model size N = C/6D; with --params N the tokens D = C/6N. With --gpu, GPU-hours, days and dollars. A target at or above the ceiling (the score with unlimited compute) is answered as unreachable, with what would lift the ceiling.
            Example: compute-for 0.16 --task arithmetic --shots 31 --nctx 8k --tokens 2T --gpu h100
            Comma lists on --nctx, --shots or --prompt-tokens ask once per combination and print one table: \
            compute-for 0.16 --task arithmetic --shots 15,31 --nctx 4k,8k
            """)

    @Argument(help: ArgumentHelp("The target score, in (0, 1).", valueName: "target"), transform: Parse.score)
    var target: Double

    @OptionGroup var task: TaskOption

    @OptionGroup var prompt: PromptOptions

    @OptionGroup var nctx: ContextLimitOption

    @Option(
        help: ArgumentHelp(
            "A model to measure the gap from: its compute, and what more the target takes.", valueName: "name"))
    var model: String?

    @OptionGroup var recipe: RecipeOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Training tokens D: report the model size N = C/6D.", valueName: "count"),
        transform: Parse.count)
    var tokens: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Parameters N: report the training tokens D = C/6N.", valueName: "count"),
        transform: Parse.count)
    var params: Double?

    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var interval: IntervalOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Answer the compute at which the score reaches the target with this probability, e.g. 0.9 "
                + "(default: the task's own answer).", valueName: "q"),
        transform: Parse.confidence)
    var confidence: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "With --model, how close to the target (relatively) more shots at the model's own compute must "
                + "come to be recommended instead of more compute (default 0.01).", valueName: "e"),
        transform: Parse.fraction)
    var within: Double = 0.01

    @OptionGroup var global: GlobalOptions

    func answer(in session: Session) throws -> ComputeForAnswer {
        if tokens != nil && params != nil { throw InputError("--tokens and --params both given; expected one of them") }
        let taskName = try task.name(in: session)
        let planner = session.planner(global)
        let baselineModel = session.value(Setting.model, given: model)
        let limit =
            try nctx.limit(in: session) ?? baselineModel.map { try planner.library.model($0).nCtx }
            ?? nctx.required(in: session)
        let taskPreset = try planner.library.task(taskName)
        try interval.check(taskPreset)
        if let confidence, taskPreset.draws.isEmpty {
            throw InputError(
                "--confidence \(Quantities.trimmed(String(confidence))) needs bootstrap draws; task '\(taskPreset.name)' "
                    + "has none (save one with 'fit --bootstrap N --save PATH')")
        }
        var a = try planner.computeFor(
            target: target, task: taskName, prompt: prompt.input(in: session), nCtx: limit, tokens: tokens,
            params: params, plan: hardware.plan(planner, in: session), interval: interval.request(in: session),
            confidence: confidence)
        if let baselineModel {
            a.baseline = try planner.baseline(model: baselineModel, for: a, recipe: recipe.recipe)
        }
        a.alternative = planner.moreShots(for: a, within: within)
        return a
    }
}
