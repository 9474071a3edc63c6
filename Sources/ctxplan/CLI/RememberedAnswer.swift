import Planner

/// An answer the session keeps as its last (`Session.answer`): every answer a command prints,
/// planning or not. `show last` prints it again (in the format then asked for), `_` stands for
/// its main quantity (see `Parse.underscore`), and a following `plot` marks its point.
protocol RememberedAnswer: Rendering {
    /// What the answer is, in a message ("a fit"): `_` after an answer with no number says
    /// which answer it was.
    var kind: String { get }
    var mainQuantity: Measured? { get }
    /// The point a following `plot` marks, if the answer has one.
    var mark: PlotMark? { get }
}

extension RememberedAnswer {
    var mark: PlotMark? { nil }
}

/// An answer that is no planning answer (a fit, a listing): it has no one number for `_`.
protocol AnswerWithoutNumber: RememberedAnswer {}

extension AnswerWithoutNumber {
    var mainQuantity: Measured? { nil }
}

/// A command whose answer the session remembers: `run` prints the answer, then records it as
/// the last. Printing changes no session state; recording is the runner's, here.
protocol AnswerCommand: SessionCommand {
    associatedtype Answer: RememberedAnswer
    var global: GlobalOptions { get }
    /// The command's answer, not yet printed.
    func answer(in session: Session) throws -> Answer
}

extension AnswerCommand {
    func run(in session: Session) throws {
        try present(try answer(in: session), global, in: session)
    }
}

extension SessionCommand {
    /// Prints `answer` (see `render`), then records it as the session's last answer: what was
    /// printed last is what `show last` prints again.
    func present(_ answer: some RememberedAnswer, _ global: GlobalOptions, in session: Session) throws {
        try render(answer, global, in: session)
        session.answer = answer
    }
}

extension Session {
    /// What `_` stands for in the next line's numbers.
    var underscore: Parse.Underscore { Parse.Underscore(quantity: answer?.mainQuantity, answer: answer?.kind) }
}

extension Prediction: RememberedAnswer {
    var kind: String { "a prediction" }
}
extension Explanation: RememberedAnswer {
    var kind: String { "an explanation" }
}
extension ComputeForAnswer: RememberedAnswer {
    var kind: String { "a compute-for answer" }
    var mark: PlotMark? { plotMark(target: target) }
}
extension ContextForAnswer: RememberedAnswer {
    var kind: String { "a context-for answer" }
}
extension ShotsAnswer: RememberedAnswer {
    var kind: String { "a shots answer" }
    var mark: PlotMark? { plotMark }
}
extension ExtendAnswer: RememberedAnswer {
    var kind: String { "an extend answer" }
    var mark: PlotMark? { plotMark }
}
extension ExtensionCost: RememberedAnswer {
    var kind: String { "a cost" }
}
extension Budget: RememberedAnswer {
    var kind: String { "a budget" }
}
/// A scenario table has no one number for `_` and no one point for `plot` to mark.
extension ScenarioTable: AnswerWithoutNumber {
    var kind: String { "a scenario table" }
}
extension FitAnswer: AnswerWithoutNumber {
    var kind: String { "a fit" }
}
extension Validation: AnswerWithoutNumber {
    var kind: String { "a validation" }
}
extension Comparison: AnswerWithoutNumber {
    var kind: String { "a law comparison" }
}
extension ImportSummary: AnswerWithoutNumber {
    var kind: String { "an import summary" }
}
extension PresetListing: AnswerWithoutNumber {
    var kind: String { "a preset listing" }
}
