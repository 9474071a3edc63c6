import Foundation
import XCTest

@testable import ctxplan

/// Control characters in what a message quotes are written out, never sent to the terminal.
final class ControlCharacterTests: XCTestCase {
    private func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Every control character comes out as printable ASCII, distinct from every other one, and
    /// every other character is kept as it is.
    func testEveryControlCharacterIsWrittenOutAndNothingElseChanges() {
        let controls = (0..<0x20).map { Unicode.Scalar($0)! } + (0x7F...0x9F).map { Unicode.Scalar($0)! }
        var seen: Set<String> = []
        for scalar in controls {
            let escaped = String(Character(scalar)).escapingControlCharacters
            XCTAssertTrue(
                escaped.hasPrefix("\\") && escaped.unicodeScalars.allSatisfy { $0.isASCII && !isControl($0) },
                "U+\(String(scalar.value, radix: 16)): \(escaped)")
            XCTAssertTrue(seen.insert(escaped).inserted, "\(escaped) twice")
        }
        XCTAssertEqual("a\u{1B}[2Jb\nc\t\u{7F}\u{9B}".escapingControlCharacters, "a\\x1b[2Jb\\nc\\t\\x7f\\x9b")
        let printable = "café 8k ◆ 'x' \\x1b already"
        XCTAssertEqual(printable.escapingControlCharacters, printable)
    }

    /// Our messages, ArgumentParser's and a preset warning all arrive escaped, one line each.
    func testMessagesOnStandardErrorCarryNoControlCharacters() throws {
        let dir = TestFolders.path("control")
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        try "{".write(toFile: dir + "/tasks/bad\u{1B}[2J.json", atomically: false, encoding: .utf8)
        let cases: [([String], String)] = [
            (["predict", "--model", "llama-2-7b", "--shots", "3", "--task", "x\u{1B}[2J\ny"], "'x\\x1b[2J\\ny'"),
            (["predict", "--nctx", "8\u{7}q"], "'8\\x07q'"),
            (["predict", "--x\u{1B}"], "'--x\\x1b'"),
            (["nosuch\r"], "'nosuch\\r'"),
            (["presets", "--presets", dir], "bad\\x1b[2J.json"),
        ]
        for (arguments, quoted) in cases {
            let r = try Harness.run(arguments)
            XCTAssertTrue(r.stderr.contains(quoted), "\(arguments): \(r.stderr)")
            let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(lines.last, "", "ends in its newline")
            for line in lines {
                XCTAssertFalse(line.unicodeScalars.contains(where: isControl), "\(arguments): \(line)")
            }
        }
    }
}
