import Foundation
import XCTest

@testable import ctxplan

/// The REPL from a pipe: how it starts, and what it refuses.
final class REPLTests: XCTestCase {
    /// `repl` at the prompt is refused: a nested REPL would read the rest of the input itself,
    /// with its own line numbers, and `quit` would leave only the inner one.
    func testReplAtThePromptIsRefused() throws {
        let r = try Harness.run([], stdin: "repl\nset task arithmetic\nshow settings --json\nquit\npredict --shots 1\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "line 1: error: already at the prompt; 'repl' starts it from a shell\n")
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "show ran once, and nothing after quit: \(r.stdout)")
        XCTAssertTrue(lines.first?.contains("\"task\": \"arithmetic\"") ?? false, r.stdout)
    }

    /// With no command, or only `--presets DIR`, ctxplan is the REPL, with DIR's presets for
    /// every line; `repl --presets DIR` is the same.
    func testNoCommandOrOnlyPresetsStartsTheREPL() throws {
        let dir = TestFolders.path("repl")
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        try """
        {"name": "mine", "metric": "accuracy", "law": "paper",
         "parameters": {"A": 9.96, "Cc": 9.7e29, "alpha": 0.26, "B": 62.24, "nc": 1.3e5, "beta": 0.56},
         "prompt": {"base_tokens": 78.17, "shot_tokens": 75.74}}
        """.write(toFile: dir + "/tasks/mine.json", atomically: false, encoding: .utf8)
        let line = "predict --task mine --model llama-2-7b --shots 31 --json\n"
        let paper = try Harness.json(["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "31"])
        for arguments in [["--presets", dir], ["repl", "--presets", dir]] {
            let r = try Harness.run(arguments, stdin: line)
            XCTAssertEqual(r.status, 0, r.stderr)
            let answer = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            XCTAssertEqual(answer["score"] as! Double, paper["score"] as! Double, "mine has arithmetic's parameters")
        }
        let none = try Harness.run([], stdin: line)
        XCTAssertEqual(none.status, 1, "without the folder there is no task 'mine'")
        XCTAssertTrue(none.stderr.hasPrefix("line 1: error: "), none.stderr)
    }

    /// A word that is not a command is named as such, not taken as an argument of the REPL.
    func testAnUnknownCommandIsNamedWithASuggestion() throws {
        let r = try Harness.run(["figurse", "--out", "x"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "error: unknown command 'figurse'; did you mean 'figures'?\n")
        let none = try Harness.run(["zzzzzz"])
        XCTAssertEqual(none.stderr, "error: unknown command 'zzzzzz'; 'help' lists the commands\n")
    }

    /// A name typed or read with control characters in it is quoted with them made visible:
    /// the escape sequence is not run by the terminal, and a NUL does not cut the message (and
    /// its newline) short, which glued the next message to it.
    func testControlCharactersInAQuotedNameAreShownNotSent() throws {
        let r = try Harness.run([], stdin: "show \u{01}x\u{1B}[2JRED\nshow a\u{0}b\nshow caf\u{E9}\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(
            r.stderr,
            """
            line 1: error: unknown preset '\\x01x\\x1b[2JRED'; see 'presets'
            line 2: error: unknown preset 'a\\x00b'; see 'presets'
            line 3: error: unknown preset 'caf\u{E9}'; see 'presets'

            """)
        let shell = try Harness.run(["show", "\u{9B}31m"])
        XCTAssertEqual(shell.stderr, "error: unknown preset '\\x9b31m'; see 'presets'\n")
    }

    /// Line breaks and tabs are written out too (a newline in a quoted value would forge a line).
    func testEscapingWritesOutLineBreaksTabsAndTheRest() {
        XCTAssertEqual("a\tb\nc".escapingControlCharacters, "a\\tb\\nc")
        XCTAssertEqual("\u{7F}\u{1B}\u{85}\u{A0}".escapingControlCharacters, "\\x7f\\x1b\\x85\u{A0}")
    }
}
