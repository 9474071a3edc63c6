import Foundation
import XCTest

@testable import ctxplan

/// The README's examples, run: each fenced block that starts with `$ ctxplan ...` must print
/// exactly the output shown under it (times masked), and the `ctx> ` session must run cleanly.
final class ReadmeExampleTests: XCTestCase {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../README.md").standardizedFileURL.path

    /// Examples not compared, each with its reason. No `$ ctxplan` block needs it today; a new
    /// one that writes files or depends on the machine goes here rather than being run. The
    /// indented `make run`, `make test` and `make install` lines are not run either: they build
    /// and install.
    static let skipped: [String: String] = [:]

    struct Example {
        var command: String
        var output: String
        var line: Int
    }

    static func examples(in text: String) -> [Example] {
        var examples: [Example] = []
        let lines = text.components(separatedBy: "\n")
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            guard lines[i].hasPrefix("```"), i + 1 < lines.count, lines[i + 1].hasPrefix("$ ctxplan ") else { continue }
            let start = i + 1
            var end = start + 1
            while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
            examples.append(
                Example(
                    command: String(lines[start].dropFirst(2)),
                    output: lines[(start + 1)..<end].joined(separator: "\n"), line: start + 1))
            i = end
        }
        return examples
    }

    /// Durations ("in 38 ms", "0.05 s") vary from run to run; everything else must match.
    static func maskTimes(_ text: String) -> String {
        text.replacingOccurrences(of: #"\b[0-9]+(\.[0-9]+)? ?(ms|s|us)\b"#, with: "<time>", options: .regularExpression)
    }

    func testParserFindsEveryCommandBlock() throws {
        let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
        let examples = Self.examples(in: text)
        let dollarLines = text.components(separatedBy: "\n").filter { $0.hasPrefix("$ ctxplan ") }
        XCTAssertEqual(examples.count, dollarLines.count, "every `$ ctxplan` line opens a block the test reads")
        XCTAssertGreaterThan(examples.count, 10)
        XCTAssertEqual(
            Self.maskTimes("fitted to 120 records in 38 ms; 0.05 s, 30 us; 12 shots"),
            "fitted to 120 records in <time>; <time>, <time>; 12 shots")
    }

    func testCommandBlocksPrintWhatTheReadmeShows() throws {
        let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
        for example in Self.examples(in: text) where Self.skipped[example.command] == nil {
            let words = try LineSplitter.split(example.command)
            XCTAssertEqual(words.first, "ctxplan")
            // A session: the `ctx> ` lines are piped in, and the rest is what they print.
            let lines = example.output.components(separatedBy: "\n")
            let typed = lines.filter { $0.hasPrefix("ctx> ") }.map { $0.dropFirst(5) + "\n" }
            let expected =
                typed.isEmpty ? example.output : lines.filter { !$0.hasPrefix("ctx> ") }.joined(separator: "\n")
            let r = try Harness.run(Array(words.dropFirst()), stdin: typed.joined())
            XCTAssertEqual(r.status, 0, "README.md:\(example.line): \(example.command)\n\(r.stderr)")
            let printed = r.stdout.hasSuffix("\n") ? String(r.stdout.dropLast()) : r.stdout
            XCTAssertEqual(
                Self.maskTimes(printed), Self.maskTimes(expected),
                "README.md:\(example.line): \(example.command) prints something else")
        }
    }

    /// The indented `ctx> ` session runs from a pipe with no error.
    func testPromptSessionRuns() throws {
        let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
        let session = text.components(separatedBy: "\n").filter { $0.hasPrefix("    ctx> ") }.map {
            String($0.dropFirst(9))
        }
        XCTAssertGreaterThan(session.count, 3)
        let r = try Harness.run([], stdin: session.joined(separator: "\n") + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(r.stdout.components(separatedBy: "USAGE: ctxplan extend").count, 2, "help extend ran last")
    }

    /// The indented `printf '...' | ctxplan` example: its lines piped in give one JSON answer.
    func testPipeExampleRuns() throws {
        let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
        let pipes = text.components(separatedBy: "\n").filter {
            $0.hasPrefix("    printf '") && $0.hasSuffix("' | ctxplan")
        }
        XCTAssertEqual(pipes.count, 1)
        let quoted = pipes[0].dropFirst("    printf '".count).dropLast("' | ctxplan".count)
        let r = try Harness.run([], stdin: quoted.replacingOccurrences(of: "\\n", with: "\n"))
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(json?["task"] as? String, "translation")
    }
}
