import Foundation
import XCTest

@testable import ctxplan

/// The piped REPL's line reader: lines as `readLine` gives them, in bounded memory.
final class LineReaderTests: XCTestCase {
    /// Every line `LineReader` reads from `bytes`, with the limit given.
    func lines(_ bytes: [UInt8], limit: Int = 8) -> (lines: [LineReader.Line], error: Int32?) {
        var buffer = bytes
        let count = buffer.count
        return buffer.withUnsafeMutableBytes { raw -> ([LineReader.Line], Int32?) in
            guard let stream = fmemopen(count == 0 ? nil : raw.baseAddress, max(count, 1), "r") else {
                XCTFail("fmemopen")
                return ([], nil)
            }
            defer { fclose(stream) }
            if count == 0 { _ = getc(stream) }  // an empty stream: consume fmemopen's one byte
            var reader = LineReader(limit: limit)
            var found: [LineReader.Line] = []
            while let line = reader.next(from: stream) { found.append(line) }
            return (found, reader.readError)
        }
    }

    func lines(_ text: String, limit: Int = 8) -> [LineReader.Line] { lines(Array(text.utf8), limit: limit).lines }

    func testNewlinesAndCarriageReturnNewlinesEndLines() {
        XCTAssertEqual(lines("a b\nc\r\n\nlast"), [.text("a b"), .text("c"), .text(""), .text("last")])
        XCTAssertEqual(lines("one\n"), [.text("one")], "a final newline starts no empty line")
        XCTAssertEqual(lines("a\rb\n"), [.text("a\rb")], "a carriage return inside a line stays")
    }

    func testALineOverTheLimitIsMeasuredNotKept() {
        XCTAssertEqual(lines("12345678\n123456789\nok"), [.text("12345678"), .tooLong(bytes: 9), .text("ok")])
        XCTAssertEqual(lines("12345678\r\n"), [.text("12345678")], "the \\r of \\r\\n is not counted")
        XCTAssertEqual(lines(String(repeating: "x", count: 100_000) + "\r\n"), [.tooLong(bytes: 100_000)])
    }

    func testMultibyteCharactersArriveWhole() {
        XCTAssertEqual(lines("show café\n", limit: 100), [.text("show café")])
    }

    /// An endless line (`ctxplan < /dev/zero`) once took all memory: the piped REPL must stay
    /// small while it reads one, and stop at once when asked to.
    func testAnEndlessLineTakesBoundedMemory() throws {
        let running = Process()
        running.executableURL = Harness.binary
        running.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/zero"))
        running.standardOutput = FileHandle.nullDevice
        running.standardError = FileHandle.nullDevice
        try running.run()
        Thread.sleep(forTimeInterval: 1.5)
        let status = (try? String(contentsOfFile: "/proc/\(running.processIdentifier)/status", encoding: .utf8)) ?? ""
        running.terminate()
        running.waitUntilExit()
        let rss =
            status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? 0
        XCTAssertGreaterThan(rss, 0)
        XCTAssertLessThan(rss, 100_000, "kB resident after 1.5 s of one endless line")
    }

    func testUnreadableInputIsAnErrorThatSaysWhy() throws {
        let r = try Shell.run(#""$CTXPLAN" < /; echo "status $?""#)
        XCTAssertEqual(r.stdout, "status 1\n")
        XCTAssertTrue(r.stderr.contains("standard input could not be read"), r.stderr)
        XCTAssertTrue(r.stderr.contains("Is a directory"), r.stderr)
    }

    /// Once the reader has gone, the lines after are not run: 2,000 answers to a `head -1`
    /// (and fifty `bogus` lines, each of whose errors would be reported) stop within a few.
    func testLinesStopOnceTheOutputCannotBeWritten() throws {
        let line = "predict --task arithmetic --model llama-2-7b --shots 3\nbogus\n"
        let script =
            "i=0; while [ $i -lt 50 ]; do printf '\(line)'; i=$((i+1)); done"
            + #" | "$CTXPLAN" 2>errors | head -1 >/dev/null; grep -c 'unknown command' errors"#
        let folder = TestFolders.path("stop")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try Shell.run(script, in: folder)
        let reported = Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        XCTAssertGreaterThan(reported, 0, r.stderr)
        XCTAssertLessThan(reported, 50, "the lines after the reader left were still run")
    }
}
