import Foundation
import XCTest

/// The prompt as a notebook: `_`, arithmetic, settings, `show last`, scripts, `source`, the rc
/// file and `compute-for --model`, each run through the program from a pipe or a file.
final class NotebookTests: XCTestCase {
    /// Each line of `stdout` as a JSON object.
    func objects(_ r: Harness.Result) throws -> [[String: Any]] {
        try r.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], String($0))
        }
    }

    func temporaryFolder() throws -> String {
        let dir = TestFolders.path("notebook")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func testUnderscoreIsTheLastAnswersMainQuantity() throws {
        let r = try Harness.run(
            [],
            stdin: """
                compute-for 0.16 --task arithmetic --shots 31 --nctx 8k --json
                budget 2*_-1e22 --gpu h100 --json
                show last --json
                extend --model llama-2-7b --task arithmetic --prompt-tokens 20k --json
                cost --model llama-2-7b --to _ --json
                predict --task arithmetic --model llama-2-7b --shots 6*7-11 --json
                """)
        XCTAssertEqual(r.status, 0, r.stderr)
        let answers = try objects(r)
        XCTAssertEqual(answers.count, 6)
        let compute = try XCTUnwrap(answers[0]["compute"] as? Double)
        XCTAssertEqual(answers[1]["flops"] as? Double, 2 * compute - 1e22)
        XCTAssertEqual(answers[2]["flops"] as? Double, 2 * compute - 1e22, "budget is the last answer now")
        XCTAssertEqual(answers[4]["n_ctx"] as? Double, answers[3]["recommended_nctx"] as? Double)
        XCTAssertEqual(answers[5]["shots"] as? Int, 31)
    }

    /// A score is not FLOPs: the rejection names both, and no answer has a number to give.
    func testUnderscoreOfAnotherMeasureIsRejected() throws {
        let r = try Harness.run(
            [],
            stdin: """
                budget _ --gpu h100
                predict --task arithmetic --model llama-2-7b --shots 31
                budget _ --gpu h100
                predict --task arithmetic --compute 2*_ --shots 31 --nctx 4k
                budget 6*7Q --gpu h100
                """)
        XCTAssertEqual(r.status, 1)
        let errors = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(errors.count, 4, r.stderr)
        XCTAssertTrue(
            errors[0].hasPrefix("line 1: error: ") && errors[0].contains("there is none (no answer yet"), errors[0])
        XCTAssertTrue(
            errors[1].contains("'_' is the last answer's score (0.132); expected compute in FLOPs"), errors[1])
        XCTAssertTrue(errors[2].contains("in '2*_', '_' is the last answer's score"), errors[2])
        XCTAssertTrue(errors[3].contains("'Q' at character 4"), errors[3])
    }

    /// `show last` prints the last answer again, in the format asked for now.
    func testShowLastPrintsTheLastAnswerInTheCurrentFormat() throws {
        let line = "compute-for 0.16 --task arithmetic --shots 31 --nctx 8k"
        let r = try Harness.run([], stdin: "\(line) --json\nshow last\nshow last --json\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try Harness.run(line.split(separator: " ").map(String.init))
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.last(where: { !$0.isEmpty }), lines.first, "the same JSON twice")
        XCTAssertTrue(r.stdout.contains(text.stdout), "the text form, as the command prints it")
        let none = try Harness.run(["show", "last"])
        XCTAssertEqual(none.stderr, "error: no answer yet for 'show last'\n")
    }

    func testSettingsCarryIntoCommandsAndAFlagWins() throws {
        let r = try Harness.run(
            [],
            stdin: """
                set gpu h100
                set gpus 8*8
                set mfu 0.5
                set price 2.5
                set format json
                budget 1e23
                budget 1e23 --gpus 8 --mfu 0.3
                set task arithmetic
                set model llama-2-7b
                set shots 31
                predict
                predict --prompt-tokens 1k
                set prompt-tokens 2k
                predict
                set reserve 1k
                shots
                set format csv
                budget 1e23
                shots
                unset reserve gpus format
                budget 1e23 --json
                set
                """)
        XCTAssertEqual(r.status, 0, r.stderr)
        // CSV records end in CRLF, which Swift reads as one character.
        let lines = r.stdout.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        let answers = try lines.prefix(6).map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(answers[0]["gpus"] as? Int, 64)
        XCTAssertEqual(answers[0]["mfu"] as? Double, 0.5)
        XCTAssertEqual(answers[0]["dollars"] as? Double, (answers[0]["gpu_hours"] as! Double) * 2.5)
        XCTAssertEqual(answers[1]["gpus"] as? Int, 8, "the flag wins")
        XCTAssertEqual(answers[1]["mfu"] as? Double, 0.3)
        XCTAssertEqual(answers[2]["shots"] as? Int, 31)
        XCTAssertEqual(answers[3]["n_pmt"] as? Double, 1024, "--prompt-tokens wins over set shots")
        XCTAssertEqual(answers[4]["n_pmt"] as? Double, 2048, "set prompt-tokens replaces set shots")
        XCTAssertLessThanOrEqual(answers[5]["max_shots"] as? Int ?? .max, Int((4096.0 - 1024 - 78.17) / 75.74))
        let afterJSON = lines.dropFirst(6)
        let csv = afterJSON.prefix { !$0.hasPrefix("{") }
        XCTAssertTrue(csv.first?.hasPrefix("compute ") ?? false, "set format csv: an answer with no table is text")
        XCTAssertTrue(csv.contains { $0.hasPrefix("shots,") }, "and a table is CSV: \(csv)")
        let rest = afterJSON.dropFirst(csv.count)
        let unset = try XCTUnwrap(JSONSerialization.jsonObject(with: Data((rest.first ?? "").utf8)) as? [String: Any])
        XCTAssertEqual(unset["gpus"] as? Int, 1, "unset gpus: the default again")
        let settings = rest.dropFirst().joined(separator: "\n")
        XCTAssertTrue(settings.contains("shots          (unset)"), settings)
        XCTAssertTrue(settings.contains("prompt-tokens  2,048 tokens"), settings)
        XCTAssertTrue(settings.contains("mfu            0.5"), settings)
    }

    /// `set interval` gives intervals for a task with bootstrap draws and leaves the others
    /// alone; `set law` picks the law `validate` fits.
    func testIntervalAndLawSettings() throws {
        let dir = try temporaryFolder()
        let r = try Harness.run(
            [],
            stdin: """
                fit --task arithmetic --bootstrap 20 --save \(dir)/t.json --json
                fit --task arithmetic --save \(dir)/plain.json --json
                set interval 70
                set law soft
                predict --task \(dir)/t.json --model llama-2-7b --shots 31 --json
                predict --task \(dir)/plain.json --model llama-2-7b --shots 31 --json
                validate --task commonsense --json
                """)
        XCTAssertEqual(r.status, 0, r.stderr)
        let answers = try objects(r)
        XCTAssertEqual(answers[0]["law"] as? String, "paper", "set before it: the default law")
        let interval = try XCTUnwrap(answers[2]["interval"] as? [String: Any])
        XCTAssertEqual(interval["level"] as? Double, 70)
        XCTAssertTrue(answers[3]["interval"] is NSNull, "a task without draws is left alone")
        XCTAssertEqual(answers[4]["law"] as? String, "soft")
    }

    func testBadSettingsAreRejectedAsTheirOptionsAre() throws {
        let r = try Harness.run(
            [],
            stdin: "set gpus 0\nset mfu 2\nset law hard\nset format xml\nset nctx 8q\nset colour red\nunset colour\n")
        XCTAssertEqual(r.status, 1)
        let errors = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            errors,
            [
                "line 1: error: gpus: '0' is zero; expected a positive value (a whole number such as 8 or 31)",
                "line 2: error: mfu: '2' is not a utilisation from 0.001 to below 1, such as 0.4",
                "line 3: error: law: 'hard' is not one of paper, no-penalty, soft, floor, decay, ladder",
                "line 4: error: format: 'xml' is not one of text, json, csv",
                "line 5: error: nctx: '8q' is not a number; expected tokens such as 8k (= 8192), 128K or 32768",
                "line 6: error: cannot set 'colour'; expected one of task, model, nctx, gpu, gpus, price, mfu, shots, "
                    + "prompt-tokens, reserve, law, interval, format",
                "line 7: error: cannot unset 'colour'; expected one of task, model, nctx, gpu, gpus, price, mfu, "
                    + "shots, prompt-tokens, reserve, law, interval, format",
            ])
    }

    /// A missing script or a folder is reported as a file, not as an unknown command.
    func testAMissingScriptIsNamedAsAFile() throws {
        let dir = try temporaryFolder()
        let missing = try Harness.run([dir + "/plan.ctx"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "error: cannot read '\(dir)/plan.ctx': No such file or directory\n")
        let folder = try Harness.run([dir])
        XCTAssertNotEqual(folder.status, 0)
        XCTAssertEqual(folder.stderr, "error: cannot read '\(dir)': Is a directory\n")
    }

    func testAScriptRunsAsThePipeDoesWithItsNameInErrors() throws {
        let dir = try temporaryFolder()
        let script = dir + "/plan.ctx"
        try """
        # plan
        set task arithmetic
        source \(dir)/model.ctx
        predict --shots 31 --json
        bogus
        """.write(toFile: script, atomically: false, encoding: .utf8)
        try "set model llama-2-7b\nquit\nset model nothing\n".write(
            toFile: dir + "/model.ctx", atomically: false, encoding: .utf8)
        let r = try Harness.run([script])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(try objects(r).first?["model"] as? String, "Llama-2-7B", "quit ends the sourced file only")
        XCTAssertEqual(r.stderr, "\(script):5: error: unknown command 'bogus'; 'help' lists the commands\n")
        let extra = try Harness.run([script, "--json"])
        XCTAssertEqual(extra.status, 2)
    }

    func testSourceThatLoopsStopsAtTheDepthLimit() throws {
        let dir = try temporaryFolder()
        let loop = dir + "/loop.ctx"
        try "source \(loop)\n".write(toFile: loop, atomically: false, encoding: .utf8)
        let r = try Harness.run([], stdin: "source \(loop)\nsource \(dir)/missing.ctx\n")
        XCTAssertEqual(r.status, 1)
        let errors = r.stderr.split(separator: "\n")
        XCTAssertEqual(errors.count, 2, r.stderr)
        XCTAssertEqual(
            String(errors[0]),
            "\(loop):1: error: 'source \(loop)' is nested 16 files deep; "
                + "expected files that do not source each other in a loop")
        XCTAssertEqual(
            String(errors[1]), "line 2: error: cannot read '\(dir)/missing.ctx': No such file or directory")
    }

    func testTheRCFileRunsFirstAndAFailingLineIsReported() throws {
        let config = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: config + "/ctxplan", withIntermediateDirectories: true)
        let rc = config + "/ctxplan/ctxplanrc"
        try "set task arithmetic\nset gpus nine\nset model llama-2-7b\n".write(
            toFile: rc, atomically: false, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": config]
        let r = try Harness.run([], stdin: "predict --shots 31 --json\n", environment: env)
        XCTAssertEqual(r.status, 0, "the rc's failure is reported, not the session's")
        XCTAssertEqual(
            r.stderr, "\(rc):2: error: gpus: 'nine' is not a number; expected a whole number such as 8 or 31\n")
        XCTAssertEqual(try objects(r).first?["model"] as? String, "Llama-2-7B")
        let skipped = try Harness.run(["--no-rc"], stdin: "predict --shots 31 --json\n", environment: env)
        XCTAssertEqual(skipped.status, 1)
        XCTAssertTrue(skipped.stderr.hasPrefix("line 1: error: no task"), skipped.stderr)
    }

    /// The gap from a model: the compute found less the model's 6ND, in percent and in tokens
    /// at the model's N (read from `show`).
    func testComputeForModelGivesTheGap() throws {
        let model = try Harness.json(["show", "llama-2-7b"])
        let n = try XCTUnwrap(model["params"] as? Double)
        let c7 = try XCTUnwrap(model["compute"] as? Double)
        let a = try Harness.json([
            "compute-for", "0.55", "--task", "commonsense", "--shots", "5", "--model", "llama-2-7b",
        ])
        let needed = try XCTUnwrap(a["compute"] as? Double)
        XCTAssertEqual(a["n_ctx"] as? Double, 4096, "the model's own limit")
        XCTAssertEqual(a["baseline_compute"] as? Double, c7)
        XCTAssertEqual(try XCTUnwrap(a["additional_compute"] as? Double), needed - c7, accuracy: 1e-9 * needed)
        XCTAssertEqual(
            try XCTUnwrap(a["additional_percent"] as? Double), 100 * (needed - c7) / c7, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(a["additional_tokens"] as? Double), (needed - c7) / (6 * n), accuracy: 1)
        // From `set model`, and a model that already has more than enough.
        let r = try Harness.run(
            [], stdin: "set model llama-2-13b\ncompute-for 0.3 --task commonsense --shots 5 --json\n")
        let enough = try XCTUnwrap(objects(r).first)
        XCTAssertEqual(enough["baseline_model"] as? String, "Llama-2-13B")
        XCTAssertEqual(enough["additional_compute"] as? Double, 0)
        XCTAssertEqual(enough["additional_tokens"] as? Double, 0)
    }
}

