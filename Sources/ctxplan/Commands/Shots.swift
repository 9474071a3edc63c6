import ArgumentParser
import ContextScaling
import Planner

struct Shots: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "shots",
        abstract: "The best number of shots, and the knee past which more barely help.",
        discussion: """
            best: the shot count with the highest predicted score (ties to fewer). knee: the fewest shots within --within (relative) of the best. --reserve R keeps R tokens of the limit for the answer (n_pmt + R <= n_ctx).
            Example: shots --task arithmetic --model llama-2-13b --nctx 16k
            """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Relative tolerance for the knee (default 0.01).", valueName: "e"), transform: Parse.fraction)
    var within: Double = 0.01

    @OptionGroup var reserve: ReserveOption

    @OptionGroup var interval: IntervalOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let a = try session.planner(global).shots(
            task: scenario.taskName(in: session), compute: scenario.computeInput(in: session), nCtx: scenario.contextLimit(in: session),
            within: within, reserve: reserve.reserve, recipe: scenario.recipe.recipe, intervalLevel: interval.level)
        try interval.check(a.scenario.task)
        session.lastAnswer = a.plotMark
        let json = JSON.object([
            ("task", .string(a.scenario.task.name)),
            ("model", .str(a.scenario.model?.name)),
            ("compute", .num(a.scenario.flops)),
            ("n_ctx", .num(a.scenario.nCtx)),
            ("best_shots", .integer(a.best.shots)),
            ("best_score", .num(a.best.score)),
            ("best_n_pmt", .num(a.best.promptTokens)),
            ("knee_shots", .integer(a.knee.shots)),
            ("knee_score", .num(a.knee.score)),
            ("knee_n_pmt", .num(a.knee.promptTokens)),
            ("within", .num(a.within)),
            ("reserve", .num(a.reserve)),
            ("max_shots", .integer(a.maxShots)),
            ("best_interval", a.bestInterval.map(IntervalOptions.json) ?? .null),
            ("knee_interval", a.kneeInterval.map(IntervalOptions.json) ?? .null),
            ("rows", .array(a.rows.map { .object([("shots", .integer($0.shots)), ("n_pmt", .num($0.promptTokens)), ("score", .num($0.score))]) })),
            ("notes", .notes(a.notes)),
        ])
        var block = TextBlock(session.style)
        block.line("\(a.scenario.task.name) on \(Fmt.setting(a.scenario))" + (a.reserve.map { ", \(Quantities.formatTokens($0)) tokens reserved" } ?? ""))
        block.field("best", session.style.bold("\(a.best.shots) shots") + "  score \(Fmt.score(a.best.score)), \(Fmt.tokens(a.best.promptTokens))")
        block.field("knee", session.style.bold("\(a.knee.shots) shots") + "  score \(Fmt.score(a.knee.score)), \(Fmt.tokens(a.knee.promptTokens)); within \(Quantities.trimmed(String(format: "%.4f", a.within * 100)))% of the best")
        let whole = { (v: Double) in "\(Int(v.rounded()))" }
        if let i = a.bestInterval { block.field("  best", IntervalOptions.text(i, unit: " shots", whole)) }
        if let i = a.kneeInterval { block.field("  knee", IntervalOptions.text(i, unit: " shots", whole)) }
        var previous: Double?
        block.table(["shots", "n_pmt", "score", "gain"], a.rows.map { row in
            defer { previous = row.score }
            let mark = row.shots == a.best.shots ? " best" : (row.shots == a.knee.shots ? " knee" : "")
            return [String(row.shots) + mark, Quantities.formatTokens(row.promptTokens), Fmt.score(row.score),
                    previous.map { String(format: "%+.4f", row.score - $0) } ?? ""]
        })
        for note in a.notes { block.note(note) }
        emit(global, json: json, text: block.text)
    }
}

struct ContextFor: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "context-for",
        abstract: "The fewest shots (and prompt tokens) that reach a target score.",
        discussion: "Example: context-for 0.13 --task arithmetic --model llama-2-7b")

    @Argument(help: ArgumentHelp("The target score, in (0, 1).", valueName: "target"), transform: Parse.plain)
    var target: Double

    @OptionGroup var scenario: ScenarioOptions

    @OptionGroup var reserve: ReserveOption

    @OptionGroup var interval: IntervalOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let a = try session.planner(global).contextFor(
            target: target, task: scenario.taskName(in: session), compute: scenario.computeInput(in: session), nCtx: scenario.contextLimit(in: session),
            reserve: reserve.reserve, recipe: scenario.recipe.recipe, intervalLevel: interval.level)
        try interval.check(a.scenario.task)
        var pairs: [(String, JSON)] = [
            ("task", .string(a.scenario.task.name)), ("target", .num(a.target)),
            ("compute", .num(a.scenario.flops)), ("n_ctx", .num(a.scenario.nCtx)),
        ]
        var block = TextBlock(session.style)
        let at = "\(a.scenario.task.name) on \(Fmt.setting(a.scenario))"
        switch a.solution {
        case .reached(let choice, let threshold):
            pairs += [("reachable", .bool(true)), ("shots", .integer(choice.shots)), ("n_pmt", .num(choice.promptTokens)),
                      ("score", .num(choice.score)), ("threshold_n_pmt", .num(threshold))]
            block.field("shots", session.style.bold("\(choice.shots)") + "  (\(Fmt.tokens(choice.promptTokens))) reach \(Fmt.score(a.target)) on \(at): predicted \(String(format: "%.4f", choice.score))")
            if let threshold {
                block.field("threshold", "the score crosses \(Fmt.score(a.target)) at \(Quantities.formatTokens(threshold)) prompt tokens")
            } else {
                block.field("threshold", "none: a prompt of a single token already reaches \(Fmt.score(a.target))")
            }
            if let i = a.interval { block.field("", IntervalOptions.text(i, unit: " shots") { "\(Int($0.rounded()))" }) }
        case .unreachable(let best):
            pairs += [("reachable", .bool(false)), ("shots", .null), ("n_pmt", .null),
                      ("best_shots", .integer(best.shots)), ("best_score", .num(best.score)), ("reason", .str(a.reason))]
            block.line(session.style.bad("not reachable") + ": \(Fmt.score(a.target)) on \(at)")
            block.field("  why", a.reason ?? "")
            block.field("  best", "\(best.shots) shots, score \(Fmt.score(best.score))")
        }
        pairs.append(("interval", a.interval.map(IntervalOptions.json) ?? .null))
        pairs.append(("notes", .notes(a.notes)))
        for note in a.notes { block.note(note) }
        emit(global, json: .object(pairs), text: block.text)
    }
}
