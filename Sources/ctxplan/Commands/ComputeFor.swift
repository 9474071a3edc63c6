import ArgumentParser
import ContextScaling
import Planner

struct ComputeFor: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute-for",
        abstract: "The training compute at which the predicted score reaches a target.",
        discussion: """
            Solves Eq. (1) for C. With --tokens D it also gives the model size N = C/6D; with --params N the tokens D = C/6N. With --gpu, GPU-hours, days and dollars. A target at or above the ceiling (the score with unlimited compute) is answered as unreachable, with what would lift the ceiling.
            Example: compute-for 0.16 --task arithmetic --shots 31 --nctx 8k --tokens 2T --gpu h100
            """)

    @Argument(help: ArgumentHelp("The target score, in (0, 1).", valueName: "target"), transform: Parse.plain)
    var target: Double

    @OptionGroup var task: TaskOption

    @OptionGroup var prompt: PromptOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Context limit in tokens, k = 1024.", valueName: "tokens"), transform: Parse.context)
    var nctx: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Training tokens D: report the model size N = C/6D.", valueName: "count"), transform: Parse.count)
    var tokens: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Parameters N: report the training tokens D = C/6N.", valueName: "count"), transform: Parse.count)
    var params: Double?

    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var interval: IntervalOptions
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        if tokens != nil && params != nil { throw InputError("--tokens and --params both given; expected one of them") }
        let taskName = try task.name(in: session)
        let limit = try session.settings.requiredNctx(nctx)
        let planner = session.planner(global)
        try interval.check(planner.library.task(taskName))
        let a = try planner.computeFor(
            target: target, task: taskName, prompt: prompt.input(), nCtx: limit, tokens: tokens, params: params,
            plan: hardware.plan(planner, in: session), intervalLevel: interval.level)
        if let mark = a.plotMark(target: target) { session.lastAnswer = mark }
        emit(global, json: ComputeFor.json(a), text: ComputeFor.text(a, style: session.style))
    }

    static func json(_ a: ComputeForAnswer) -> JSON {
        var pairs: [(String, JSON)] = [
            ("task", .string(a.task.name)),
            ("target", .num(a.target)),
            ("reachable", .bool(a.reachable)),
            ("outcome", .string(ComputeFor.outcome(a.solution))),
            ("compute", .num(a.flops)),
            ("ceiling", .num(a.ceiling)),
            ("n_pmt", .num(a.nPmt)),
            ("shots", a.shots.map(JSON.integer) ?? .null),
            ("n_ctx", .num(a.nCtx)),
        ]
        switch a.modelSize {
        case .parameters(let n, let d)?: pairs += [("params", .num(n)), ("tokens", .num(d))]
        case .tokens(let d, let n)?: pairs += [("params", .num(n)), ("tokens", .num(d))]
        case nil: break
        }
        if let nearest = a.nearest { pairs.append(("nearest_model", .object([("name", .string(nearest.name)), ("multiple", .num(nearest.multiple))]))) }
        if case .beyondAnyCompute = a.solution { pairs.append(("beyond_any_compute", .bool(true))) }
        pairs.append(("lifts", .array(a.lifts.map { .object([("change", .string($0.what)), ("ceiling", .num($0.ceiling))]) })))
        if let b = a.budget { pairs.append(("budget", BudgetCommand.json(b))) }
        if let i = a.interval { pairs.append(("interval", IntervalOptions.json(i))) }
        pairs.append(("notes", .notes(a.notes)))
        return .object(pairs)
    }

    /// The solver's outcome as a stable JSON token.
    static func outcome(_ solution: ComputeSolution) -> String {
        switch solution {
        case .reached: return "reached"
        case .reachedAtAnyCompute: return "reached_at_any_compute"
        case .unreachable: return "unreachable"
        case .beyondAnyCompute: return "beyond_any_compute"
        }
    }

        static func text(_ a: ComputeForAnswer, style: Style) -> String {
        var block = TextBlock(style)
        let at = "\(a.task.name), \(Fmt.prompt(a.nPmt, shots: a.shots)) at \(Fmt.limit(a.nCtx))"
        switch a.solution {
        case .reached(let c):
            block.field("compute", style.bold(Fmt.flops(c)) + "  for \(Fmt.score(a.target)) on \(at)")
            if let i = a.interval { block.field("", IntervalOptions.text(i) { Quantities.formatScientific($0, digits: 2) }) }
            if let nearest = a.nearest {
                block.field("nearest", String(format: "%@x %@", Quantities.trimmed(String(format: "%.2g", nearest.multiple)), nearest.name))
            }
            switch a.modelSize {
            case .parameters(let n, let d)?: block.field("model size", "N = \(Quantities.formatCount(n)) parameters at D = \(Quantities.formatCount(d)) tokens")
            case .tokens(let d, let n)?: block.field("tokens", "D = \(Quantities.formatCount(d)) tokens at N = \(Quantities.formatCount(n)) parameters")
            case nil: break
            }
            block.field("ceiling", Fmt.score(a.ceiling) + "  (the score with unlimited compute here)")
            if let b = a.budget { BudgetCommand.fields(b, into: &block) }
        case .reachedAtAnyCompute:
            block.field("compute", style.bold("any") + "  reaches \(Fmt.score(a.target)) on \(at): already at 1 FLOP, so compute does not bind")
            block.field("ceiling", Fmt.score(a.ceiling) + "  (the score with unlimited compute here)")
        case .unreachable(let ceiling), .beyondAnyCompute(let ceiling):
            if case .beyondAnyCompute = a.solution {
                block.line(style.bad("not reachable within 1e300 FLOPs") + ": \(Fmt.score(a.target)) on \(at)")
            } else {
                block.line(style.bad("not reachable") + ": \(Fmt.score(a.target)) is at or above the ceiling \(Fmt.score(ceiling)) on \(at)")
            }
            for lift in a.lifts { block.field("  " + lift.what, "ceiling " + Fmt.score(lift.ceiling)) }
        }
        for note in a.notes { block.note(note) }
        return block.text
    }
}

/// `--interval P`: percentile intervals from a preset's bootstrap draws.
struct IntervalOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Percentile interval from the task preset's bootstrap draws, e.g. 80.", valueName: "percent"), transform: Parse.plain)
    var interval: Double?

    var level: Double? { interval }

    /// Rejects --interval for a task saved without bootstrap draws.
    func check(_ task: TaskPreset) throws {
        if let interval, task.draws.isEmpty {
            throw InputError("--interval \(Quantities.trimmed(String(interval))) needs bootstrap draws; task '\(task.name)' has none (save one with 'fit --bootstrap N --save PATH')")
        }
    }

    func validate() throws {
        if let interval, !(interval > 0 && interval < 100) {
            throw InputError("--interval \(interval) is outside (0, 100); expected a percentage such as 80")
        }
    }

    static func json(_ i: Interval) -> JSON {
        .object([("level", .num(i.level)), ("low", .num(i.low)), ("high", .num(i.high)), ("unanswered_draws", .integer(i.unanswered))])
    }

    /// "80% interval 1.2e23-2.9e23" (with `unit` after the range: "16-25 shots").
    static func text(_ i: Interval, unit: String = "", _ format: (Double) -> String) -> String {
        guard let low = i.low, let high = i.high else { return "no bootstrap draw answers this question" }
        var text = "\(Quantities.trimmed(String(format: "%.1f", i.level)))% interval \(format(low))-\(format(high))\(unit)"
        if i.unanswered > 0 { text += " (\(i.unanswered) draws have no answer)" }
        return text
    }
}
