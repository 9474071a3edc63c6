import Foundation
import XCTest

@testable import ctxplan

/// The session's one last answer: recorded by the command that printed it, never by printing;
/// `show last`, `_` and `plot`'s marks all read it.
final class LastAnswerTests: XCTestCase {
    /// Printing an answer leaves the session as it was.
    func testRenderingChangesNoSessionState() throws {
        let session = Session(style: Style(colour: false))
        let command = try BudgetCommand.parse(["1e23", "--gpu", "h100", "--json"])
        let answer = try command.answer(in: session)
        try command.render(answer, command.global, in: session)
        XCTAssertNil(session.answer, "render recorded the answer")
        try command.run(in: session)
        // Its main quantity is the GPU-hours: FLOPs / (H100's 989.4 TFLOP/s dense BF16 x MFU 0.4) / 3600.
        let hours = try XCTUnwrap(session.answer?.mainQuantity?.value, "the command records its answer")
        XCTAssertEqual(hours, 1e23 / (9.894e14 * 0.4) / 3600, accuracy: 1e-6 * hours)
    }

    /// A planning answer without a point replaces the one before: `plot` marks only the last.
    func testPlotMarksOnlyTheLastAnswer() throws {
        let lines = [
            "set task arithmetic", "shots --model llama-2-13b --nctx 16k", "plot --json",
            "predict --model llama-2-13b --shots 5", "plot --json",
        ]
        let r = try Harness.run([], stdin: lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let plots = try r.stdout.split(separator: "\n").filter { $0.contains("\"marks\"") }
            .map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(plots.count, 2, r.stdout)
        XCTAssertEqual((plots.first?["marks"] as? [Any])?.count, 2, "shots marks its knee and best")
        XCTAssertEqual((plots.last?["marks"] as? [Any])?.count, 0, "a prediction has no point to mark")
    }

    /// A scenario table is the last answer: `show last` prints it again; it has no one number
    /// for `_`.
    func testAScenarioTableIsTheLastAnswer() throws {
        let table = "predict --task arithmetic --compute 7.8e22,1.5e23 --nctx 4k --shots 31"
        let once = try Harness.run(table.split(separator: " ").map(String.init))
        XCTAssertEqual(once.status, 0, once.stderr)
        let r = try Harness.run(
            [], stdin: "compute-for 0.16 --task arithmetic --shots 31\n\(table)\nshow last\nbudget _\n")
        XCTAssertTrue(r.stdout.hasSuffix(once.stdout + once.stdout), r.stdout)
        XCTAssertTrue(
            r.stderr.hasSuffix(
                "'_' at character 1 stands for the last answer's number; the last answer, a scenario table, has none\n"),
            r.stderr)
    }

    /// Every answer printed is the last: `show last` after a fit, a validation, a comparison, an
    /// import or a listing prints it again, not the budget before it, and `_` then says which
    /// answer has no number.
    func testShowLastPrintsTheAnswerPrintedLast() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/import/paper-eval").standardizedFileURL.path
        let budget = try Harness.run(["budget", "1e20", "--gpu", "h100"])
        XCTAssertEqual(budget.status, 0, budget.stderr)
        for (line, kind) in [
            ("fit --task arithmetic --bootstrap 0", "a fit"), ("validate --task arithmetic", "a validation"),
            ("compare --task arithmetic", "a law comparison"), ("import '\(fixtures)'", "an import summary"),
            ("presets tasks", "a preset listing"),
        ] {
            let r = try Harness.run([], stdin: "budget 1e20 --gpu h100\n\(line)\nshow last\nbudget 2*_\n")
            XCTAssertTrue(r.stdout.hasPrefix(budget.stdout), r.stdout)
            // What follows the budget is one answer printed twice.
            let rest = Array(r.stdout.utf8.dropFirst(budget.stdout.utf8.count))
            XCTAssertEqual(rest.count % 2, 0, "\(line): \(r.stdout)")
            XCTAssertEqual(rest[..<(rest.count / 2)], rest[(rest.count / 2)...], "\(line): \(r.stdout)")
            XCTAssertFalse(String(decoding: rest, as: UTF8.self).contains("GPU-hours"), "\(line): \(r.stdout)")
            XCTAssertEqual(
                r.stderr,
                "line 4: error: The value '2*_' is invalid for '<flops>': in '2*_', '_' at character 3 stands for "
                    + "the last answer's number; the last answer, \(kind), has none\n", line)
        }
    }
}
