import Foundation
import XCTest

/// The bash script ArgumentParser generates, run by bash as Tab would run it (COMP_WORDS set,
/// the completion function called), and the `---completion` callback it asks the binary.
final class ShellCompletionTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL.path

    /// A config folder whose presets/models holds a user preset, "My-Model-7B".
    func userConfig() throws -> String {
        let config = try Shell.temporaryFolder()
        let models = config + "/ctxplan/presets/models"
        try FileManager.default.createDirectory(atPath: models, withIntermediateDirectories: true)
        let bundled = try String(contentsOfFile: Self.repository + "/Presets/models/llama-2-7b.json", encoding: .utf8)
        try bundled.replacingOccurrences(of: "\"Llama-2-7B\"", with: "\"My-Model-7B\"")
            .write(toFile: models + "/my-model-7b.json", atomically: false, encoding: .utf8)
        return config
    }

    /// The generated bash script, written once for all the tests (a debug build takes seconds).
    static let script: String? = {
        guard let folder = try? Shell.temporaryFolder(),
            let result = try? Shell.run("\"$CTXPLAN\" --generate-completion-script bash > \(folder)/ctxplan.bash"),
            result.status == 0
        else { return nil }
        return folder + "/ctxplan.bash"
    }()

    /// What bash's completion function puts in COMPREPLY for `words`, the last being the word
    /// under the cursor.
    func bashCompletions(_ words: [String], config: String, directory: String? = nil) throws -> [String] {
        let path = try XCTUnwrap(Self.script, "the bash script was not generated")
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let script = """
            export XDG_CONFIG_HOME='\(config)'
            exec bash -c 'source \(path)
            COMP_WORDS=("$CTXPLAN" "$@"); COMP_CWORD=$#; COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _ctxplan "$CTXPLAN" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf "%s\\n" "${COMPREPLY[@]}"' _ \(quoted)
            """
        let result = try Shell.run(script, in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    func testBashCompletesPresetNamesBundledAndTheUsers() throws {
        let config = try userConfig()
        defer { try? FileManager.default.removeItem(atPath: config) }
        XCTAssertEqual(try bashCompletions(["predict", "--task", "ar"], config: config), ["arithmetic"])
        XCTAssertEqual(try bashCompletions(["cost", "--model", "my"], config: config), ["my-model-7b"])
        let models = try bashCompletions(["shots", "--model", "llama-2-7"], config: config)
        XCTAssertEqual(models, ["llama-2-70b", "llama-2-7b-32k-pi", "llama-2-7b"])
        XCTAssertEqual(
            try bashCompletions(["budget", "1e23", "--gpu", "h1"], config: config),
            ["h100-sxm", "h100", "h100-sxm5"])
        XCTAssertEqual(try bashCompletions(["show", "yarn-llama-2-7b-3"], config: config), ["yarn-llama-2-7b-32k"])
    }

    func testBashCompletesEnumeratedValues() throws {
        let config = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        XCTAssertEqual(
            try bashCompletions(["fit", "--law", ""], config: config),
            ["paper", "no-penalty", "soft", "floor", "decay", "ladder", "auto"])
        XCTAssertEqual(try bashCompletions(["predict", "--format", "c"], config: config), ["csv"])
        XCTAssertEqual(try bashCompletions(["presets", ""], config: config), ["tasks", "models", "hardware"])
        XCTAssertEqual(try bashCompletions(["extend", "--attention", ""], config: config), ["causal", "full"])
    }

    /// The prompt's own commands are commands of the tree: the shells complete them and their
    /// arguments from the same declarations (the keys of `set`, then what the key takes).
    func testBashCompletesThePromptsCommands() throws {
        let config = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        XCTAssertEqual(try bashCompletions(["se"], config: config), ["set"])
        XCTAssertEqual(try bashCompletions(["set", "in"], config: config), ["interval"])
        XCTAssertEqual(try bashCompletions(["set", "law", "d"], config: config), ["decay"])
        XCTAssertEqual(try bashCompletions(["set", "task", "tr"], config: config), ["translation"])
        // ArgumentParser's scripts leave aliases out (`use`, `exit`); the prompt completes them.
        XCTAssertEqual(try bashCompletions(["unset", "prompt"], config: config), ["prompt-tokens"])
        let shell = try Harness.run(["set", "task", "arithmetic"])
        XCTAssertEqual(shell.status, 2)
        XCTAssertTrue(shell.stderr.contains("works at the prompt"), shell.stderr)
    }

    /// Files of the kind the option takes, from the folder bash runs in.
    func testBashCompletesFileNames() throws {
        let config = try Shell.temporaryFolder()
        let work = try Shell.temporaryFolder()
        defer { for dir in [config, work] { try? FileManager.default.removeItem(atPath: dir) } }
        for name in ["results.csv", "mine.json", "notes.txt"] {
            _ = FileManager.default.createFile(atPath: work + "/" + name, contents: Data())
        }
        XCTAssertEqual(try bashCompletions(["fit", "--save", ""], config: config, directory: work), ["mine.json"])
        XCTAssertEqual(
            try bashCompletions(["predict", "--task", "mi"], config: config, directory: work), ["mine.json"])
    }

    /// The callback the scripts make lists a `--presets` folder's presets given on the line.
    func testTheCallbackReadsPresetFoldersOnTheLine() throws {
        let config = try userConfig()
        defer { try? FileManager.default.removeItem(atPath: config) }
        let folder = config + "/ctxplan/presets"
        let result = try Harness.run(
            [
                "---completion", "predict", "--", "--model", "5", "0", "ctxplan", "predict", "--presets", folder,
                "--model", "",
            ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(names.contains("my-model-7b") && names.contains("llama-2-13b"), "\(names)")
    }
}
