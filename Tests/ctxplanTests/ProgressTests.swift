import Foundation
import XCTest

/// Long work shows its progress on standard error at a terminal, and nowhere else: not in a
/// pipe, not with --json. `CTXPLAN_PROGRESS_AFTER=0` shows it from the first step (by default it
/// waits a second, which a test must not depend on).
final class ProgressTests: XCTestCase {
    private let fit = ["fit", "--task", "arithmetic", "--bootstrap", "40"]

    func testNothingIsPrintedWhenStandardErrorIsAPipe() throws {
        let result = try Harness.run(fit, environment: ["CTXPLAN_PROGRESS_AFTER": "0"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "", "no progress in a pipe")
        XCTAssertTrue(result.stdout.contains("bootstrap: 40 resamples"), result.stdout)
    }

    /// At a terminal: the stages with their counts and the time left, drawn in place and erased
    /// before the answer, which starts on a clean line.
    func testATerminalShowsProgressAndErasesIt() throws {
        let command = "CTXPLAN_PROGRESS_AFTER=0 exec " + ([Harness.binary.path] + fit).joined(separator: " ")
        let screen = try Terminal.output(of: command, environment: ["NO_COLOR": "1"])
        XCTAssertTrue(screen.contains("fitting: "), screen)
        XCTAssertTrue(screen.contains(" of 40 draws"), screen)
        XCTAssertTrue(screen.contains(" left"), screen)
        XCTAssertTrue(screen.contains("\r\u{1B}[Karithmetic: paper law fitted"), "erased before the answer: \(screen)")
    }

    func testJSONAtATerminalShowsNoProgress() throws {
        let command =
            "CTXPLAN_PROGRESS_AFTER=0 exec " + ([Harness.binary.path] + fit + ["--json"]).joined(separator: " ")
        let screen = try Terminal.output(of: command, environment: ["NO_COLOR": "1"])
        XCTAssertFalse(screen.contains(" of 40 draws") || screen.contains("\u{1B}[K"), screen)
        XCTAssertTrue(screen.hasPrefix("{"), screen)
    }

    /// An import of a folder counts its bytes read (drawn at most ten times a second, so only
    /// the first count is sure to show).
    func testImportShowsProgressAtATerminal() throws {
        let dir = NSTemporaryDirectory() + "ctxplan-progress-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<3 {
            try "model,shots,metric\nLlama-2-7B,\(i),0.5\nLlama-2-13B,\(i),0.6\n"
                .write(toFile: dir + "/part\(i).csv", atomically: true, encoding: .utf8)
        }
        let command =
            "CTXPLAN_PROGRESS_AFTER=0 exec " + [Harness.binary.path, "import", dir, "--task", "arithmetic"]
            .joined(separator: " ")
        let screen = try Terminal.output(of: command, environment: ["NO_COLOR": "1"])
        XCTAssertTrue(screen.contains("\rimporting: "), screen)
        XCTAssertTrue(screen.contains("\r\u{1B}[Kread 6 records"), "erased before the answer: \(screen)")
    }
}
