import Foundation
import XCTest

/// Whole REPL sessions read from a pipe, as a script would drive the program.
final class TranscriptTests: XCTestCase {
    func testSettingsAreDefaultsForLaterCommands() throws {
        let session = """
            # a planning session
            set task arithmetic
            set model llama-2-7b
            predict --shots 31 --json
            set nctx 16k
            predict --shots 63 --json
            unset nctx
            predict --shots 63 --json
            show settings --json
            quit
            predict --shots 1
            """
        let r = try Harness.run([], stdin: session)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        let lines = r.stdout.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        XCTAssertEqual(lines.count, 4, "nothing runs after quit, and no prompt or banner is printed")
        XCTAssertEqual(lines[0]["n_ctx"] as! Double, 4096)
        XCTAssertEqual(lines[1]["n_ctx"] as! Double, 16384)
        XCTAssertGreaterThan(lines[1]["score"] as! Double, 0.1, "63 shots fit in 16k")
        XCTAssertLessThan(lines[2]["score"] as! Double, 1e-100, "63 shots overflow 4k")
        XCTAssertEqual(lines[3]["task"] as? String, "arithmetic")
        XCTAssertEqual(lines[3]["model"] as? String, "Llama-2-7B")
    }

    /// Fifty-odd bad lines: each gets its own message naming the line, none crashes the session,
    /// and the status says something failed.
    func testCorpusOfBadLinesEachGetsAMessage() throws {
        let bad = [
            "predict --task arithmetic --model llama-2-7b --shots -1",
            "predict --task arithmetic --model llama-2-7b --shots 2.5",
            "predict --task arithmetic --model llama-2-7b --shots nan",
            "predict --task arithmetic --model llama-2-7b --shots inf",
            "predict --task arithmetic --model llama-2-7b --shots 1e99",
            "predict --task arithmetic --model llama-2-7b --shots ''",
            "predict --task arithmetic --model llama-2-7b --shots",
            "predict --task arithmetic --model llama-2-7b --prompt-tokens 0",
            "predict --task arithmetic --model llama-2-7b --prompt-tokens -4k",
            "predict --task arithmetic --model llama-2-7b --prompt-tokens 4q",
            "predict --task arithmetic --model llama-2-7b --prompt-tokens 1e400",
            "predict --task arithmetic --model llama-2-7b --shots 3 --prompt-tokens 4k",
            "predict --task arithmetic --model llama-2-7b",
            "predict --task arithmetic --shots 3",
            "predict --model llama-2-7b --shots 3",
            "predict --task arithmetc --model llama-2-7b --shots 3",
            "predict --task arithmetic --model llama-2-7q --shots 3",
            "predict --task arithmetic --model gpt-9 --shots 3",
            "predict --task arithmetic --model llama-2-7b --compute 1e23 --shots 3",
            "predict --task arithmetic --compute 1e23 --shots 3",
            "predict --task arithmetic --compute -1e23 --shots 3 --nctx 4k",
            "predict --task arithmetic --compute 0 --shots 3 --nctx 4k",
            "predict --task arithmetic --compute abc --shots 3 --nctx 4k",
            "predict --task arithmetic --compute 1e23 --shots 3 --nctx 0",
            "predict --task arithmetic --compute 1e23 --shots 3 --nctx -8k",
            "predict --task arithmetic --compute 1e23 --shots 3 --nctx 8kk",
            "predict --task arithmetic --compute 1e23 --shots 3 --nctx NaN",
            "predict --task arithmetic --model llama-2-7b --shots 3 --nctx 2k",
            "predict --task arithmetic --model llama-2-7b --shots 3 --steps 0 --nctx 8k",
            "predict --task arithmetic --model llama-2-7b --shots 3 --batch x --nctx 8k",
            "predict --task arithmetic --model llama-2-7b --shots 3 --verbose",
            "predict --task arithmetic --model llama-2-7b --shots 3 extra",
            "explain --task arithmetic --model llama-2-7b --shots -2",
            "explain --task nothing --model llama-2-7b --shots 2",
            "table --task arithmetic",
            "table --task arithmetic --compute 1e23 --nctx 8k",
            "table --task arithmetic --model llama-2-7b --nctx 1k",
            "cost --model llama-2-7b",
            "cost --model llama-2-7b --to 2k",
            "cost --model llama-2-7b --to 4k",
            "cost --model llama-2-7b --to 32k --gpu v100",
            "cost --model llama-2-7b --to 32k --gpu h100 --mfu 1.5",
            "cost --model llama-2-7b --to 32k --gpu h100 --mfu 0",
            "cost --model llama-2-7b --to 32k --gpu h100 --gpus 0",
            "cost --model llama-2-7b --to 32k --gpu h100 --gpus 1.5",
            "cost --model llama-2-7b --to 32k --gpu h100 --price -1",
            "presets gpus",
            "show nothing-like-this",
            "show",
            "set task a b",
            "set task",
            "set colour blue",
            "set task nonexistent",
            "set model ???",
            "set nctx -1",
            "set nctx 1e999",
            "set gpu tpu",
            "unset colour",
            "help frobnicate",
            "frobnicate",
            "predict --task 'arithmetic",
            "predict --task arithmetic --model llama-2-7b --shots 99999999999",
            "predict --task arithmetic --compute 1e300 --shots 3 --nctx 8k",
            "predict --task arithmetic --model llama-2-7b --shots 3 --nctx 1e300",
            "budget 1e23 --gpu h100 --mfu 1e-300",
            "cost --model llama-2-7b --to 32k --steps 1e300",
        ]
        XCTAssertGreaterThanOrEqual(bad.count, 50)
        let r = try Harness.run([], stdin: bad.joined(separator: "\n") + "\n")
        XCTAssertEqual(r.status, 1)
        let messages = r.stderr.split(separator: "\n").map(String.init)
        for (i, line) in bad.enumerated() {
            let tagged = messages.filter { $0.hasPrefix("line \(i + 1): error: ") }
            XCTAssertEqual(tagged.count, 1, "line \(i + 1) '\(line)' got: \(tagged)")
        }
        XCTAssertEqual(messages.count, bad.count, r.stderr)
        XCTAssertFalse(r.stdout.contains("nan"), r.stdout)
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
    }

