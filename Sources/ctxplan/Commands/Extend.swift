import ArgumentParser
import ContextScaling
import Planner

struct Extend: ScenarioCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", _superCommandName: Ctxplan.name,
        abstract: "Which context limit to extend a model to, and what each candidate costs.",
        discussion: """
            For each candidate limit (default: doublings from the model's limit up to 128k): extension tokens (steps x batch x limit), extension FLOPs (6N x tokens), GPU-hours with --gpu, and the predicted score at your prompt. Recommends the cheapest limit within --within of the best score, or the cheapest that meets --target.
            Example: extend --model llama-2-7b --task arithmetic --prompt-tokens 20k --gpu h100
            Comma lists on --model, --shots or --prompt-tokens ask once per combination and print one table: \
            extend --model llama-2-7b,llama-2-13b --task arithmetic --prompt-tokens 6k,20k
            """)

    @Option(
        help: ArgumentHelp("Model preset; its base model is extended.", valueName: "name"),
        completion: ShellCompletion.models)
    var model: String?

    @OptionGroup var task: TaskOption

    @OptionGroup var prompt: PromptOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Candidate limits, comma-separated (8k,16k,32k).", valueName: "limits"))
    var to: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Recommend the cheapest limit reaching this score.", valueName: "score"),
        transform: Parse.score)
    var target: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Relative tolerance to the best score (default 0.01).", valueName: "e"),
        transform: Parse.fraction)
    var within: Double = 0.01

    @OptionGroup var reserve: ReserveOption

    @OptionGroup var attention: AttentionOption

    @OptionGroup var recipe: RecipeOptions
    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var interval: IntervalOptions
    @OptionGroup var global: GlobalOptions

    func answer(in session: Session) throws -> ExtendAnswer {
        let modelName = try session.required(Setting.model, given: model)
        let candidates = try to.map { list in
            try list.split(separator: ",", omittingEmptySubsequences: false).map { item -> Double in
                do { return try Parse.context(String(item)) } catch var e as QuantityError {
                    e.what = "--to"
                    throw e
                }
            }
        }
        let planner = session.planner(global)
        let a = try planner.extend(
            model: modelName, task: task.name(in: session), prompt: prompt.input(in: session), candidates: candidates,
            target: target, within: within, reserve: reserve.tokens(in: session), recipe: recipe.recipe,
            plan: hardware.plan(planner, in: session),
            countAttention: attention.counting != nil, attentionCounting: attention.counting ?? .causal,
            interval: interval.request(in: session))
        try interval.check(a.task)
        return a
    }
}
