import ContextScaling
import Foundation
import Planner
import XCTest

@testable import ctxplan

/// The renderers' words and numbers, and the formats as a user sees them.
final class RenderingTests: XCTestCase {
    func testCountsAgreeWithTheirNouns() {
        XCTAssertEqual(Words.count(1, "shot"), "1 shot")
        XCTAssertEqual(Words.count(0, "shot"), "0 shots")
        XCTAssertEqual(Words.count(3, "shot"), "3 shots")
        XCTAssertEqual(Fmt.tokens(1), "1 token")
        XCTAssertEqual(Fmt.tokens(1.2), "1 token", "as printed, rounded")
        XCTAssertEqual(Fmt.tokens(4850), "4,850 tokens")
        XCTAssertEqual(Fmt.prompt(154, shots: 1), "154 tokens (1 shot)")
    }

    func testArticlesFollowHowTheNumberIsRead() {
        for (number, article) in [
            ("8k", "an"), ("16k", "a"), ("4k", "a"), ("80k", "an"), ("11k", "an"), ("18k", "an"),
            ("110k", "a"), ("128k", "a"), ("8,192", "an"), ("11,000", "an"), ("1M", "a"),
        ] {
            XCTAssertEqual(Words.article(before: number), article, number)
        }
    }

    /// The "1 prompt tokens" and "a 8k limit", from the notes that printed them.
    func testExtrapolationNotesPluraliseAndTakeTheRightArticle() {
        let prompt = PlanningNote.extrapolation(Extrapolation(quantity: .prompt, value: 1, bound: 78, side: .below))
        XCTAssertEqual(prompt.text, "1 prompt token is 78x below the smallest prompt the fit saw, 78 prompt tokens")
        let limit = PlanningNote.extrapolation(Extrapolation(quantity: .limit, value: 8192, bound: 4096, side: .above))
        XCTAssertEqual(limit.text, "an 8k limit is 2x the largest limit the fit saw, a 4k limit")
        XCTAssertEqual(limit.code, "extrapolation_limit")
    }

    /// One number style: three figures with a suffix, scientific past the suffixes, never "e+".
    func testOneNumberStyle() {
        let days = 1e23 / (989.4e12 * 0.4) / 3600 / 24  // 2,924.6 days
        XCTAssertEqual(Fmt.number(days), "2.92K")
        XCTAssertEqual(Fmt.percent(5.243e73), "5.24e75%")
        XCTAssertEqual(Fmt.percent(0.0004194), "0.04194%")
        for value in [5.663e4, 2.92e3, 5.243e75, 1e-7, 0.119] {
            XCTAssertFalse(Fmt.number(value).contains("e+"), Fmt.number(value))
        }
    }

    /// The "+0.000 for more the extension FLOPs": a recommendation that costs nothing
    /// gives no ratio, and the verdict says so in words.
    func testNoGainVerdictWithoutARatio() {
        let free = ExtendVerdict.noGainForCost(gain: 0, costRatio: nil).text
        XCTAssertFalse(free.contains("more the"), free)
        XCTAssertEqual(free, "no gain for the cost: +0.000 for an extension the recommendation does not need")
        XCTAssertEqual(
            ExtendVerdict.noGainForCost(gain: 0.0004, costRatio: 2).text,
            "no gain for the cost: +0.000 for 2.0x the extension FLOPs")
    }

