import Foundation
import XCTest

/// The REPL at a terminal: Ctrl-C, non-ASCII input and the history file shared by two REPLs.
final class InteractiveTests: XCTestCase {
    var state = ""

    override func setUp() {
        state = TestFolders.path("state")
    }

    func start() throws -> Terminal {
        let terminal = try Terminal(environment: ["XDG_STATE_HOME": state])
        XCTAssertTrue(terminal.waitFor("ctx> "), terminal.screen)
        return terminal
    }

    /// Ctrl-C during a long fit gives the prompt back, with nothing of the fit's answer; the
    /// Ctrl-D after it leaves (it used to be taken for a second Ctrl-C). The waits only guard
    /// against a hang: how soon the prompt comes back is a speed, for `make bench`.
    func testCtrlCStopsARunningCommandAndCtrlDThenLeaves() throws {
        let terminal = try start()
        terminal.type("fit --task commonsense --bootstrap 100000\r")
        Thread.sleep(forTimeInterval: 1)
        let mark = terminal.screen.count
        XCTAssertFalse(terminal.screen.contains("interrupted"))
        terminal.type("\u{03}")
        XCTAssertTrue(terminal.waitFor("interrupted", after: mark, timeout: 30), terminal.screen)
        XCTAssertTrue(terminal.waitFor("ctx> ", after: mark, timeout: 30), terminal.screen)
        XCTAssertFalse(terminal.screen.contains("parameters"), "no part of the fit's answer")
        // A Ctrl-D typed while no program reads the terminal is spent by the terminal itself (its
        // cooked-mode end of file), so type it as a person would, after the prompt is up.
        Thread.sleep(forTimeInterval: 0.2)
        terminal.type("\u{04}")
        XCTAssertEqual(terminal.exitStatus(within: 30), 0, terminal.screen)
    }

    /// Ctrl-C while typing drops the line and gives a fresh prompt, not an exit.
    func testCtrlCAtThePromptClearsTheLine() throws {
        let terminal = try start()
        terminal.type("show sett")
        XCTAssertTrue(terminal.waitFor("show sett"))
        // As a person would, after the prompt is up: a Ctrl-C in the instant before libedit blocks
        // reading sets the flag but interrupts no read, and is lost.
        Thread.sleep(forTimeInterval: 0.3)
        let mark = terminal.screen.count
        terminal.type("\u{03}")
        XCTAssertTrue(terminal.waitFor("ctx> ", after: mark), terminal.screen)
        terminal.type("show settings\r")
        XCTAssertTrue(terminal.waitFor("gpu", after: mark), terminal.screen)
        XCTAssertTrue(terminal.process.isRunning)
        terminal.type("quit\r")
        XCTAssertEqual(terminal.exitStatus(within: 1), 0)
    }

    /// `show café` reaches the command whole (libedit dropped the é without the locale set).
    func testNonASCIIReachesTheCommand() throws {
        let terminal = try start()
        terminal.type("show café\r")
        XCTAssertTrue(terminal.waitFor("unknown preset"), terminal.screen)
        XCTAssertTrue(
            terminal.waitFor(
                "ctx> ",
                after: terminal.screen.range(of: "unknown preset").map {
                    terminal.screen.distance(from: terminal.screen.startIndex, to: $0.lowerBound)
                } ?? 0))
        XCTAssertTrue(terminal.screen.contains("unknown preset 'café'"), terminal.screen)
        terminal.type("quit\r")
        XCTAssertEqual(terminal.exitStatus(within: 1), 0)
    }

    /// Two REPLs open at once: every line of both is in the history file once, in the order
    /// typed, whichever leaves last.
    func testTwoREPLsBothKeepTheirHistory() throws {
        let a = try start()
        let b = try start()
        let lines = [
            (a, "show settings # from a"), (b, "presets tasks # from b, a \\ backslash"), (a, "show h100 # a again"),
        ]
        for (terminal, line) in lines {
            let mark = terminal.screen.count
            terminal.type(line + "\r")
            XCTAssertTrue(terminal.waitFor("ctx> ", after: mark), terminal.screen)
        }
        a.type("quit\r")
        XCTAssertEqual(a.exitStatus(within: 1), 0)
        b.type("quit\r")
        XCTAssertEqual(b.exitStatus(within: 1), 0)
        let file = try String(contentsOfFile: state + "/ctxplan/history", encoding: .utf8)
        let saved = file.split(separator: "\n").dropFirst().map { Self.unvis(String($0)) }
        XCTAssertEqual(saved, lines.map(\.1) + ["quit", "quit"])
    }

    /// A history folder that cannot be made is reported once, with its path; the REPL goes on.
    func testAHistoryFolderThatCannotBeMadeIsReportedOnce() throws {
        let blocker = state + "-file"
        try "".write(toFile: blocker, atomically: false, encoding: .utf8)
        let terminal = try Terminal(environment: ["XDG_STATE_HOME": blocker])
        XCTAssertTrue(terminal.waitFor("ctx> "), terminal.screen)
        terminal.type("show settings\r")
        terminal.type("quit\r")
        XCTAssertEqual(terminal.exitStatus(within: 2), 0)
        let warning = "warning: history is not kept: cannot create the folder \(blocker)/ctxplan"
        XCTAssertEqual(terminal.screen.components(separatedBy: warning).count, 2, terminal.screen)
    }

    /// libedit's history encoding undone: octal escapes (\040) back to bytes.
    static func unvis(_ line: String) -> String {
        var bytes: [UInt8] = []
        var input = Array(line.utf8)[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "\\"), input.count >= 3,
                let value = UInt8(String(decoding: input.prefix(3), as: UTF8.self), radix: 8)
            {
                bytes.append(value)
                input = input.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
