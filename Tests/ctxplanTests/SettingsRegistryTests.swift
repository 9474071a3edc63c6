import Foundation
import XCTest

@testable import ctxplan

/// The settings registry: each key declared once, feeding options the command tree has, and the
/// only reader of the settings.
final class SettingsRegistryTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources").standardizedFileURL.path

    /// Each key stands in for options some command takes, and Tab after `set KEY` offers only
    /// values that option's completion offers too.
    func testEachKeyFeedsOptionsOfTheTree() {
        let completer = Completer(library: Session().library())
        for key in Setting.registry {
            XCTAssertFalse(key.options.isEmpty, key.name)
            for option in key.options {
                guard let command = CommandTree.root.commands.first(where: { $0.option(option) != nil }),
                    let name = command.names.first
                else { return XCTFail("\(key.name) feeds \(option), which no command takes") }
                let offered = Set(completer.matches(for: "", before: "set \(key.name) "))
                let taken = Set(completer.matches(for: "", before: "\(name) \(option) "))
                XCTAssertTrue(
                    offered.isSubset(of: taken),
                    "\(key.name): \(offered.subtracting(taken)) not offered by \(name) \(option)")
            }
        }
        XCTAssertEqual(Setting.names.count, Set(Setting.names).count, "each key declared once")
    }

    /// Nothing but the registry reads `session.settings`: commands ask it for an option's value.
    func testOnlyTheRegistryReadsTheSettings() throws {
        let files = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: Self.sources))
        var readers: [String] = []
        for file in files where file.hasSuffix(".swift") && !file.hasSuffix("SettingKeys.swift") {
            let text = try String(contentsOfFile: Self.sources + "/" + file, encoding: .utf8)
            if text.contains("session.settings.") { readers.append(file) }
        }
        XCTAssertGreaterThan(files.count, 50, "the sources were found")
        XCTAssertEqual(readers, [])
    }

    /// A missing task is named with the tasks the command loaded, a `--presets` folder's too:
    /// read from the library, not written into the message.
    func testTheMissingTaskMessageListsTheLoadedTasks() throws {
        let dir = TestFolders.path("registry")
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        {"name": "mine", "metric": "accuracy", "law": "paper",
         "parameters": {"A": 9.96, "Cc": 9.7e29, "alpha": 0.26, "B": 62.24, "nc": 1.3e5, "beta": 0.56},
         "prompt": {"base_tokens": 78.17, "shot_tokens": 75.74}}
        """.write(toFile: dir + "/tasks/mine.json", atomically: false, encoding: .utf8)
        let result = try Harness.run(["--presets", dir], stdin: "predict --model llama-2-7b --shots 3\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("line 1: error: no task: pass --task NAME ("), result.stderr)
        for name in Session(presetFolders: [dir]).library().taskNames {
            XCTAssertTrue(result.stderr.contains(name), "\(name) in \(result.stderr)")
        }
        XCTAssertTrue(result.stderr.contains("mine"), result.stderr)
    }

    /// `set` lists each unset key's default, the one commands use: an unset interval is the level
    /// a planning answer carries.
    func testTheListedDefaultIsTheOneUsed() throws {
        let listing = try Harness.run([], stdin: "set\n")
        XCTAssertTrue(listing.stdout.contains("interval       (unset; default 80%)"), listing.stdout)
        let answer = try Harness.json(["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "4"])
        let interval = try XCTUnwrap(answer["interval"] as? [String: Any], "\(answer)")
        XCTAssertEqual(interval["level"] as? Double, Setting.interval.fallback)
    }
}