    /// The planner names a missing concept; the program names the option, and exits 2.
    func testPlannerErrorsAreWordedWithTheirOptions() throws {
        XCTAssertTrue(PlannerError.missingContextLimit.description.hasPrefix("--nctx is needed with --compute"))
        let below = PlannerError.extensionNotLonger(limit: 2048, model: "Llama-2-7B", native: 4096)
        XCTAssertEqual(
            below.description, "--to 2k is not above Llama-2-7B's native limit of 4k; expected a longer limit")
        let result = try Harness.run(["predict", "--compute", "1e23", "--task", "arithmetic", "--shots", "1"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "error: " + PlannerError.missingContextLimit.description + "\n")
    }

    func testBudgetDaysInTheNumberStyle() throws {
        let result = try Harness.run(["budget", "1e23", "--gpu", "h100"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("wall clock  2.92K days on 1 GPU\n"), result.stdout)
    }

    func testShotsSaysOneShot() throws {
        let result = try Harness.run(["shots", "--task", "translation", "--model", "llama-2-13b", "--interval", "0"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("knee  1 shot  score"), result.stdout)
    }

    /// `extend` from a model whose limit is native: no RULER note (it is about extensions).
    func testExtendFromANativeLimitHasNoRulerNote() throws {
        let json = try Harness.json(["extend", "--model", "qwen2.5-0.5b", "--task", "arithmetic", "--shots", "100"])
        let codes = (json["notes"] as? [[String: String]])?.compactMap { $0["code"] } ?? []
        XCTAssertFalse(codes.contains("headroom"), "\(codes)")
        XCTAssertEqual(json["recommended_nctx"] as? Double, 32768)
    }

    /// Every tabular answer prints as CSV: a header and one record per row, with the same numbers
    /// the JSON gives (read back by the project's CSV reader).
    func testTabularAnswersPrintAsCSV() throws {
        let cases: [([String], String, String)] = [
            (["shots", "--task", "arithmetic", "--model", "llama-2-7b"], "rows", "score"),
            (["table", "--task", "commonsense", "--model", "yarn-llama-2-13b-32k"], "rows", "predicted"),
            (
                ["extend", "--model", "llama-2-7b", "--task", "arithmetic", "--prompt-tokens", "20k"], "options",
                "score"
            ),
        ]
        for (arguments, key, column) in cases {
            let result = try Harness.run(arguments + ["--format", "csv"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let table = try CSVTable(text: result.stdout, file: "stdout")
            let rows = try XCTUnwrap(Harness.json(arguments)[key] as? [[String: Any]])
            XCTAssertEqual(table.rows.count, rows.count, arguments[0])
            let index = try XCTUnwrap(table.header.firstIndex(of: column))
            for (record, row) in zip(table.rows, rows) {
                // Foundation's JSON reader on Linux can be an ulp or two off the shortest form.
                let value = try XCTUnwrap(row[column] as? Double)
                let written = try XCTUnwrap(Double(record.fields[index]))
                XCTAssertEqual(written, value, accuracy: abs(value) * 1e-15, arguments[0])
            }
        }
    }

    func testNotesInJSONHaveCodesAndTheTextPrinted() throws {
        let arguments = ["table", "--task", "arithmetic", "--model", "gemma-2-9b"]
        let notes = try XCTUnwrap(Harness.json(arguments)["notes"] as? [[String: String]])
        let text = try Harness.run(arguments).stdout
        XCTAssertEqual(notes.map { $0["code"] }, ["derived_parameters", "extrapolation_compute"])
        for note in notes { XCTAssertTrue(text.contains("note: " + note["text"]!), text) }
    }
}

/// Notes wrap to the terminal's width on a terminal, and only there.
final class NoteWrappingTests: XCTestCase {
    let arguments = ["predict", "--task", "arithmetic", "--compute", "2.7e24", "--nctx", "8k", "--shots", "31"]

    func testOnANarrowTerminalNotesWrapUnderTheirText() throws {
        let command = "stty cols 44; " + ([Harness.binary.path] + arguments).joined(separator: " ")
        let screen = try Terminal.output(of: command, environment: ["NO_COLOR": "1"])
        let lines = screen.replacingOccurrences(of: "\r", with: "")
            .split(separator: "\n").map(String.init)
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("note: ") }, "\(lines)")
        let note = Array(lines[start...])
        XCTAssertGreaterThan(note.count, 1, "\(note)")
        XCTAssertTrue(note.allSatisfy { $0.count <= 44 }, "\(note)")
        XCTAssertTrue(note.dropFirst().allSatisfy { $0.hasPrefix("      ") && $0.dropFirst(6).first != " " }, "\(note)")
        let words = note.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertEqual(words, "note: 2.7e24 FLOPs is 18x the largest compute the fit saw, 1.5e23 FLOPs")
    }

    func testInAPipeNotesAreOneLine() throws {
        let result = try Harness.run(arguments, environment: ["COLUMNS": "30"])
        let note = "\nnote: 2.7e24 FLOPs is 18x the largest compute the fit saw, 1.5e23 FLOPs\n"
        XCTAssertTrue(result.stdout.contains(note), result.stdout)
    }
}
