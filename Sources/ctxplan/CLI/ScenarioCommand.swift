import ArgumentParser
import ContextScaling
import Planner

/// A command that answers one scenario and whose answer can be a row of a scenario table:
/// given comma lists (`--nctx 8k,32k`), it is asked once per combination.
protocol ScenarioCommand: AnswerCommand where Answer: ScenarioRow & RememberedAnswer {}

extension Ctxplan {
    /// The commands that take comma lists on `ScenarioInput` options.
    static let scenarioCommands: [any ScenarioCommand.Type] = [
        Predict.self, ComputeFor.self, Cost.self, Shots.self, Extend.self, ContextFor.self,
    ]

    /// Answers a scenario command whose options hold comma lists with one table, and returns
    /// true; returns false for any other line, which is parsed as usual.
    ///
    /// Every scenario's line is parsed before any is answered, so a mistake anywhere is found
    /// before any work. A failing scenario is named by its items.
    static func answerScenarioTable(_ arguments: [String], in session: Session) throws -> Bool {
        guard let head = arguments.first, scenarioCommands.contains(where: { $0.configuration.commandName == head }),
            let list = try ScenarioList.find(in: arguments)
        else { return false }
        // The first through the root, as any line; the rest as the command alone, which a debug
        // build checks much faster than the whole tree. `--help` parses as no scenario command:
        // the line is left to print the help.
        guard let first = try parseLine(list.arguments(ofScenario: 0)) as? any ScenarioCommand else {
            return false
        }
        let commands =
            try [first]
            + (1..<list.count).map { number in
                try type(of: first).parse(Array(list.arguments(ofScenario: number).dropFirst()))
            }
        try checkModels(list, in: session.planner(first.global).library)
        var rows: [ScenarioTable.Row] = []
        for (number, command) in commands.enumerated() {
            try session.checkCancelled()
            let values = zip(list.axes, list.items(ofScenario: number)).map { $0.values[$1] }
            do {
                rows.append(ScenarioTable.Row(values: values, answer: try command.answer(in: session)))
            } catch let error where !(error is CancelledByUser) {
                let items = zip(list.axes, list.items(ofScenario: number)).map { "\($0.input.option) \($0.items[$1])" }
                let message = (error as? InputError)?.message ?? Ctxplan.message(for: error)
                throw InputError(
                    "scenario \(number + 1) of \(list.count) (\(items.joined(separator: " "))): \(message)")
            }
        }
        let table = ScenarioTable(inputs: list.axes.map(\.input), rows: rows)
        try first.present(table, first.global, in: session)
        return true
    }

    /// Rejects a listed model that is no preset, by its position in the list.
    private static func checkModels(_ list: ScenarioList, in library: PresetLibrary) throws {
        for axis in list.axes where axis.input == .model {
            for (i, item) in axis.items.enumerated() {
                do { _ = try library.model(item) } catch {
                    let message = (error as? InputError)?.message ?? Ctxplan.message(for: error)
                    throw InputError("--model, item \(i + 1) of \(axis.items.count): \(message)")
                }
            }
        }
    }

    /// `plot`'s comma lists as repeated options, a curve for each item; any other line as it is.
    static func plotListsRepeated(_ arguments: [String]) throws -> [String] {
        guard arguments.first == Plot.configuration.commandName else { return arguments }
        return try ScenarioList.repeated(arguments)
    }
}