/// The same at a terminal: the rc file runs before the first prompt, and `_` and `source`
/// work as typed.
final class NotebookTerminalTests: XCTestCase {
    func testRCUnderscoreAndSourceAtTheTerminal() throws {
        let config = TestFolders.path("notebook")
        try FileManager.default.createDirectory(atPath: config + "/ctxplan", withIntermediateDirectories: true)
        try "set task arithmetic\nset gpu h100\n".write(
            toFile: config + "/ctxplan/ctxplanrc", atomically: false, encoding: .utf8)
        try "set gpus 4\n".write(toFile: config + "/four.ctx", atomically: false, encoding: .utf8)
        let terminal = try Terminal(environment: ["XDG_CONFIG_HOME": config])
        XCTAssertTrue(terminal.waitFor("ctx> "), terminal.screen)
        terminal.type("source \(config)/four.ctx\r")
        terminal.type("compute-for 0.16 --shots 31 --nctx 8k --json\r")
        XCTAssertTrue(terminal.waitFor("\"compute\": 1.706"), terminal.screen)
        let mark = terminal.screen.count
        terminal.type("budget 2*_ --json\r")
        XCTAssertTrue(terminal.waitFor("\"days\"", after: mark), terminal.screen)
        terminal.type("quit\r")
        XCTAssertEqual(terminal.exitStatus(within: 2), 0)
        func number(after key: String, in text: String) -> Double? {
            guard let range = text.range(of: "\"\(key)\": ") else { return nil }
            return Double(text[range.upperBound...].prefix { "0123456789.e+-".contains($0) })
        }
        let before = String(terminal.screen.prefix(mark))
        let budget = String(terminal.screen.dropFirst(mark))
        let compute = try XCTUnwrap(number(after: "compute", in: before))
        XCTAssertEqual(number(after: "flops", in: budget), 2 * compute, budget)
        XCTAssertEqual(number(after: "gpus", in: budget), 4, "gpus from the sourced file: \(budget)")
    }
}
