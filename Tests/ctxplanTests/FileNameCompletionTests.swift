import Foundation
import XCTest

@testable import ctxplan

/// File names that need quoting, completed at the prompt and by the bash, zsh and fish scripts:
/// spaces, quotes, `$`, and the `,` and `=` of the paper's `dataset=gsm,model=...` files. Each
/// completion is read back as its reader reads a line (the prompt's `LineSplitter`, the shell
/// itself running the line) and must name the file exactly.
final class FileNameCompletionTests: XCTestCase {
    static let names = [
        "my results.csv", "my runs.csv", "dataset=gsm,model=llama-2-7b.csv", "it's.json", "$HOME.json", "a\"b.csv",
    ]

    /// A fresh folder holding an empty file of each name; the caller removes it.
    func folderOfNames() throws -> String {
        let dir = TestFolders.path("quoted names")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in Self.names {
            XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/" + name, contents: Data()))
        }
        return dir
    }

    /// The prompt offers each name quoted so that its own splitter reads back the file's path,
    /// with backslashes or inside the quote the word was begun with.
    func testThePromptQuotesFileNames() throws {
        let dir = try folderOfNames()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let completer = Completer(library: Session().library())
        let escapedDir = Quoting.prompt.quoted(dir)
        let cases: [(typed: String, before: String, files: [String])] = [
            (escapedDir + "/my", "fit ", ["my results.csv", "my runs.csv"]),
            (escapedDir + "/my\\ re", "fit ", ["my results.csv"]),
            ("'" + dir + "/my r", "fit ", ["my results.csv", "my runs.csv"]),
            ("\"" + dir + "/a", "fit ", ["a\"b.csv"]),
            (escapedDir + "/data", "fit ", ["dataset=gsm,model=llama-2-7b.csv"]),
            (escapedDir + "/it", "fit --save ", ["it's.json"]),
            (escapedDir + "/$", "predict --task ", ["$HOME.json"]),
            (escapedDir + "/a", "source ", ["a\"b.csv"]),
        ]
        for (typed, before, files) in cases {
            let found = completer.matches(for: typed, before: before)
            XCTAssertEqual(found.count, files.count, "\(typed): \(found)")
            for (candidate, file) in zip(found, files) {
                let read = try LineSplitter.split(before + candidate).last
                XCTAssertEqual(read, dir + "/" + file, "\(typed) completed to \(candidate)")
                XCTAssertTrue(FileManager.default.fileExists(atPath: read ?? ""), candidate)
            }
        }
        XCTAssertEqual(Completer.quoted("it's.json", like: "'it"), "'it'\\''s.json'")
        XCTAssertEqual(Completer.quoted("my runs/", like: "'my"), "'my runs/", "a folder's quote stays open")
    }

    /// libedit replaces its own word, which ends at `=` and quotes: the prompt hands it the rest
    /// of the completed word from there, so the line reads back the file's path.
    func testThePromptCompletesFromLibeditsWord() throws {
        let dir = try folderOfNames()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let completer = Completer(library: Session().library())
        let escapedDir = Quoting.prompt.quoted(dir)
        for (line, libeditWord, file) in [
            ("fit " + escapedDir + "/dataset=gs", "gs", "dataset=gsm,model=llama-2-7b.csv"),
            ("fit '" + dir + "/it", "it", "it's.json"),
            ("fit " + escapedDir + "/my\\ re", "re", "my results.csv"),
        ] {
            let replacements = completer.replacements(forLine: line, replacing: libeditWord)
            XCTAssertEqual(replacements.count, 1, "\(line): \(replacements)")
            let completed = String(line.dropLast(libeditWord.count)) + (replacements.first ?? "")
            XCTAssertEqual(try LineSplitter.split(completed).last, dir + "/" + file, completed)
        }
    }

