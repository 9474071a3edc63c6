import Foundation
import XCTest

/// Comma lists on the scenario options, run as a user runs them: one table, each row the answer
/// the same command gives for that scenario asked alone.
final class ScenarioTableTests: XCTestCase {
    func object(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    /// Runs `command` with lists and each scenario alone (a process of its own), and checks that
    /// the rows come in product order, with their inputs, and that each row's answer is the
    /// single answer, key for key.
    func assertRowsAreSingleAnswers(
        _ command: [String], lists: [(option: String, items: [String], values: [Any])],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let listed = lists.flatMap { [$0.option, $0.items.joined(separator: ",")] }
        let table = try Harness.json(command + listed)
        let rows = try XCTUnwrap(table["rows"] as? [[String: Any]], file: file, line: line)
        XCTAssertEqual(table["inputs"] as? [String], lists.map { Self.key($0.option) }, file: file, line: line)
        // The product, the first list slowest: written out independently of the program.
        var combinations: [[Int]] = [[]]
        for list in lists { combinations = combinations.flatMap { c in list.items.indices.map { c + [$0] } } }
        XCTAssertEqual(rows.count, combinations.count, file: file, line: line)
        for (row, combination) in zip(rows, combinations) {
            let inputs = try XCTUnwrap(row["inputs"] as? [String: Any], file: file, line: line)
            var alone = command
            for (list, i) in zip(lists, combination) {
                alone += [list.option, list.items[i]]
                XCTAssertEqual(
                    inputs[Self.key(list.option)] as? NSObject, list.values[i] as? NSObject, file: file, line: line)
            }
            let single = try Harness.json(alone)
            XCTAssertEqual(
                row["answer"] as? NSDictionary, single as NSDictionary, "\(alone.joined(separator: " "))", file: file,
                line: line)
        }
    }

    static func key(_ option: String) -> String {
        ["--nctx": "n_ctx", "--prompt-tokens": "prompt_tokens"][option] ?? String(option.dropFirst(2))
    }

    func testPredictRowsAreTheSingleAnswers() throws {
        try assertRowsAreSingleAnswers(
            ["predict", "--task", "commonsense", "--shots", "5"],
            lists: [
                ("--model", ["llama-2-7b", "llama-2-70b"], ["llama-2-7b", "llama-2-70b"]),
                ("--nctx", ["8k", "32k"], [8192, 32768]),
            ])
    }

    func testComputeForRowsAreTheSingleAnswers() throws {
        try assertRowsAreSingleAnswers(
            ["compute-for", "0.16", "--task", "arithmetic", "--nctx", "8k", "--tokens", "2T", "--gpu", "h100"],
            lists: [("--shots", ["15", "31", "127"], [15, 31, 127])])
    }

    func testCostRowsAreTheSingleAnswers() throws {
        try assertRowsAreSingleAnswers(
            ["cost", "--to", "32k", "--gpu", "h100", "--price", "2.5"],
            lists: [
                ("--model", ["llama-2-7b", "llama-2-13b", "gemma-2-9b"], ["llama-2-7b", "llama-2-13b", "gemma-2-9b"])
            ]
        )
    }

    func testShotsRowsAreTheSingleAnswers() throws {
        try assertRowsAreSingleAnswers(
            ["shots", "--task", "arithmetic"],
            lists: [("--compute", ["1e23", "1.5e24"], [1e23, 1.5e24]), ("--nctx", ["4k", "16k"], [4096, 16384])])
    }

    func testContextForRowsAreTheSingleAnswers() throws {
        try assertRowsAreSingleAnswers(
            ["context-for", "0.15", "--task", "arithmetic"],
            lists: [
                ("--model", ["llama-2-7b", "llama-2-13b"], ["llama-2-7b", "llama-2-13b"]),
                ("--nctx", ["4k", "16k"], [4096, 16384]),
            ])
    }

    func testExtendRowsAreTheSingleAnswers() throws {
        try assertRowsAreSingleAnswers(
            ["extend", "--model", "llama-2-7b", "--task", "arithmetic", "--gpu", "h100"],
            lists: [("--prompt-tokens", ["6k", "20k"], [6144, 20480])])
    }

    /// One aligned table: a column per listed input, then the answer's columns; a row per
    /// scenario whose numbers are the single answers' (from their JSON), as the text rounds them.
    func testTextIsOneTableWithAColumnPerListedInput() throws {
        let r = try Harness.run([
            "predict", "--task", "arithmetic", "--model", "llama-2-7b,llama-2-13b", "--shots", "31", "--nctx", "4k,32k",
        ])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: " ").map(String.init)
        XCTAssertEqual(Array(header.prefix(3)), ["model", "n_ctx", "score"])
        let rows = lines[1...4].map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(
            rows.map { $0[0] + " " + $0[1] },
            [
                "llama-2-7b 4k", "llama-2-7b 32k", "llama-2-13b 4k", "llama-2-13b 32k",
            ])
        for row in rows {
            let single = try Harness.json([
                "predict", "--task", "arithmetic", "--model", row[0], "--shots", "31", "--nctx", row[1],
            ])
            XCTAssertEqual(row[2], String(format: "%.3f", single["score"] as! Double))
        }
        XCTAssertTrue(lines.dropFirst(5).allSatisfy { $0.hasPrefix("note: ") }, r.stdout)
    }

