import ArgumentParser
import Foundation
import XCTest

@testable import ctxplan

/// A rejected value's message gives examples of what the option takes, and they are right for
/// that option: `--mfu 0` never suggests 3.
final class OptionHintTests: XCTestCase {
    /// The examples of a message: the list after "such as" (ours, without the "(= 8192)" glosses)
    /// or "one of" (ArgumentParser's, for a choice).
    private func examples(in message: String) -> [String] {
        guard let range = message.range(of: "such as ") ?? message.range(of: "one of ") else { return [] }
        let list = message[range.upperBound...]
            .replacingOccurrences(of: #"\s*\(=[^)]*\)"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: " or ", with: ", ")
            .trimmingCharacters(in: CharacterSet(charactersIn: ").'"))
        return list.components(separatedBy: ", ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
    }

    /// The message for `arguments`, or nil when they parse.
    private func parseError(_ arguments: [String]) -> String? {
        do {
            _ = try Ctxplan.parseAsRoot(ArgumentFront.prepared(arguments))
            return nil
        } catch {
            return Ctxplan.message(for: error)
        }
    }

    /// The message of `command` for `arguments`, or nil when they parse.
    private func parseError(_ command: any ParsableCommand.Type, _ arguments: [String]) -> String? {
        do {
            _ = try command.parseAsRoot(ArgumentFront.values(arguments, of: command))
            return nil
        } catch {
            return command.message(for: error)
        }
    }

    /// Every numeric option and positional of every command, given a word that is no number:
    /// each example its message gives is a value that option accepts. An option that several
    /// commands share (`--nctx`, with the same help line) is tried once: ArgumentParser takes
    /// about 0.1 s a parse in a debug build.
    func testEveryOptionsExamplesAreAcceptedByThatOption() {
        var checked = 0
        var tried: Set<Substring> = []
        for command in Ctxplan.configuration.subcommands {
            let help = Ctxplan.helpMessage(for: command, columns: 1000)
            for line in help.split(separator: "\n") where tried.insert(line).inserted {
                guard let match = line.wholeMatch(of: /\s+(--[a-z-]+ )?<([a-z-]+)>\s+.*/) else { continue }
                let option = match.1.map { String($0.dropLast()) }
                let placed = { (value: String) in option.map { [$0, value] } ?? [value] }
                let named = "'" + (option.map { $0 + " " } ?? "") + "<\(match.2)>'"
                guard let message = parseError(command, placed("@")), message.contains("invalid for \(named)")
                else { continue }
                let found = examples(in: message)
                XCTAssertFalse(found.isEmpty, "\(line): no examples in \(message)")
                for example in found {
                    let error = parseError(command, placed(example)) ?? ""
                    XCTAssertFalse(error.contains("invalid for \(named)"), "\(line), \(example): \(error)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 40, "every numeric option was tried")
    }

    /// The examples of a target, a utilisation and a price answer whole commands, where the
    /// law and the hardware check them, not only the parser.
    func testExamplesAnswerWholeCommands() throws {
        let task = ["--task", "arithmetic"]
        let model = ["--model", "llama-2-7b"]
        let templates: [[String]] = [
            ["compute-for", "@", "--shots", "31", "--nctx", "8k"] + task,
            ["context-for", "@"] + task + model,
            ["extend", "--target", "@", "--shots", "31"] + task + model,
            ["budget", "1e23", "--gpu", "h100", "--mfu", "@"],
            ["budget", "1e23", "--gpu", "h100", "--price", "@"],
        ]
        for template in templates {
            let rejected = try Harness.run(template)
            XCTAssertEqual(rejected.status, 2, template.joined(separator: " "))
            let found = examples(in: rejected.stderr.trimmingCharacters(in: .newlines))
            XCTAssertFalse(found.isEmpty, rejected.stderr)
            for example in found {
                let line = template.map { $0 == "@" ? example : $0 }
                let r = try Harness.run(line)
                XCTAssertEqual(r.status, 0, "\(line.joined(separator: " ")): \(r.stderr)")
            }
        }
    }

    /// Out of range is rejected when the option is read, with the option's own examples.
    func testOutOfRangeValuesAreRejectedWithTheOptionsOwnHint() {
        let cases: [([String], String)] = [
            (["budget", "1e23", "--mfu", "3"], "a utilisation from 0.001 to below 1, such as 0.4"),
            (["compute-for", "3"], "a score above 0 and below 1, such as 0.16"),
            (["extend", "--target", "1"], "a score above 0 and below 1, such as 0.16"),
            (["fit", "--interval", "100"], "a percentage above 0 and below 100, such as 80"),
            (["budget", "1e23", "--price", "0"], "a price in dollars per GPU-hour from 0.000001 to 1e15, such as 2.5 or 12"),
            // Positive, but too small to print or too large to be a price.
            (["budget", "1e23", "--price", "1e-320"], "a price in dollars per GPU-hour from 0.000001 to 1e15, such as 2.5 or 12"),
            (["budget", "1e23", "--price", "1e308"], "a price in dollars per GPU-hour from 0.000001 to 1e15, such as 2.5 or 12"),
            (["predict", "--interval", "1e-320"], "0 (no interval) or a percentage from 0.1 to below 100, such as 80"),
            (["compute-for", "0.5", "--confidence", "0.9999999999"], "a probability from 0.001 to 0.999, such as 0.9"),
            (["compute-for", "0.5", "--confidence", "1e-320"], "a probability from 0.001 to 0.999, such as 0.9"),
        ]
        for (arguments, expected) in cases {
            let message = parseError(arguments) ?? "accepted"
            XCTAssertTrue(message.hasSuffix("is not " + expected), "\(arguments): \(message)")
        }
    }
}
