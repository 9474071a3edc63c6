import Foundation
import XCTest

@testable import ctxplan

/// How a command line reaches its command: `help WORD`, `--presets` before the command, what
/// `repl` takes, and the options commands share.
final class CommandTreeTests: XCTestCase {
    /// `help WORD` for a word that is no command is an error, worded as at the prompt.
    func testHelpForAnUnknownCommandIsAnError() throws {
        let cases = [
            ("nosuch", "error: no command 'nosuch'; 'help' lists the commands"),
            ("predcit", "error: no command 'predcit'; did you mean 'predict'?"),
        ]
        for (word, message) in cases {
            let shell = try Harness.run(["help", word])
            XCTAssertEqual(shell.status, 2)
            XCTAssertEqual(shell.stdout, "", "no overview")
            XCTAssertEqual(shell.stderr, message + "\n")
            let prompt = try Harness.run([], stdin: "help \(word)\n")
            XCTAssertEqual(prompt.status, 1)
            XCTAssertEqual(prompt.stderr, "line 1: " + message + "\n")
        }
        let known = try Harness.run(["help", "predict"])
        XCTAssertEqual(known.status, 0, known.stderr)
        XCTAssertTrue(known.stdout.contains("--prompt-tokens"), known.stdout)
    }

    /// `--presets DIR` before the command reads DIR for that command, as after it.
    func testPresetsBeforeTheCommandReadsTheFolder() throws {
        let dir = TestFolders.path("before")
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        try """
        {"name": "mine", "metric": "accuracy", "law": "paper",
         "parameters": {"A": 9.96, "Cc": 9.7e29, "alpha": 0.26, "B": 62.24, "nc": 1.3e5, "beta": 0.56},
         "prompt": {"base_tokens": 78.17, "shot_tokens": 75.74}}
        """.write(toFile: dir + "/tasks/mine.json", atomically: false, encoding: .utf8)
        let show = try Harness.run(["--presets", dir, "show", "mine", "--json"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("\"mine\""), show.stdout)
        let question = ["predict", "--task", "mine", "--model", "llama-2-7b", "--shots", "31"]
        let before = try Harness.json(["--presets=" + dir] + question)
        let after = try Harness.json(question + ["--presets", dir])
        XCTAssertEqual(before["score"] as! Double, after["score"] as! Double)
    }

    /// For every command, `--presets DIR` before it parses exactly as after it.
    func testPresetsBeforeAnyCommandIsTheSameAsAfterIt() {
        func outcome(_ words: [String]) -> String {
            do {
                let command = try Ctxplan.parseAsRoot(ArgumentFront.prepared(words))
                return "\(type(of: command)) \(String(describing: command))"
            } catch {
                return Ctxplan.message(for: error)
            }
        }
        // The prompt's own commands (set, source...) load no presets: they take no --presets.
        for name in Ctxplan.commandNames where Ctxplan.promptCommand(named: name) == nil {
            let after = outcome([name, "--presets", "/p1", "--presets", "/p2"])
            XCTAssertEqual(outcome(["--presets", "/p1", "--presets", "/p2", name]), after, name)
            XCTAssertFalse(after.contains("nexpected") || after.contains("Unknown option"), "\(name): \(after)")
        }
        XCTAssertTrue(outcome(["--presets", "/p1", "presets"]).contains("\"/p1\""), "the parsed folders are compared")
        XCTAssertEqual(outcome(["--presets", "/p", "help", "show"]), outcome(["help", "show"]))
        XCTAssertEqual(ArgumentFront.commandFirst(["--presets", "/p"]), ["--presets", "/p"], "alone: the REPL's")
        XCTAssertEqual(ArgumentFront.commandFirst(["--presets"]), ["--presets"], "no value: ArgumentParser says so")
    }

    /// `repl` takes `--presets` and `--no-rc` and nothing else: every other option of the tree is
    /// refused by name, not accepted and ignored.
    func testReplRefusesEveryOptionButPresets() throws {
        let options = Set(CommandTree.root.commands.flatMap(\.flags)).subtracting([
            "--presets", "--no-rc", "--help", "--version",
        ])
        XCTAssertTrue(options.contains("--json") && options.contains("--nctx"), "\(options)")
        for option in options.sorted() {
            do {
                _ = try Ctxplan.parseAsRoot(["repl", option])
                XCTFail("repl accepted \(option)")
            } catch {
                XCTAssertTrue(Ctxplan.message(for: error).contains("'\(option)'"), Ctxplan.message(for: error))
            }
        }
        let r = try Harness.run(["repl", "--json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "error: Unknown option '--json'\n")
    }

    /// Every command that takes `--nctx` declares it with the same help.
    func testEveryNctxHasOneHelpText() {
        var helps: [String: String] = [:]
        for command in Ctxplan.configuration.subcommands {
            let help = Ctxplan.helpMessage(for: command, columns: 1000)
            if let line = help.split(separator: "\n").first(where: { $0.hasPrefix("  --nctx <") }) {
                helps[command.configuration.commandName ?? ""] = line.trimmingCharacters(in: .whitespaces)
            }
        }
        XCTAssertEqual(Set(helps.values).count, 1, "\(helps)")
        XCTAssertTrue(helps.keys.contains("plot") && helps.keys.contains("heatmap") && helps.keys.contains("predict"))
        XCTAssertTrue(helps.keys.contains("compute-for"), "\(helps.keys)")
    }

    /// `plot` draws a curve at each `--nctx`; a command that answers lists reads the limits
    /// given twice as one list (ArgumentFrontTests); one that takes one limit refuses a second.
    func testNctxRepeatsForPlotAndIsRefusedTwiceElsewhere() throws {
        let plot = try Harness.json(
            ["plot", "--task", "arithmetic", "--model", "llama-2-7b", "--nctx", "4k", "--nctx", "8k"])
        XCTAssertEqual((plot["series"] as! [[String: Any]]).map { $0["n_ctx"] as! Double }, [4096, 8192])
        let twice = try Harness.run([
            "table", "--task", "arithmetic", "--model", "llama-2-7b", "--nctx", "4k", "--nctx", "8k",
        ])
        XCTAssertEqual(twice.status, 2)
        XCTAssertEqual(twice.stderr, "error: --nctx is given 2 times; expected it once\n")
    }
}