    /// Each shell, on a terminal with the script `--generate-completion-script` wrote, completes
    /// a name after Tab and runs the line: a shell function standing in for ctxplan (the script's
    /// callback still reaches the binary) prints the words it was given, which must be the names.
    func testTheShellsInsertFileNamesQuoted() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("util-linux script, which gives the shells a terminal, is not installed")
        }
        var tested: [String] = []
        for shell in ["bash", "zsh", "fish"] {
            guard let path = Self.executable(shell) else {
                print("FileNameCompletionTests: \(shell) is not installed; its completion is not tested")
                continue
            }
            XCTAssertEqual(
                try completedWords(shell: shell, path: path),
                [
                    "fit", "my results.csv", "fit", "dataset=gsm,model=llama-2-7b.csv", "fit", "--save", "it's.json",
                    "fit", "--save", "$HOME.json", "fit", "a\"b.csv",
                ], shell)
            tested.append(shell)
        }
        if tested.isEmpty { throw XCTSkip("none of bash, zsh and fish is installed") }
    }

    /// The words each typed line ran with: `my\ re`, `data`, `--save it`, `--save \$` and `a`,
    /// each followed by Tab and Enter.
    private func completedWords(shell: String, path: String) throws -> [String] {
        let dir = try folderOfNames()
        let home = try Shell.temporaryFolder()
        defer { for folder in [dir, home] { try? FileManager.default.removeItem(atPath: folder) } }
        let script = home + "/ctxplan." + shell
        let generated = try Shell.run("\"$CTXPLAN\" --generate-completion-script \(shell) > '\(script)'")
        XCTAssertEqual(generated.status, 0, generated.stderr)
        // The binary as `ctxplan` on the PATH, for the callback; the function runs the lines. The
        // shells keep their history and state in `home`, removed after.
        try FileManager.default.createDirectory(atPath: home + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: home + "/bin/ctxplan", withDestinationPath: Harness.binary.path)
        let ctxplan = """
            ctxplan() { if [[ $1 == ---completion ]]; then command ctxplan "$@"; else printf '[%s]\\n' "$@"; fi; }
            """
        let start: String
        switch shell {
        case "fish":
            try "source '\(script)'\nfunction ctxplan; printf '[%s]\\n' $argv; end\n"
                .write(toFile: home + "/rc", atomically: false, encoding: .utf8)
            start = "\(path) --no-config -i --init-command 'source \(home)/rc'"
        case "zsh":
            try "autoload -Uz compinit; compinit -u -D\nsource '\(script)'\n\(ctxplan)\n"
                .write(toFile: home + "/.zshrc", atomically: false, encoding: .utf8)
            start = "ZDOTDIR=\(home) \(path) --no-globalrcs -i"
        default:
            try "source '\(script)'\n\(ctxplan)\n".write(toFile: home + "/rc", atomically: false, encoding: .utf8)
            start = "\(path) --rcfile \(home)/rc --noprofile -i"
        }
        let lines = [
            "ctxplan fit my\\ re", "ctxplan fit data", "ctxplan fit --save it", "ctxplan fit --save \\$",
            "ctxplan fit a",
        ]
        try (lines.map { $0 + "\t\r" }.joined() + "exit\r").write(
            toFile: home + "/typed", atomically: false, encoding: .utf8)
        let run = """
            cd '\(dir)' && PATH='\(home)/bin':"$PATH" TERM=dumb SHELL=/bin/sh HOME='\(home)' \
            XDG_DATA_HOME='\(home)' HISTFILE=/dev/null script -qfec "\(start)" /dev/null < '\(home)/typed'
            """
        let result = try Shell.run(run)
        // What the stand-in printed: `[word]` lines, between the terminal's own output ("\r\n"
        // is one Character, a newline).
        return result.stdout.split(whereSeparator: \.isNewline).compactMap { line in
            guard line.hasPrefix("["), line.hasSuffix("]") else { return nil }
            return String(line.dropFirst().dropLast())
        }
    }

    private static func executable(_ name: String) -> String? {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + name }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
