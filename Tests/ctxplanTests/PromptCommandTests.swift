import Foundation
import XCTest

@testable import ctxplan

/// The prompt's own commands (`set`/`use`, `unset`, `source`, `quit`/`exit`): each refuses what
/// it does not take by name, names the word typed, has its own help, and from a shell says
/// what to do instead only where there is something to do.
final class PromptCommandTests: XCTestCase {
    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    /// `quit` takes nothing: a word after it is a named error, the line fails and the next runs.
    func testQuitWithAnArgumentIsRefusedAndTheSessionGoesOn() throws {
        let budget = try Harness.run(["budget", "1e20", "--gpu", "h100"])
        XCTAssertEqual(budget.status, 0, budget.stderr)
        let r = try Harness.run([], stdin: "quit extra\nexit 3\nquit --version\nbudget 1e20 --gpu h100\n")
        XCTAssertEqual(r.status, 1, "a failed line fails the run")
        XCTAssertEqual(
            lines(r.stderr),
            [
                "line 1: error: 'extra' after 'quit'; expected 'quit' alone",
                "line 2: error: '3' after 'exit'; expected 'exit' alone",
            ])
        // --version is ArgumentParser's, as for every command of the tree (`predict --version`).
        XCTAssertEqual(r.stdout, Ctxplan.version + "\n" + budget.stdout, "the lines after them ran")
        // A script goes on the same way.
        let dir = TestFolders.path("prompt-commands")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "quit now\nbudget 1e20 --gpu h100\n".write(toFile: dir + "/q.ctx", atomically: false, encoding: .utf8)
        let script = try Harness.run([dir + "/q.ctx"])
        XCTAssertEqual(script.status, 1)
        XCTAssertEqual(script.stderr, dir + "/q.ctx:1: error: 'now' after 'quit'; expected 'quit' alone\n")
        XCTAssertEqual(script.stdout, budget.stdout)
    }

    /// `quit --help`, `use -h` and `help set` at the prompt print the command's own help, as
    /// `ctxplan help set` does from a shell.
    func testAPromptCommandsHelpIsItsOwn() throws {
        for (typed, name) in [
            ("help set", "set"), ("help quit", "quit"), ("help source", "source"), ("quit --help", "quit"),
            ("use -h", "set"), ("exit --help", "quit"),
        ] {
            let shell = try Harness.run(["help", name])
            XCTAssertEqual(shell.status, 0, shell.stderr)
            XCTAssertTrue(shell.stdout.contains("USAGE: ctxplan \(name)"), shell.stdout)
            let r = try Harness.run([], stdin: typed + "\nbudget 1e20 --gpu h100 --json\n")
            XCTAssertEqual(r.status, 0, "\(typed): \(r.stderr)")
            XCTAssertTrue(r.stdout.hasPrefix(shell.stdout), "\(typed) printed \(r.stdout)")
            XCTAssertTrue(r.stdout.contains("\"gpu_hours\""), "\(typed) left the session: \(r.stdout)")
        }
        let set = try Harness.run(["help", "set"])
        XCTAssertTrue(set.stdout.contains("use KEY VALUE, the same as set"), set.stdout)
        let overview = try Harness.run([], stdin: "help\n")
        XCTAssertTrue(
            lines(overview.stdout).contains { $0.hasPrefix("  use KEY VALUE") && $0.hasSuffix("the same as set") },
            overview.stdout)
    }

    /// Tab after `help ` offers the commands help describes, and not the hidden `repl`.
    func testHelpCompletesNoHiddenCommand() {
        let offered = Completer(library: Session().library()).matches(for: "", before: "help ")
        XCTAssertFalse(offered.contains("repl"), "\(offered)")
        for name in ["predict", "set", "use", "quit", "source"] { XCTAssertTrue(offered.contains(name), name) }
    }

