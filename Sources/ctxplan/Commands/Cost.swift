import ArgumentParser
import Planner

struct Cost: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "What extending a model to a longer context limit costs (C = 6ND).",
        discussion: """
            Extension tokens = steps x global batch x new limit (the paper's recipe: 400 x 64).
            Example: cost --model llama-2-7b --to 32k --gpu h100 --gpus 8
            """)

    @Option(help: ArgumentHelp("Model preset to extend (its base model is extended).", valueName: "name"))
    var model: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The new context limit, k = 1024.", valueName: "tokens"), transform: Parse.context)
    var to: Double

    @Flag(help: "Budget GPU time on the attention-aware count (Kaplan et al.: 6N + 6 n_layer n_ctx d_attn per token).")
    var attention = false

    @OptionGroup var recipe: RecipeOptions
    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let model = try session.settings.model(self.model)
        let planner = session.planner(global)
        let c = try planner.cost(model: model, to: to, recipe: recipe.recipe, plan: hardware.plan(planner, in: session), countAttention: attention)
        emit(global, json: Cost.json(c), text: Cost.text(c, style: session.style))
    }

    static func json(_ c: ExtensionCost) -> JSON {
        var pairs: [(String, JSON)] = [
            ("model", .string(c.base.name)),
            ("n_ctx", .num(c.extended.nCtx)),
            ("steps", .num(c.recipe.steps)),
            ("batch", .num(c.recipe.batch)),
            ("extension_tokens", .num(c.extensionTokens)),
            ("extension_flops", .num(c.extensionFlops)),
            ("extension_flops_with_attention", .num(c.extensionFlopsWithAttention)),
            ("total_compute", .num(c.totalFlops)),
            ("fraction_of_pretraining", .num(c.fractionOfPretraining)),
        ]
        if let b = c.budget { pairs.append(("budget", BudgetCommand.json(b))) }
        pairs.append(("notes", .notes(c.notes)))
        return .object(pairs)
    }

    static func text(_ c: ExtensionCost, style: Style) -> String {
        var block = TextBlock(style)
        block.line("\(c.base.name), \(Fmt.limit(c.base.nCtx)) -> \(Fmt.limit(c.extended.nCtx))")
        block.field("extension tokens", "\(Quantities.formatCount(c.extensionTokens))  (\(Quantities.formatCount(c.recipe.steps)) steps x \(Quantities.formatCount(c.recipe.batch)) x \(Fmt.limit(c.extended.nCtx)))")
        block.field("extension FLOPs", Quantities.formatScientific(c.extensionFlops) + "  (6 N x extension tokens)")
        if let withAttention = c.extensionFlopsWithAttention {
            block.field("  with attention", Quantities.formatScientific(withAttention) + String(format: "  (Kaplan et al.: %.1fx the 6ND count)", withAttention / c.extensionFlops))
        }
        block.field("total compute", Fmt.flops(c.totalFlops))
        block.field("of pre-training", String(format: "%.4g%%", 100 * c.fractionOfPretraining))
        if let b = c.budget { BudgetCommand.fields(b, into: &block) }
        for note in c.notes { block.note(note) }
        return block.text
    }
}
