import Foundation
import Planner

/// An input a comma list may vary: `--model llama-2-7b,llama-2-70b --nctx 8k,32k` asks the
/// command's question once per combination.
enum ScenarioInput: CaseIterable, Sendable {
    case model, compute, nctx, shots, promptTokens

    /// The option as typed.
    var option: String {
        switch self {
        case .model: "--model"
        case .compute: "--compute"
        case .nctx: "--nctx"
        case .shots: "--shots"
        case .promptTokens: "--prompt-tokens"
        }
    }

    /// The input's key in JSON objects and CSV headers.
    var key: String {
        switch self {
        case .model: "model"
        case .compute: "compute"
        case .nctx: "n_ctx"
        case .shots: "shots"
        case .promptTokens: "prompt_tokens"
        }
    }

    /// One item of a list, read as the option's own transform reads a single value (see
    /// Options.swift), so that an item is accepted exactly when it would be accepted alone. A
    /// model is a preset name, checked against the presets when the command runs.
    func value(of item: String) throws -> ScenarioValue {
        switch self {
        case .model: .name(item)
        case .compute: .number(try Parse.flops(item))
        case .nctx: .number(try Parse.contextLimit(item))
        case .promptTokens: .number(try Parse.context(item))
        case .shots: .whole(try Parse.shots(item))
        }
    }

    static func named(_ option: String) -> ScenarioInput? { allCases.first { $0.option == option } }
}

/// One item's value: what the option read from it.
enum ScenarioValue: Equatable, Sendable {
    case name(String)
    case number(Double)
    case whole(Int)
}

/// The comma lists of a command line, and the line for each combination of their items.
///
/// Lists are found here, in the words, before ArgumentParser reads them: each combination is
/// an ordinary single-scenario command line, parsed and answered by the command as if typed
/// alone. The commands and their options know nothing of lists.
struct ScenarioList {
    /// One listed option: where its value is in the words, and its items.
    struct Axis {
        var input: ScenarioInput
        /// The index of the word holding the list (`8k,32k`, or the whole `--nctx=8k,32k`).
        var word: Int
        /// Whether the word is `--option=list`, rather than the list after `--option`.
        var joined: Bool
        var items: [String]
        var values: [ScenarioValue]
    }

    /// The most scenarios one command answers: a table people can read, and a bound on the work.
    static let maximumScenarios = 1000

    let arguments: [String]
    /// In the order the options were given; the first varies slowest.
    let axes: [Axis]

    /// The number of scenarios: the product of the lists' lengths.
    var count: Int { axes.reduce(1) { $0 * $1.items.count } }

    /// The lists in `arguments`, nil when no option of `ScenarioInput` holds a comma. Each item
    /// is read as its option reads a value; a bad one is rejected with its position. An option
    /// given twice is one list by now (`ArgumentFront` merged them).
    static func find(in arguments: [String]) throws -> ScenarioList? {
        var latest: [ScenarioInput: Axis] = [:]
        for (index, input, value, joined) in optionValues(arguments) {
            latest[input] = Axis(input: input, word: index, joined: joined, items: [value], values: [])
        }
        var axes = latest.values.filter { $0.items[0].contains(",") }.sorted { $0.word < $1.word }
        guard !axes.isEmpty else { return nil }
        for i in axes.indices { try read(&axes[i]) }
        let list = ScenarioList(arguments: arguments, axes: axes)
        let count = axes.reduce(1.0) { $0 * Double($1.items.count) }
        guard count <= Double(maximumScenarios) else {
            let lengths = axes.map { "\($0.items.count) \($0.input.option) items" }.joined(separator: " x ")
            throw InputError(
                "the lists give \(Quantities.formatTokens(count)) scenarios (\(lengths)); "
                    + "expected at most \(Quantities.formatTokens(Double(maximumScenarios)))")
        }
        return list
    }

    /// The command line of scenario `number` (0-based): each list replaced by one of its items,
    /// the last list's items varying fastest.
    func arguments(ofScenario number: Int) -> [String] {
        var words = arguments
        for (axis, item) in zip(axes, items(ofScenario: number)) {
            words[axis.word] = axis.joined ? axis.input.option + "=" + axis.items[item] : axis.items[item]
        }
        return words
    }

    /// The item index of each axis in scenario `number`.
    func items(ofScenario number: Int) -> [Int] {
        var rest = number
        var indices = Array(repeating: 0, count: axes.count)
        for i in axes.indices.reversed() {
            indices[i] = rest % axes[i].items.count
            rest /= axes[i].items.count
        }
        return indices
    }

    /// `arguments` with each comma list written as the option repeated once per item
    /// (`--nctx 8k,32k` as `--nctx 8k --nctx 32k`): for `plot`, which draws a curve for every
    /// value of a repeated option. Items are checked as `find` checks them.
    static func repeated(_ arguments: [String]) throws -> [String] {
        var words = arguments
        for (index, input, value, joined) in optionValues(arguments).reversed() where value.contains(",") {
            var axis = Axis(input: input, word: index, joined: joined, items: [value], values: [])
            try read(&axis)
            let start = joined ? index : index - 1
            words.replaceSubrange(start...index, with: axis.items.flatMap { [input.option, $0] })
        }
        guard words.count <= ArgumentFront.maximumWords else {
            throw InputError(
                "the lists give \(words.count) words once each item is an option of its own; "
                    + "expected at most \(ArgumentFront.maximumWords): draw fewer curves")
        }
        return words
    }

    /// Every value given to a `ScenarioInput` option, with the index of the word holding it,
    /// up to a `--` that ends the options.
    private static func optionValues(
        _ arguments: [String]
    ) -> [(index: Int, input: ScenarioInput, value: String, joined: Bool)] {
        var found: [(Int, ScenarioInput, String, Bool)] = []
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let word = arguments[index]
            if let input = ScenarioInput.named(word), index + 1 < arguments.count {
                found.append((index + 1, input, arguments[index + 1], false))
                index += 2
                continue
            }
            if let equals = word.firstIndex(of: "="), let input = ScenarioInput.named(String(word[..<equals])) {
                found.append((index, input, String(word[word.index(after: equals)...]), true))
            }
            index += 1
        }
        return found
    }

    /// Splits the axis's single word into items and reads each, naming a bad one by position.
    private static func read(_ axis: inout Axis) throws {
        let items = axis.items[0].split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        axis.items = items
        axis.values = try items.enumerated().map { i, item in
            let place = "\(axis.input.option), item \(i + 1) of \(items.count)"
            if item.isEmpty { throw InputError("\(place) is empty; expected a value between the commas") }
            // `1,000` would be read as 1 and 0: a number with a leading zero is a digit group.
            if axis.input != .model, item.count > 1, item.first == "0", item.dropFirst().first?.isNumber == true {
                throw InputError(
                    "\(place), \(InputError.quote(item)), starts with a zero; a comma separates scenarios, "
                        + "so write a thousand as 1000 or 1e3")
            }
            do { return try axis.input.value(of: item) } catch var error as QuantityError {
                error.what = place
                throw error
            } catch let error as InputError {
                throw InputError("\(place): \(error.message)")
            }
        }
    }
}
