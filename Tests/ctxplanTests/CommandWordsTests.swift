import Foundation
import XCTest

@testable import ctxplan

final class CommandWordsTests: XCTestCase {
    /// Each numeric option or positional, given a negative-looking value, rejects it by name
    /// with what it accepts, instead of ArgumentParser's "Missing value".
    func testNegativeValuesAreNamedWithTheAcceptedRange() throws {
        let model = ["--model", "llama-2-7b"]
        let task = ["--task", "arithmetic"]
        let cases: [([String], String, String)] = [
            (["cost", "--to", "8k", "--gpu", "h100", "--gpus", "-3"] + model, "--gpus", "'-3' is negative"),
            (["cost", "--to", "8k", "--gpu", "h100", "--mfu", "-0.4"] + model, "--mfu", "from 0.001 to below 1"),
            (["cost", "--to", "8k", "--steps", "-3"] + model, "--steps", "'-3' is negative"),
            (["cost", "--to", "8k", "--batch", "-.5"] + model, "--batch", "'-.5' is negative"),
            (["cost", "--to", "-8k"] + model, "--to", "'-8k' is negative"),
            (
                ["cost", "--to", "8k", "--gpu", "h100", "--price", "-2"] + model, "--price",
                "'-2' is not a positive price"
            ),
            (["predict", "--shots", "3", "--nctx", "-1"] + task + model, "--nctx", "'-1' is negative"),
            (
                ["predict", "--shots", "3", "--compute", "-1e23", "--nctx", "4k"] + task, "--compute",
                "'-1e23' is negative"
            ),
            (["predict", "--prompt-tokens", "-5"] + task + model, "--prompt-tokens", "'-5' is negative"),
            (["shots", "--within", "-0.1"] + task + model, "--within", "above 0 and below 1"),
            (["shots", "--reserve", "-1"] + task + model, "--reserve", "'-1' is negative"),
            (["budget", "-5"], "<flops>", "'-5' is negative"),
            (["budget", "--json", "-5"], "<flops>", "'-5' is negative"),
            (["budget", "--gpu", "h100", "-1.5e23"], "<flops>", "'-1.5e23' is negative"),
            (
                ["compute-for", "-0.5", "--shots", "3", "--nctx", "8k"] + task, "<target>",
                "'-0.5' is not a score above 0 and below 1"
            ),
            (["context-for", "-.5"] + task + model, "<target>", "'-.5' is not a score above 0 and below 1"),
            (["fit", "--seed", "-1"] + task, "--seed", "'-1' is negative"),
        ]
        for (arguments, name, message) in cases {
            let r = try Harness.run(arguments)
            let line = arguments.joined(separator: " ")
            XCTAssertEqual(r.status, 2, line)
            XCTAssertTrue(r.stderr.contains(name) && r.stderr.contains(message), "\(line): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Missing"), "\(line): \(r.stderr)")
        }
    }

    func testNegativeNumbersMoveBehindATerminatorOnlyWherePositional() {
        XCTAssertEqual(
            CommandWords.negativeNumbersAsPositionals(["budget", "-5", "--gpu", "h100"]),
            ["budget", "--gpu", "h100", "--", "-5"])
        XCTAssertEqual(
            CommandWords.negativeNumbersAsPositionals(["predict", "--shots", "-3"]), ["predict", "--shots", "-3"])
        XCTAssertEqual(
            CommandWords.negativeNumbersAsPositionals(["budget", "--json", "-5"]), ["budget", "--json", "--", "-5"])
        XCTAssertEqual(
            CommandWords.negativeNumbersAsPositionals(["budget", "--gpu=h100", "-5"]),
            ["budget", "--gpu=h100", "--", "-5"])
        XCTAssertEqual(CommandWords.negativeNumbersAsPositionals(["show", "--", "-5"]), ["show", "--", "-5"])
        XCTAssertEqual(
            CommandWords.negativeNumbersAsPositionals(["x", "-h", "-v"]), ["x", "-h", "-v"], "short options stay")
        for word in ["-5", "-0", "-.5", "-1e23", "-0.4"] {
            XCTAssertTrue(CommandWords.looksLikeNegativeNumber(word), word)
        }
        for word in ["-", "--", "-h", "-.", "-.x", "--5", "5", "-inf"] {
            XCTAssertFalse(CommandWords.looksLikeNegativeNumber(word), word)
        }
    }

    /// The pre-pass's list of flags is every option without a value in the command tree's help,
    /// so a new flag cannot be missed.
    func testFlagListMatchesTheCommandTree() throws {
        var flags: Set<String> = ["--version"]
        for command in Ctxplan.configuration.subcommands {
            let help = Ctxplan.helpMessage(for: command)
            guard let options = help.range(of: "OPTIONS:") else { continue }
            for line in help[options.upperBound...].split(separator: "\n") where line.hasPrefix("  -") {
                // "  -h, --help   Show help" is a flag; "  --nctx <tokens>   Context limit" is not.
                let names = line.split(separator: " ").prefix { $0.hasPrefix("-") || $0.hasPrefix("<") }
                guard !names.contains(where: { $0.hasPrefix("<") }) else { continue }
                for name in names { flags.insert(name.hasSuffix(",") ? String(name.dropLast()) : String(name)) }
            }
        }
        XCTAssertEqual(flags, CommandWords.flags)
    }

    /// ArgumentParser's work grows with the square of the words (8,000 repeated flags took 5 s
    /// in a release build); past the cap the answer is an immediate rejection.
    func testOverlongCommandLinesAreRejectedAtOnce() throws {
        let base = ["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "3"]
        let many = try Harness.run(base + Array(repeating: "--json", count: 8000))
        XCTAssertEqual(many.status, 2)
        XCTAssertTrue(many.stderr.contains("8007 words; expected at most \(CommandWords.maximumWords)"), many.stderr)
        let atCap = try Harness.run(base + Array(repeating: "--json", count: CommandWords.maximumWords - base.count))
        XCTAssertEqual(atCap.status, 0, "a line at the cap still runs: \(atCap.stderr)")

        let word = String(repeating: "x", count: 100_000)
        let long = try Harness.run(["predict", "--task", word])
        XCTAssertEqual(long.status, 2)
        XCTAssertTrue(long.stderr.contains("word 3 ('xxxxxxxxxxxxxxxxxxxxxxxx...') is 100000 bytes long"), long.stderr)
        XCTAssertLessThan(long.stderr.utf8.count, 200, "the message does not repeat the word")
        let repl = try Harness.run(
            [], stdin: "predict --task " + String(repeating: "y", count: 10_000_000) + "\npresets tasks\n")
        XCTAssertEqual(repl.status, 1)
        XCTAssertTrue(
            repl.stderr.hasPrefix("line 1: error: the line is 10000015 bytes long"), String(repl.stderr.prefix(200)))
        XCTAssertTrue(repl.stdout.contains("arithmetic"), "the session goes on to the next line")
    }
}