    /// CSV: the header names the inputs and the answer's columns; numbers at full precision.
    func testCSVHasARowPerScenarioAtFullPrecision() throws {
        let words = ["predict", "--task", "translation", "--model", "llama-2-7b", "--shots", "0,7,63"]
        let r = try Harness.run(words + ["--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let records = r.stdout.components(separatedBy: "\r\n").dropLast()
        XCTAssertEqual(
            records.first,
            "shots,score,score_low,score_high,factors.compute,factors.context,factors.penalty,compute,n_pmt,n_ctx")
        XCTAssertEqual(records.count, 4)
        for (record, shots) in zip(records.dropFirst(), ["0", "7", "63"]) {
            let fields = record.split(separator: ",").map(String.init)
            XCTAssertEqual(fields[0], shots)
            // The single answer's score as its JSON writes it (Foundation's JSON reader may
            // round the last digit): the shortest text that reads back to the same double.
            let single = try Harness.run(
                ["predict", "--task", "translation", "--model", "llama-2-7b", "--shots", shots, "--json"]
            ).stdout
            let score = try XCTUnwrap(single.firstMatch(of: /"score": ([^,]+),/)).1
            XCTAssertEqual(fields[1], String(score))
            // The interval's ends are the single answer's.
            let low = try XCTUnwrap(single.firstMatch(of: /"low": ([^,]+),/)).1
            let high = try XCTUnwrap(single.firstMatch(of: /"high": ([^,]+),/)).1
            XCTAssertEqual(fields[2], String(low))
            XCTAssertEqual(fields[3], String(high))
        }
    }

    func testBadItemsAreRejectedByPosition() throws {
        let cases: [([String], String)] = [
            (["--shots", "5", "--nctx", "8k,8q"], "error: --nctx, item 2 of 2: '8q' is not a number"),
            // With the --model before it, one list of three.
            (
                ["--shots", "5", "--model", "llama-2-7b,llama-2-8b"],
                "error: --model, item 3 of 3: unknown model 'llama-2-8b'"
            ),
            (["--shots", "3,,5"], "error: --shots, item 2 of 3 is empty"),
            (
                ["--shots", (0...1000).map(String.init).joined(separator: ",")],
                "error: the lists give 1,001 scenarios (1001 --shots items); expected at most 1,000"
            ),
        ]
        for (list, expected) in cases {
            let r = try Harness.run(["predict", "--task", "arithmetic", "--model", "llama-2-7b"] + list)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix(expected), r.stderr)
            XCTAssertEqual(r.stdout, "", "nothing answered before the rejection")
        }
    }

    /// A scenario the law cannot answer is named by its items; the others are not printed.
    func testAFailingScenarioIsNamed() throws {
        let r = try Harness.run([
            "predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "5",
            "--nctx", "8k,2k",
        ])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("error: scenario 2 of 2 (--nctx 2k): "), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    func testHelpBesideAListIsTheCommandsHelp() throws {
        let r = try Harness.run(["predict", "--model", "llama-2-7b,llama-2-13b", "--help"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("OVERVIEW: Predict the score"), r.stdout)
    }

    /// The prompt runs a listed line as the shell does.
    func testAListAtThePrompt() throws {
        let line = "predict --task arithmetic --model llama-2-7b --shots 5,31 --json\n"
        let r = try Harness.run([], stdin: line)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual((try object(r.stdout)["rows"] as? [Any])?.count, 2)
    }

    /// `_` in a list's items is the last answer's quantity, as in a single value.
    func testTheLastAnswerWorksInsideAList() throws {
        let r = try Harness.run(
            ["--no-rc"],
            stdin: """
                compute-for 0.14 --task arithmetic --shots 5 --nctx 4k --json
                predict --task arithmetic --compute _,2*_ --shots 5 --nctx 4k --json
                """)
        XCTAssertEqual(r.status, 0, r.stderr)
        let objects = r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let compute = try XCTUnwrap(objects.first?["compute"] as? Double)
        let rows = try XCTUnwrap(objects.last?["rows"] as? [[String: Any]])
        let computes = rows.compactMap { ($0["answer"] as? [String: Any])?["compute"] as? Double }
        XCTAssertEqual(computes, [compute, 2 * compute])
    }

    /// A list of baseline models: each row's gap is the one compute-for gives for that model alone.
    func testBaselineListsShowEachModelsGap() throws {
        let words = ["compute-for", "0.14", "--task", "arithmetic", "--shots", "5", "--nctx", "4k"]
        let r = try Harness.run(words + ["--model", "llama-2-7b,llama-2-13b", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let records = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = records[0].split(separator: ",").map(String.init)
        let column = try XCTUnwrap(header.firstIndex(of: "additional_compute"))
        for (record, model) in zip(records.dropFirst(), ["llama-2-7b", "llama-2-13b"]) {
            let single = try Harness.json(words + ["--model", model])
            let gap = try XCTUnwrap(single["additional_compute"] as? Double)
            let field = record.split(separator: ",", omittingEmptySubsequences: false)[column]
            XCTAssertEqual(try XCTUnwrap(Double(field)), gap, accuracy: gap * 1e-12 + 1e-300)
        }
    }
}
