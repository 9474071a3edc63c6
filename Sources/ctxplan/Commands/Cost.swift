import ArgumentParser
import Planner

struct Cost: ScenarioCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost", _superCommandName: Ctxplan.name,
        abstract: "What extending a model to a longer context limit costs (C = 6ND).",
        discussion: """
            Extension tokens = steps x global batch x new limit (the paper's recipe: 400 x 64).
            Example: cost --model llama-2-7b --to 32k --gpu h100 --gpus 8
            A comma list on --model prints one table, a row per model: cost --model llama-2-7b,llama-2-13b --to 32k
            """)

    @Option(
        help: ArgumentHelp("Model preset to extend (its base model is extended).", valueName: "name"),
        completion: ShellCompletion.models)
    var model: String?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("The new context limit, k = 1024.", valueName: "tokens"),
        transform: Parse.contextLimit)
    var to: Double

    @OptionGroup var attention: AttentionOption

    @OptionGroup var recipe: RecipeOptions
    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var global: GlobalOptions

    func answer(in session: Session) throws -> ExtensionCost {
        let model = try session.required(Setting.model, given: self.model)
        let planner = session.planner(global)
        let c = try planner.cost(
            model: model, to: to, recipe: recipe.recipe, plan: hardware.plan(planner, in: session),
            countAttention: attention.counting != nil, attentionCounting: attention.counting ?? .causal)
        return c
    }
}