    /// `use` is `set` by another name, and its messages say `use`.
    func testUseIsSetAndItsMessagesSayUse() throws {
        let r = try Harness.run([], stdin: "use gpu h100\nuse task\nuse nctx 8k extra\nshow settings --json\n")
        XCTAssertEqual(r.status, 1)
        let errors = lines(r.stderr)
        guard errors.count == 2 else { return XCTFail(r.stderr) }
        XCTAssertTrue(errors[0].hasPrefix("line 2: error: expected 'use KEY VALUE' (KEY: task, "), errors[0])
        XCTAssertTrue(errors[1].hasPrefix("line 3: error: 'extra' after 'use nctx 8k'; "), errors[1])
        XCTAssertTrue(r.stdout.contains("\"gpu\": \"H100-SXM\""), r.stdout)
    }

    /// From a shell each says where it works, naming the word typed; only `set` and `unset` stand
    /// for something a shell command does another way.
    func testFromAShellThePromptCommandsNameTheWordTyped() throws {
        let use = try Harness.run(["use", "task", "arithmetic"])
        XCTAssertEqual(use.status, 2)
        XCTAssertEqual(
            use.stderr,
            "error: 'use' works at the prompt and in scripts (ctxplan FILE); from a shell, pass --task arithmetic "
                + "to the command instead\n")
        for word in ["exit", "quit"] {
            let r = try Harness.run([word])
            XCTAssertEqual(r.status, 2)
            XCTAssertEqual(r.stderr, "error: '\(word)' works at the prompt and in scripts (ctxplan FILE)\n")
        }
    }

    /// `ctxplan source FILE` runs the script as `ctxplan FILE` does.
    func testSourceFromAShellRunsTheScript() throws {
        let dir = TestFolders.path("prompt-source")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/plan.ctx"
        try "set gpu h100\nbudget 1e20\nbudget zz\n".write(toFile: path, atomically: false, encoding: .utf8)
        let direct = try Harness.run([path])
        let sourced = try Harness.run(["source", path])
        XCTAssertEqual(direct.status, 1, "line 3 fails")
        XCTAssertTrue(direct.stdout.contains("GPU-hours"), direct.stdout)
        XCTAssertEqual(sourced.status, direct.status)
        XCTAssertEqual(sourced.stdout, direct.stdout)
        XCTAssertEqual(sourced.stderr, direct.stderr)
        let none = try Harness.run(["source"])
        XCTAssertEqual(none.status, 2)
        XCTAssertEqual(none.stderr, "error: expected 'source FILE'\n")
    }

    /// Every `set KEY BAD` error starts with the key, whatever kind of value the key takes.
    func testEverySetErrorStartsWithTheKey() throws {
        let bad = [
            "task": "zz", "model": "zz", "nctx": "-5", "gpu": "zz", "gpus": "0", "price": "-1", "mfu": "2",
            "shots": "-3", "prompt-tokens": "-1", "reserve": "-1", "law": "xx", "interval": "100",
            "format": "yaml",
        ]
        XCTAssertEqual(Set(bad.keys), Set(Settings.keys), "a bad value for every key")
        let keys = Settings.keys
        let r = try Harness.run([], stdin: keys.map { "set \($0) \(bad[$0] ?? "")\n" }.joined())
        let errors = lines(r.stderr)
        XCTAssertEqual(errors.count, keys.count, r.stderr)
        for (i, (key, error)) in zip(keys, errors).enumerated() {
            XCTAssertTrue(error.hasPrefix("line \(i + 1): error: \(key): "), error)
            XCTAssertTrue(error.contains("'\(bad[key] ?? "")'"), "names the value: \(error)")
        }
    }

    /// `auto` is a law choice of fit alone: set refuses it and says where it belongs.
    func testSetLawAutoSaysAutoIsFitsOwn() throws {
        let r = try Harness.run([], stdin: "set law auto\n")
        XCTAssertTrue(r.stderr.contains("law: 'auto' is not one of paper,"), r.stderr)
        XCTAssertTrue(r.stderr.contains("only 'fit --law auto' takes it"), r.stderr)
    }
}
