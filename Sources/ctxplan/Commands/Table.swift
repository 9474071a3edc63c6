import ArgumentParser
import Planner

struct Table: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "table", _superCommandName: Ctxplan.name,
        abstract: "Predicted scores at 0, 1, 3, ..., 511 shots beside the observed ones (Tables 8-10).",
        discussion: "Example: table --task commonsense --model yarn-llama-2-13b-32k")

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        for (given, flag) in [(scenario.compute, "--compute"), (scenario.params, "--params"), (scenario.tokens, "--tokens")]
        where given != nil {
            throw InputError("table compares a model with its observations; expected --model NAME, not \(flag)")
        }
        let model = try session.required(Setting.model, given: scenario.model)
        let t = try session.planner(global).table(
            task: scenario.taskName(in: session), model: model, nCtx: scenario.contextLimit(in: session),
            recipe: scenario.recipe.recipe)
        try render(t, global, in: session)
    }
}
