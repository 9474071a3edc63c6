import ArgumentParser
import ContextScaling
import Planner

struct ComputeFor: ScenarioCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute-for",
        abstract: "The training compute at which the predicted score reaches a target.",
        discussion: """
            Solves Eq. (1) for C. With --tokens D it also gives the model size N = C/6D; with --params N the tokens D = C/6N. With --gpu, GPU-hours, days and dollars. A target at or above the ceiling (the score with unlimited compute) is answered as unreachable, with what would lift the ceiling.
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
    @OptionGroup var global: GlobalOptions

    func answer(in session: Session) throws -> ComputeForAnswer {
        if tokens != nil && params != nil { throw InputError("--tokens and --params both given; expected one of them") }
        let taskName = try task.name(in: session)
        let limit = try nctx.required(in: session)
        let planner = session.planner(global)
        try interval.check(planner.library.task(taskName))
        let a = try planner.computeFor(
            target: target, task: taskName, prompt: prompt.input(), nCtx: limit, tokens: tokens, params: params,
            plan: hardware.plan(planner, in: session), intervalLevel: interval.level)
        if let mark = a.plotMark(target: target) { session.lastAnswer = mark }
        return a
    }
}

/// `--interval P`: percentile intervals from a preset's bootstrap draws.
struct IntervalOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Percentile interval from the task preset's bootstrap draws, e.g. 80.", valueName: "percent"),
        transform: Parse.percent)
    var interval: Double?

    var level: Double? { interval }

    /// Rejects --interval for a task saved without bootstrap draws.
    func check(_ task: TaskPreset) throws {
        if let interval, task.draws.isEmpty {
            throw InputError(
                "--interval \(Quantities.trimmed(String(interval))) needs bootstrap draws; task '\(task.name)' has none (save one with 'fit --bootstrap N --save PATH')"
            )
        }
    }

    func validate() throws {
        if let interval, !(interval > 0 && interval < 100) {
            throw InputError("--interval \(interval) is outside (0, 100); expected a percentage such as 80")
        }
    }

    static func json(_ i: Interval) -> JSON {
        .object([
            ("level", .num(i.level)), ("low", .num(i.low)), ("high", .num(i.high)),
            ("unanswered_draws", .integer(i.unanswered)),
        ])
    }

    /// "80% interval 1.2e23-2.9e23" (with `unit` after the range: "16-25 shots").
    static func text(_ i: Interval, unit: String = "", _ format: (Double) -> String) -> String {
        guard let low = i.low, let high = i.high else { return "no bootstrap draw answers this question" }
        var text =
            "\(Quantities.trimmed(String(format: "%.1f", i.level)))% interval \(format(low))-\(format(high))\(unit)"
        if i.unanswered > 0 { text += " (\(i.unanswered) draws have no answer)" }
        return text
    }
}
