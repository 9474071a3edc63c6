import Planner

/// A planning answer the session keeps as its last (`Session.answer`): `show last` prints it
/// again (in the format then asked for), `_` stands for its main quantity (see
/// `Parse.lastAnswer`), and a following `plot` marks its point.
protocol RememberedAnswer: Rendering {
    var mainQuantity: Measured? { get }
    /// The point a following `plot` marks, if the answer has one.
    var mark: PlotMark? { get }
}

extension RememberedAnswer {
    var mark: PlotMark? { nil }
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
        let answer = try answer(in: session)
        try render(answer, global, in: session)
        session.answer = answer
    }
}

extension Prediction: RememberedAnswer {}
extension Explanation: RememberedAnswer {}
extension ComputeForAnswer: RememberedAnswer {
    var mark: PlotMark? { plotMark(target: target) }
}
extension ContextForAnswer: RememberedAnswer {}
extension ShotsAnswer: RememberedAnswer {
    var mark: PlotMark? { plotMark }
}
extension ExtendAnswer: RememberedAnswer {
    var mark: PlotMark? { plotMark }
}
extension ExtensionCost: RememberedAnswer {}
extension Budget: RememberedAnswer {}
/// A scenario table is the last answer too: `show last` prints it again; it has no one number
/// for `_` and no one point for `plot` to mark.
extension ScenarioTable: RememberedAnswer {
    var mainQuantity: Measured? { nil }
}
