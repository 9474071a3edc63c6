import Foundation
import XCTest

/// Output that cannot be written: a full disk, a closed stream, a reader that leaves. None may
/// trap (status 128+ from a signal, or "Fatal error"), and none may look like success.
final class StreamFailureTests: XCTestCase {
    let predict = #""$CTXPLAN" predict --task arithmetic --model llama-2-7b --shots 31"#

    func assertNoTrap(_ r: Harness.Result, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThan(r.status, 128, "killed by a signal: \(r.stderr)", file: file, line: line)
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr, file: file, line: line)
    }

    func testFullStdoutIsAFailureThatSaysWhy() throws {
        let r = try Shell.run(predict + " >/dev/full")
        assertNoTrap(r)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("No space left on device"), r.stderr)
    }

    func testClosedStdoutIsAFailure() throws {
        let r = try Shell.run(predict + " >&-")
        assertNoTrap(r)
        XCTAssertNotEqual(r.status, 0)
    }

    func testBadCommandWithStderrClosedOrFullExitsTwo() throws {
        for redirection in ["2>&-", "2>/dev/full"] {
            let r = try Shell.run(#""$CTXPLAN" predcit "# + redirection + #"; echo "status $?""#)
            XCTAssertEqual(r.stdout, "status 2\n", redirection)
            XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        }
    }

    /// A warning that cannot be written makes an otherwise good command fail: the user was not told.
    func testWarningLostToAFullStderrIsAFailure() throws {
        let presets = try Shell.temporaryFolder()
        try FileManager.default.createDirectory(atPath: presets + "/tasks", withIntermediateDirectories: true)
        try "{not json".write(toFile: presets + "/tasks/broken.json", atomically: false, encoding: .utf8)
        // Presets are read as they are needed: listing them reads the broken one.
        let list = #""$CTXPLAN" presets --presets "# + "'\(presets)'"
        let warned = try Shell.run(list)
        XCTAssertEqual(warned.status, 0)
        XCTAssertTrue(warned.stderr.contains("broken.json"), "the bad preset is warned about: \(warned.stderr)")
        let r = try Shell.run(list + " 2>/dev/full")
        assertNoTrap(r)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("tasks"), "the answer is still printed")
    }

    func testReaderThatLeavesEarlyDoesNotTrap() throws {
        // Enough output to fill the pipe after `head` has gone: `help` prints a screen, and is
        // cheap (a debug build spends tens of milliseconds parsing each command line).
        let script = String(repeating: "help\n", count: 200)
        let path = try Shell.temporaryFolder() + "/script"
        try script.write(toFile: path, atomically: false, encoding: .utf8)
        let r = try Shell.run(#""$CTXPLAN" <'"# + path + #"' | head -c1; echo " status ${PIPESTATUS:-}""#)
        XCTAssertTrue(r.stdout.hasPrefix("C"), "the first byte of the help: \(r.stdout)")
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        let one = try Shell.run(predict + #" | head -c1 >/dev/null; exit 0"#)
        assertNoTrap(one)
        // The program's own status, which sh cannot report for the left side of a pipe.
        let status = try Shell.run(#"{ "$CTXPLAN" <'"# + path + #"'; echo "status $?" >&2; } | head -c1 >/dev/null"#)
        let code = Int32(
            status.stderr.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "")
        XCTAssertNotNil(code, status.stderr)
        XCTAssertNotEqual(code, 0, "output lost to a closed pipe is not success")
        XCTAssertLessThan(code ?? 255, 128, "no SIGPIPE death: \(status.stderr)")
    }
}
