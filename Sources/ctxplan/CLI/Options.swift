import ArgumentParser
import Planner

/// Turns option values into numbers with our messages, which name the token and what was
/// expected, with examples that are valid for that option. ArgumentParser adds the flag:
/// "The value '8q' is invalid for '--nctx <n>': ...". Every number may be arithmetic
/// (`6*7B*2T`, `2*_`); `_` is accepted only where a number of its measure goes.
enum Parse {
    /// What `_` stands for while a command line is parsed: the session's last answer's main
    /// quantity, and what that answer was (`Session.underscore`).
    struct Underscore: Sendable {
        var quantity: Measured?
        /// The last answer's kind ("a fit"), nil before any answer.
        var answer: String?
    }

    /// `_` while a command line is parsed (`Ctxplan.execute` binds it around the parse).
    /// ArgumentParser calls the transforms below as plain functions, with no way to hand them the
    /// session; a task-local is bound for the parse alone and is never shared state.
    @TaskLocal static var underscore = Underscore()

    /// `text` evaluated with `_` standing for the last answer's number. `_` after an answer that
    /// has none says which answer that was.
    private static func evaluate(
        _ text: String, as kind: Quantities.Kind, allowZero: Bool = false, measure: Measure? = nil
    ) throws -> Double {
        do {
            return try Quantities.evaluate(
                text, as: kind, what: "", allowZero: allowZero, measure: measure, last: underscore.quantity)
        } catch let error as ExpressionError where error.problem == .noLastAnswer {
            guard let answer = underscore.answer else { throw error }
            throw UnderscoreWithoutNumber(error: error, answer: answer)
        }
    }

    /// `_` typed after an answer that has no number.
    struct UnderscoreWithoutNumber: Error, CustomStringConvertible {
        var error: ExpressionError
        var answer: String

        var description: String {
            // ArgumentParser quotes the whole value already; a longer expression is named again.
            let within = error.token == error.expression ? "" : "in \(InputError.quote(error.expression)), "
            return within + "'_' at character \(error.offset + 1) stands for the last answer's number; "
                + "the last answer, \(answer), has none"
        }
    }

    @Sendable static func context(_ text: String) throws -> Double {
        try evaluate(text, as: .contextTokens, measure: .contextTokens)
    }
    /// A context limit: a whole number of tokens (`0.3k` is 307.2, no limit a model has).
    @Sendable static func contextLimit(_ text: String) throws -> Double {
        let limit = try context(text)
        guard limit == limit.rounded() else {
            throw InputError(
                "\(InputError.quote(text)) is \(Quantities.formatExact(limit)) tokens; expected a whole number "
                    + "of tokens, such as 8k or 8192")
        }
        return limit
    }
    /// A count no answer gives (steps, batch, parameters, training tokens).
    @Sendable static func count(_ text: String) throws -> Double {
        try evaluate(text, as: .count)
    }
    /// Training compute in FLOPs.
    @Sendable static func flops(_ text: String) throws -> Double {
        try evaluate(text, as: .count, measure: .flops)
    }
    @Sendable static func whole(_ text: String) throws -> Int {
        Int(try evaluate(text, as: .whole, allowZero: true))
    }
    /// A shot count.
    @Sendable static func shots(_ text: String) throws -> Int {
        Int(try evaluate(text, as: .whole, allowZero: true, measure: .shots))
    }
    @Sendable static func positiveWhole(_ text: String) throws -> Int {
        Int(try evaluate(text, as: .whole))
    }
    /// A fraction in (0, 1): a tolerance.
    @Sendable static func fraction(_ text: String) throws -> Double {
        try number(text, in: .leastNonzeroMagnitude..<1, expected: "a fraction above 0 and below 1, such as 0.01")
    }
    /// A score in (0, 1): a target.
    @Sendable static func score(_ text: String) throws -> Double {
        try number(
            text, in: .leastNonzeroMagnitude..<1, expected: "a score above 0 and below 1, such as 0.16",
            measure: .score)
    }
    /// A chance floor in [0, 0.95]: the score of guessing on a multiple-choice metric (0 for an
    /// open completion, which no guess scores on).
    @Sendable static func floor(_ text: String) throws -> Double {
        try number(text, in: 0...0.95, expected: "a chance score from 0 to 0.95, such as 0.25")
    }
    /// A percentage in (0, 100): an interval's level.
    @Sendable static func percent(_ text: String) throws -> Double {
        try number(text, in: .leastNonzeroMagnitude..<100, expected: "a percentage above 0 and below 100, such as 80")
    }
    /// An interval's level in percent, 0 for none.
    @Sendable static func intervalLevel(_ text: String) throws -> Double {
        // Below 0.1%, an interval is no interval, but would be labelled as one.
        let expected = "0 (no interval) or a percentage from 0.1 to below 100, such as 80"
        let level = try number(text, in: 0..<100, expected: expected)
        guard level == 0 || level >= 0.1 else { throw InputError("\(InputError.quote(text)) is not \(expected)") }
        return level
    }
    /// A probability to answer at (`--confidence`): 400 outcomes cannot tell apart shares finer
    /// than about a thousandth.
    @Sendable static func confidence(_ text: String) throws -> Double {
        try number(text, in: 0.001...0.999, expected: "a probability from 0.001 to 0.999, such as 0.9")
    }
    /// A utilisation: a fraction of peak, at least 0.001.
    @Sendable static func utilisation(_ text: String) throws -> Double {
        try number(text, in: 0.001..<1, expected: "a utilisation from 0.001 to below 1, such as 0.4")
    }
    /// Dollars per GPU-hour, from a millionth of a dollar: a smaller price would print as $0.00.
    @Sendable static func price(_ text: String) throws -> Double {
        try number(
            text, in: 1e-6...1e15, expected: "a price in dollars per GPU-hour from 0.000001 to 1e15, such as 2.5 or 12")
    }
    /// A plain number in `range`; any other word, negative ones included, is named with the
    /// range. Arithmetic that has no value says where it went wrong instead.
    private static func number(
        _ text: String, in range: some RangeExpression<Double>, expected: String, measure: Measure? = nil
    ) throws -> Double {
        let value: Double
        do {
            value = try evaluate(text, as: .plain, allowZero: true, measure: measure)
        } catch let error as ExpressionError {
            throw error
        } catch let error as UnderscoreWithoutNumber {
            throw error
        } catch {
            throw InputError("\(InputError.quote(text)) is not \(expected)")
        }
        guard range.contains(value) else { throw InputError("\(InputError.quote(text)) is not \(expected)") }
        return value
    }
}

