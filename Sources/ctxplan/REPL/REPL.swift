import CEditLine
import Foundation
import Planner

/// The interactive prompt, and the same commands read from a pipe or file.
///
/// On a terminal: `ctx> ` prompt, line editing, history kept between sessions, tab completion.
/// From a pipe: no prompt or banner; each line is run, errors go to stderr as `line N: ...`,
/// and the exit status is 1 if any line failed.
struct REPL {
    var presets: [String]

    func run() -> Int32 {
        Environment.sessionPresets = presets
        return isatty(STDIN_FILENO) == 1 ? interactive() : piped()
    }

    // MARK: - From a pipe

    private func piped() -> Int32 {
        var failed = false
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            switch REPL.handle(line, prefix: "line \(number): ") {
            case .quit: return failed ? 1 : 0
            case .failed: failed = true
            case .ok: break
            }
        }
        return failed ? 1 : 0
    }

    // MARK: - On a terminal

    private func interactive() -> Int32 {
        let history = Environment.historyFile
        try? FileManager.default.createDirectory(
            atPath: (history as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        using_history()
        stifle_history(2000)
        _ = read_history(history)
        Completion.install()
        InterruptHandling.install()
        print("ctxplan \(Ctxplan.version): context-aware scaling law planner. 'help' lists commands, 'quit' leaves.")
        while true {
            guard let raw = readline("ctx> ") else {
                print("")
                if InterruptHandling.take() { continue }
                return 0
            }
            let line = String(cString: raw)
            free(raw)
            if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                add_history(line)
                REPL.saveHistory(to: history)
            }
            if case .quit = REPL.handle(line, prefix: "") { return 0 }
        }
    }

    /// Saves the history after every line, so a killed session loses none of it: written beside
    /// the file and renamed into place, so a crash mid-write cannot truncate it.
    static func saveHistory(to path: String) {
        let temporary = path + ".\(getpid()).tmp"
        if write_history(temporary) == 0 { rename(temporary, path) } else { unlink(temporary) }
    }

    // MARK: - One line

    enum Outcome { case ok, failed, quit }

    /// Runs one line: a REPL built-in (set, unset, use, help, quit) or a command of the tree.
    static func handle(_ line: String, prefix: String) -> Outcome {
        let words: [String]
        do { words = try LineSplitter.split(line) } catch {
            Ctxplan.report(prefix + "error: \(error)")
            return .failed
        }
        guard let head = words.first else { return .ok }
        switch head {
        case "quit", "exit": return .quit
        case "help", "?": return help(Array(words.dropFirst()), prefix: prefix)
        case "set", "use": return set(Array(words.dropFirst()), prefix: prefix)
        case "unset": return unset(Array(words.dropFirst()), prefix: prefix)
        default:
            return Ctxplan.execute(words, errorPrefix: prefix) == 0 ? .ok : .failed
        }
    }

    private static func set(_ words: [String], prefix: String) -> Outcome {
        guard words.count == 2, Session.keys.contains(words[0]) else {
            Ctxplan.report(prefix + "error: expected 'set task|model|nctx|gpu VALUE'" + (words.first.map { Session.keys.contains($0) ? "" : ", not '\($0)'" } ?? ""))
            return .failed
        }
        let library = Environment.library(extra: Environment.sessionPresets)
        let value = words[1]
        do {
            switch words[0] {
            case "task":
                let task = try library.task(value)
                // A preset file is kept by its path, so later commands load the same file.
                Session.current.task = task.path == value ? value : task.name
            case "model": Session.current.model = try library.model(value).name
            case "nctx":
                _ = try Quantities.parse(value, as: .contextTokens, what: "nctx")
                Session.current.nctx = value
            default: Session.current.gpu = try library.gpu(value).name
            }
        } catch {
            Ctxplan.report(prefix + "error: \(error)")
            return .failed
        }
        return .ok
    }

    private static func unset(_ words: [String], prefix: String) -> Outcome {
        if words.isEmpty {
            Session.current = Session()
            return .ok
        }
        for key in words {
            switch key {
            case "task": Session.current.task = nil
            case "model": Session.current.model = nil
            case "nctx": Session.current.nctx = nil
            case "gpu": Session.current.gpu = nil
            default:
                Ctxplan.report(prefix + "error: cannot unset '\(key)'; expected task, model, nctx or gpu")
                return .failed
            }
        }
        return .ok
    }

    private static func help(_ words: [String], prefix: String) -> Outcome {
        guard let name = words.first, !["set", "unset", "use", "quit", "exit", "help"].contains(name) else {
            print(overview)
            return .ok
        }
        guard let command = Ctxplan.configuration.subcommands.first(where: { $0._commandName == name }) else {
            let names = Ctxplan.configuration.subcommands.map { $0._commandName }
            let hint = Suggestions.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
            Ctxplan.report(prefix + "error: no command '\(name)'\(hint)")
            return .failed
        }
        print(Ctxplan.helpMessage(for: command))
        return .ok
    }

    static var overview: String {
        var block = TextBlock()
        block.line("Commands (help COMMAND for its options):")
        for command in Ctxplan.configuration.subcommands where command != Repl.self {
            block.field("  " + command._commandName, command.configuration.abstract)
        }
        block.line("")
        block.line("At the prompt:")
        block.field("  set KEY VALUE", "default for later commands; KEY is task, model, nctx or gpu")
        block.field("  use task NAME", "the same as set task (NAME may be a preset file)")
        block.field("  unset [KEY]", "forget one setting, or all")
        block.field("  show settings", "the current settings")
        block.field("  quit, exit, Ctrl-D", "leave; Ctrl-C clears the line")
        block.line("")
        block.line("Numbers: context and prompt lengths use k = 1024 (8k = 8192); counts use decimal")
        block.line("suffixes (2T = 2e12, 0.21B = 2.1e8, 1.5e23). '#' starts a comment.")
        return block.text
    }
}
