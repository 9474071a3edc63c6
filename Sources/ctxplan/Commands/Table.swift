import ArgumentParser
import Planner

struct Table: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Predicted scores at 0, 1, 3, ..., 511 shots beside the observed ones (Tables 8-10).",
        discussion: "Example: table --task commonsense --model yarn-llama-2-13b-32k")

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        if scenario.compute != nil {
            throw InputError("table compares a model with its observations; expected --model NAME, not --compute")
        }
        let model = try session.settings.model(scenario.model)
        let t = try session.planner(global).table(task: scenario.taskName(in: session), model: model, nCtx: scenario.contextLimit(in: session), recipe: scenario.recipe.recipe)
        let json = JSON.object([
            ("task", .string(t.scenario.task.name)),
            ("model", .str(t.scenario.model?.name)),
            ("n_ctx", .num(t.scenario.nCtx)),
            ("compute", .num(t.scenario.flops)),
            ("rows", .array(t.rows.map { row in
                .object([("shots", .integer(row.shots)), ("n_pmt", .num(row.nPmt)),
                         ("predicted", .num(row.predicted)), ("observed", .num(row.observed))])
            })),
            ("mae", .num(t.meanAbsoluteError)),
        ])
        var block = TextBlock(session.style)
        block.line("\(t.scenario.task.name) on \(t.scenario.model?.name ?? "") at \(Fmt.limit(t.scenario.nCtx)), \(Fmt.flops(t.scenario.flops))")
        block.table(["shots", "n_pmt", "predicted", "observed", "error"], t.rows.map { row in
            [String(row.shots), Quantities.formatTokens(row.nPmt), Fmt.score(row.predicted),
             row.observed.map(Fmt.score) ?? "-",
             row.observed.map { String(format: "%+.3f", $0 - row.predicted) } ?? "-"]
        })
        if let mae = t.meanAbsoluteError {
            block.line("mean absolute error \(Fmt.score(mae)) over \(t.rows.filter { $0.observed != nil }.count) observations")
        } else {
            block.line("no bundled observations for this model and limit")
        }
        emit(global, json: json, text: block.text)
    }
}