/// Options every command has.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Output: text, json, or csv (shots, extend, table and the other answers that are tables).",
            valueName: "format"))
    var requestedFormat: OutputFormat?

    @Flag(help: "Print one JSON object instead of text: short for --format json.")
    var json = false

    @Option(
        name: .customLong(PresetsOption.name),
        help: ArgumentHelp("Also load presets from this folder (tasks/, models/, hardware/).", valueName: "dir"),
        completion: ShellCompletion.folders)
    var presetDirectories: [String] = []

    /// The format asked for: `--format`, or JSON for `--json`, else `set format`, else text.
    /// `--json` beside another `--format` is rejected rather than one silently winning. A set
    /// CSV applies to the answers that are tables (`table`); the others print text.
    func outputFormat(in session: Session, table: Bool = true) throws -> OutputFormat {
        guard json else {
            if let requestedFormat { return requestedFormat }
            let set = session.value(Setting.format, given: nil)
            return set == .csv && !table ? .text : set
        }
        if let format = requestedFormat, format != .json {
            throw InputError("--json and --format \(format.rawValue) both given; expected one of them")
        }
        return .json
    }
}

/// `--task`, for commands that need a task but no model.
struct TaskOption: ParsableArguments {
    @Option(
        help: ArgumentHelp("Task preset name or task preset file.", valueName: "name"),
        completion: ShellCompletion.tasks)
    var task: String?

    /// The option's task, else the session's.
    func name(in session: Session) throws -> String { try session.required(Setting.task, given: task) }
}

/// `--reserve`: tokens of the context limit kept free for the generated answer.
struct ReserveOption: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Tokens of the limit kept for the generated answer.", valueName: "tokens"),
        transform: Parse.context)
    var reserve: Double?

    /// The option's reserve, else `set reserve`'s.
    func tokens(in session: Session) -> Double? { session.value(Setting.reserve, given: reserve) }
}

/// `--nctx`: the context limit, for every command that takes one.
///
/// Repeatable, because `plot` draws a curve at each limit it is given; every other command
/// refuses it given twice.
struct ContextLimitOption: ParsableArguments {
    @Option(
        parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Context limit in tokens, k = 1024 (8k, 32768).", valueName: "tokens"),
        transform: Parse.contextLimit)
    var nctx: [Double] = []

    /// The limit given, else the session's `set nctx`, else nil. Given twice, it is refused:
    /// only `plot` (`all`) takes several, and a command that answers lists has merged them.
    func limit(in session: Session) throws -> Double? {
        guard nctx.count <= 1 else { throw InputError("--nctx is given \(nctx.count) times; expected it once") }
        return session.value(Setting.nctx, given: nctx.last)
    }

    /// The limit given or set, for commands that cannot go without one.
    func required(in session: Session) throws -> Double {
        guard nctx.count <= 1 else { throw InputError("--nctx is given \(nctx.count) times; expected it once") }
        return try session.required(Setting.nctx, given: nctx.last)
    }

    /// Every limit given, else the session's one, else none.
    func all(in session: Session) throws -> [Double] {
        guard nctx.isEmpty else { return nctx }
        return try limit(in: session).map { [$0] } ?? []
    }
}

/// The task, the compute (a model or FLOPs) and the context limit: what most questions share.
struct ScenarioOptions: ParsableArguments {
    @OptionGroup var task: TaskOption