    /// Inputs at the edges of what is accepted answer without NaN, infinity or a crash.
    func testExtremeButValidInputsAnswerFinitely() throws {
        let lines = [
            "predict --task arithmetic --compute 1e40 --shots 31 --nctx 8k --json",
            "predict --task arithmetic --compute 1 --shots 31 --nctx 8k --json",
            "predict --task commonsense --model llama-2-7b --prompt-tokens 1m --nctx 1m --json",
            "predict --task translation --model llama-2-7b --shots 999999999 --json",
            "compute-for 0.000001 --task arithmetic --shots 31 --nctx 8k --json",
            "compute-for 0.999999 --task commonsense --shots 31 --nctx 8k --json",
            "shots --task arithmetic --compute 1e40 --nctx 1m --json",
            "shots --task translation --compute 1 --nctx 4k --json",
            "context-for 0.5 --task commonsense --compute 1e40 --nctx 1 --json",
            "cost --model llama-2-13b --to 1m --steps 1e40 --batch 1e40 --gpu b200 --mfu 0.001 --json",
            "extend --model llama-2-7b --task arithmetic --shots 999999999 --to 8k,1m --json",
            "budget 1e40 --gpu mi300x --gpus 1000000000 --price 1e15 --json",
        ]
        let r = try Harness.run([], stdin: lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let outputs = r.stdout.split(separator: "\n")
        XCTAssertEqual(outputs.count, lines.count)
        for output in outputs {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(output.utf8)))
            XCTAssertFalse(
                output.contains("nan") || output.contains("inf\"") || output.contains("Infinity"), String(output))
        }
    }

    func testAGoodLineAfterBadOnesStillRuns() throws {
        let r = try Harness.run(
            [], stdin: "predict --shots 3\npredict --task translation --model llama-2-13b --shots 3 --json\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.hasPrefix("line 1: error: no task"), r.stderr)
        XCTAssertTrue(r.stdout.contains("\"task\": \"translation\""))
    }
}
