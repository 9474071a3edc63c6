import Foundation
import XCTest

@testable import ctxplan

final class ArgumentFrontTests: XCTestCase {
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
                "'-2' is not a price in dollars per GPU-hour"
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

    /// A value that starts with `-` is joined to the option that takes it, or moved behind a
    /// `--` where a positional goes; the command's own options say which (no list kept by hand).
    func testValuesThatStartWithADashStayValues() throws {
        XCTAssertEqual(
            try ArgumentFront.prepared(["budget", "-5", "--gpu", "h100"]), ["budget", "--gpu=h100", "--", "-5"])
        XCTAssertEqual(try ArgumentFront.prepared(["predict", "--shots", "-3"]), ["predict", "--shots=-3"])
        XCTAssertEqual(try ArgumentFront.prepared(["budget", "--json", "-5"]), ["budget", "--json", "--", "-5"])
        XCTAssertEqual(try ArgumentFront.prepared(["budget", "-_"]), ["budget", "--", "-_"])
        XCTAssertEqual(try ArgumentFront.prepared(["budget", "-(5)"]), ["budget", "--", "-(5)"])
        XCTAssertEqual(try ArgumentFront.prepared(["show", "--", "-5"]), ["show", "--", "-5"])
        XCTAssertEqual(
            try ArgumentFront.prepared(["predict", "--task", "arithmetic"]), ["predict", "--task", "arithmetic"],
            "a line with neither is left as typed")
        for word in ["-5", "-0", "-.5", "-1e23", "-_", "-(5)", "-", "--", "--5"] {
            XCTAssertFalse(ArgumentFront.isOptionName(word), word)
        }
        for word in ["-h", "--nctx", "--nctx=8k", "--no-rc"] { XCTAssertTrue(ArgumentFront.isOptionName(word), word) }
    }

    /// Where ArgumentParser said "Missing value" or "Missing expected argument", the value's own
    /// check now names it.
    func testADashValueReachesItsCheck() throws {
        let task = try Harness.run(["shots", "--task", "-5k", "--model", "llama-2-7b"])
        XCTAssertEqual(task.status, 2)
        XCTAssertTrue(task.stderr.contains("unknown task '-5k'"), task.stderr)
        let expression = try Harness.run(["budget", "-(5)"])
        XCTAssertEqual(expression.status, 2)
        XCTAssertTrue(expression.stderr.contains("'-(5)' is negative"), expression.stderr)
        let last = try Harness.run(["budget", "-_"])
        XCTAssertEqual(last.status, 2)
        XCTAssertTrue(last.stderr.contains("'_' at character 2 stands for the last answer"), last.stderr)
    }

    /// A list option given twice is one list; any other option with a value given twice is
    /// refused by name rather than silently taking the last.
    func testRepeatedOptionsMergeOrAreRefused() throws {
        let question = ["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "3", "--format", "csv"]
        let twice = try Harness.run(question + ["--nctx", "4k,8k", "--nctx", "16k"])
        let once = try Harness.run(question + ["--nctx", "4k,8k,16k"])
        XCTAssertEqual(twice.status, 0, twice.stderr)
        XCTAssertEqual(twice.stdout, once.stdout, twice.stderr)
        XCTAssertEqual(twice.stdout.split(whereSeparator: \.isNewline).count, 4, "a header and three scenarios")
        for line in [
            ["predict", "--task", "arithmetic", "--task", "commonsense", "--model", "llama-2-7b", "--shots", "3"],
            ["heatmap", "--task", "arithmetic", "--nctx", "4k", "--nctx", "8k"],
        ] {
            let r = try Harness.run(line)
            XCTAssertEqual(r.status, 2, line.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(" is given "), r.stderr)
            XCTAssertTrue(r.stderr.contains(line[3] == "--task" ? "--task" : "--nctx"), r.stderr)
        }
        // plot draws a curve for each limit given.
        let plot = try Harness.run(["plot", "--task", "arithmetic", "--nctx", "4k", "--nctx", "8k", "--json"])
        XCTAssertEqual(plot.status, 0, plot.stderr)
    }

    /// A context limit is a whole number of tokens.
    func testAFractionalContextLimitIsRefused() throws {
        let r = try Harness.run(["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "3", "--nctx", "4096.5"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("'4096.5' is 4096.5 tokens; expected a whole number of tokens"), r.stderr)
        let k = try Harness.run(["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "3", "--nctx", "8.5k"])
        XCTAssertEqual(k.status, 0, "8.5k is 8704 tokens: \(k.stderr)")
    }

    /// A 2,000-item list is named by its option.
    func testAnOverlongListIsNamedByItsOption() throws {
        let list = (0..<2000).map(String.init).joined(separator: ",")
        let r = try Harness.run(["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", list])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("the value of --shots ('0,1,2,3,4,5,6,7,8,9,10,1...') is 8889 bytes"), r.stderr)
    }

    /// ArgumentParser's work grows with the square of the words (8,000 repeated flags took 5 s
    /// in a release build); past the cap the answer is an immediate rejection.
    func testOverlongCommandLinesAreRejectedAtOnce() throws {
        let base = ["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "3"]
        let many = try Harness.run(base + Array(repeating: "--json", count: 8000))
        XCTAssertEqual(many.status, 2)
        XCTAssertTrue(many.stderr.contains("8007 words; expected at most \(ArgumentFront.maximumWords)"), many.stderr)
        let atCap = try Harness.run(base + Array(repeating: "--json", count: ArgumentFront.maximumWords - base.count))
        XCTAssertEqual(atCap.status, 0, "a line at the cap still runs: \(atCap.stderr)")

        let word = String(repeating: "x", count: 100_000)
        let long = try Harness.run(["predict", "--task", word])
        XCTAssertEqual(long.status, 2)
        XCTAssertTrue(
            long.stderr.contains("the value of --task ('xxxxxxxxxxxxxxxxxxxxxxxx...') is 100000 bytes long"), long.stderr)
        let positional = try Harness.run(["show", word])
        XCTAssertTrue(positional.stderr.contains("word 2 ('xxxxxxxxxxxxxxxxxxxxxxxx...') is 100000 bytes"), positional.stderr)
        XCTAssertLessThan(long.stderr.utf8.count, 200, "the message does not repeat the word")
        let repl = try Harness.run(
            [], stdin: "predict --task " + String(repeating: "y", count: 10_000_000) + "\npresets tasks\n")
        XCTAssertEqual(repl.status, 1)
        XCTAssertTrue(
            repl.stderr.hasPrefix("line 1: error: the line is 10000015 bytes long"), String(repl.stderr.prefix(200)))
        XCTAssertTrue(repl.stdout.contains("arithmetic"), "the session goes on to the next line")
    }
}