    @Option(
        help: ArgumentHelp("Model preset; with --nctx above its limit, the model extended to it.", valueName: "name"),
        completion: ShellCompletion.models)
    var model: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Training compute in FLOPs (1.5e23), instead of --model.", valueName: "flops"),
        transform: Parse.flops)
    var compute: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Non-embedding parameters N (7B); with --tokens, compute = 6ND, and a law that sees N and D apart "
                + "(ladder) sees both.", valueName: "count"),
        transform: Parse.count)
    var params: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Training tokens D (2T): with --params or --compute (compute = 6ND), or the pre-training tokens of "
                + "--model where its preset has none published (or to replace them).", valueName: "tokens"),
        transform: Parse.count)
    var tokens: Double?

    @OptionGroup var nctx: ContextLimitOption

    @OptionGroup var recipe: RecipeOptions

    func taskName(in session: Session) throws -> String { try task.name(in: session) }

    func computeInput(in session: Session) throws -> ComputeInput {
        if model != nil, params != nil {
            throw InputError("--model and --params both given; expected one of them (a preset knows its N)")
        }
        // --tokens alone is the pre-training tokens of the model (given or set); with --params or
        // --compute it is D of C = 6ND.
        if model == nil, params != nil || (tokens != nil && compute != nil) {
            switch (params, tokens, compute) {
            case (let n?, let d?, nil): return .paramsAndTokens(params: n, tokens: d)
            case (let n?, nil, let c?): return .paramsAndTokens(params: n, tokens: c / (6 * n))
            case (nil, let d?, let c?): return .paramsAndTokens(params: c / (6 * d), tokens: d)
            case (_?, _?, _?):
                throw InputError("--compute, --params and --tokens all given; expected two of them (compute = 6ND)")
            default:
                throw InputError("--params needs --tokens or --compute (compute = 6ND)")
            }
        }
        if let compute {
            if model != nil { throw InputError("--model and --compute both given; expected one of them") }
            return .flops(compute)
        }
        guard let name = session.value(Setting.model, given: model) else {
            throw InputError(
                "no compute: pass --model NAME, --compute FLOPS or --params N --tokens D (or 'set model NAME')")
        }
        return .model(name, tokens: tokens)
    }

    func contextLimit(in session: Session) throws -> Double? { try nctx.limit(in: session) }
}

/// Steps and batch of a context extension.
struct RecipeOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Extension steps (default 400, the paper's recipe).", valueName: "n"),
        transform: Parse.count)
    var steps: Double = 400

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Extension global batch in sequences (default 64).", valueName: "n"),
        transform: Parse.count)
    var batch: Double = 64

    var recipe: ExtensionRecipe { ExtensionRecipe(steps: steps, batch: batch) }
}

/// The prompt: a shot count or a length in tokens.
struct PromptOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Few-shot demonstrations; prompt tokens = base + shots x per-shot tokens.", valueName: "k"),
        transform: Parse.shots)
    var shots: Int?

    @Option(
        name: .customLong("prompt-tokens"), parsing: .unconditional,
        help: ArgumentHelp("Prompt length in tokens, k = 1024.", valueName: "n"), transform: Parse.context)
    var promptTokens: Double?

    /// The prompt given, else the one set (`set shots` or `set prompt-tokens`).
    func input(in session: Session) throws -> PromptInput {
        let given = shots != nil || promptTokens != nil
        let shots = given ? self.shots : session.value(Setting.shots, given: nil)
        let promptTokens = given ? self.promptTokens : session.value(Setting.promptTokens, given: nil)
        switch (shots, promptTokens) {
        case (let k?, nil): return .shots(k)
        case (nil, let n?): return .tokens(n)
        case (.some, .some): throw InputError("--shots and --prompt-tokens both given; expected one of them")
        case (nil, nil): throw InputError("no prompt: pass --shots K or --prompt-tokens N")
        }
    }
}

/// GPU, count, utilisation and price, for turning FLOPs into hours and dollars.
struct HardwareOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("GPU preset (h100, a100, h200, b200, mi300x).", valueName: "name"),
        completion: ShellCompletion.gpus)
    var gpu: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Number of GPUs, for wall-clock days (default \(Setting.gpus.fallbackText)).", valueName: "k"),
        transform: Parse.positiveWhole)
    var gpus: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Model FLOPs utilisation, a fraction of peak (default \(Setting.mfu.fallbackText)).", valueName: "u"),
        transform: Parse.utilisation)
    var mfu: Double?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Dollars per GPU-hour.", valueName: "p"), transform: Parse.price)
    var price: Double?

    func plan(_ planner: Planner, in session: Session, required: Bool = false) throws -> HardwarePlan? {
        guard let name = session.value(Setting.gpu, given: gpu) else {
            if required { throw Setting.gpu.missing(planner.library) }
            return nil
        }
        return HardwarePlan(
            gpu: try planner.library.gpu(name), gpus: session.value(Setting.gpus, given: gpus),
            mfu: session.value(Setting.mfu, given: mfu), pricePerGPUHour: session.value(Setting.price, given: price))
    }
}
