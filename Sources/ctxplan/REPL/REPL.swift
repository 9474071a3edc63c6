import CEditLine
import CEditLineShim
import Foundation
import Planner

/// The interactive prompt, and the same commands read from a pipe or file.
///
/// On a terminal: `ctx> ` prompt, line editing, history kept between sessions, tab completion.
/// From a pipe: no prompt or banner; each line is run, errors go to stderr as `line N: ...`,
/// and the exit status is 1 if any line failed.
struct REPL {
    let session: Session

    func run() -> Int32 {
        session.insideREPL = true
        defer { session.insideREPL = false }
        return isatty(STDIN_FILENO) == 1 ? interactive() : piped()
    }

    // MARK: - From a pipe

    /// Ctrl-C stops the running line's command and the run, with status 130; the lines after it
    /// are not read. So does an output that can no longer be written (a reader that left, a full
    /// disk): the answers to the rest would be lost.
    private func piped() -> Int32 {
        var failed = false
        var number = 0
        var reader = LineReader(limit: LineSplitter.maximumBytes)
        while let line = reader.next() {
            number += 1
            let prefix = "line \(number): "
            let outcome: Outcome
            switch line {
            case .text(let text): outcome = handle(text, prefix: prefix)
            case .tooLong(let bytes):
                Ctxplan.report(prefix + "error: \(LineSplitter.Problem.tooLong(bytes: bytes))")
                outcome = .failed
            }
            if shim_interrupted() != 0 {
                if outcome != .interrupted { Ctxplan.report("line \(number): interrupted") }
                return 130
            }
            switch outcome {
            case .quit: return failed ? 1 : 0
            case .failed, .interrupted: failed = true
            case .ok: break
            }
            // The status then says so (StandardStreams.finish); there is no one to answer.
            if StandardStreams.outputFailed { break }
        }
        if shim_interrupted() != 0 { return 130 }  // Ctrl-C while waiting for a line
        if let error = reader.readError {
            Ctxplan.report(
                "error: standard input could not be read after line \(number): "
                    + String(cString: strerror(error)))
            return 1
        }
        return failed ? 1 : 0
    }

    // MARK: - On a terminal

    /// Ctrl-C clears the line being typed, or stops the running command and gives the prompt back.
    private func interactive() -> Int32 {
        // libedit reads multibyte characters (café) only under the user's character set.
        setlocale(LC_CTYPE, "")
        // Before libedit initializes (in History.load), so it leaves SIGINT to our handler.
        shim_install_interrupt_handler(0)
        var history = History(path: Environment.historyFile)
        history.load()
        Completion.install(Completer(library: session.library()))
        print(
            "ctxplan \(Ctxplan.version): context-aware scaling law planner. "
                + "'help' lists commands, 'quit' leaves.")
        while true {
            // Before each line and so each command: a Ctrl-C that stopped the last command is
            // spent, and must neither stop the next nor eat the next Ctrl-D.
            shim_clear_interrupt()
            guard let raw = readline("ctx> ") else {
                print("")
                if shim_interrupted() != 0 { continue }
                return 0
            }
            let line = String(cString: raw)
            free(raw)
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { history.add(line) }
            if case .quit = handle(line, prefix: "") { return 0 }
        }
    }

    // MARK: - One line

    enum Outcome { case ok, failed, interrupted, quit }

    /// Runs one line: a REPL built-in (set, unset, use, help, quit) or a command of the tree.
    func handle(_ line: String, prefix: String) -> Outcome {
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
            switch Ctxplan.execute(words, in: session, errorPrefix: prefix) {
            case 0: return .ok
            case 130: return .interrupted
            default: return .failed
            }
        }
    }

    private func set(_ words: [String], prefix: String) -> Outcome {
        guard words.count == 2, Settings.keys.contains(words[0]) else {
            let not = words.first.map { Settings.keys.contains($0) ? "" : ", not \(InputError.quote($0))" } ?? ""
            Ctxplan.report(prefix + "error: expected 'set task|model|nctx|gpu VALUE'" + not)
            return .failed
        }
        let library = session.library()
        let value = words[1]
        do {
            switch words[0] {
            case "task":
                let task = try library.task(value)
                // A preset file is kept by its path, so later commands load the same file.
                session.settings.task = task.path == value ? value : task.name
            case "model": session.settings.model = try library.model(value).name
            case "nctx":
                _ = try Quantities.parse(value, as: .contextTokens, what: "nctx")
                session.settings.nctx = value
            default: session.settings.gpu = try library.gpu(value).name
            }
        } catch {
            Ctxplan.report(prefix + "error: \(error)")
            return .failed
        }
        return .ok
    }

    private func unset(_ words: [String], prefix: String) -> Outcome {
        if words.isEmpty {
            session.settings = Settings()
            return .ok
        }
        for key in words {
            switch key {
            case "task": session.settings.task = nil
            case "model": session.settings.model = nil
            case "nctx": session.settings.nctx = nil
            case "gpu": session.settings.gpu = nil
            default:
                let quoted = InputError.quote(key)
                Ctxplan.report(prefix + "error: cannot unset \(quoted); expected task, model, nctx or gpu")
                return .failed
            }
        }
        return .ok
    }

    private func help(_ words: [String], prefix: String) -> Outcome {
        guard let name = words.first, !["set", "unset", "use", "quit", "exit", "help"].contains(name) else {
            print(overview)
            return .ok
        }
        do {
            print(Ctxplan.helpMessage(for: try Ctxplan.command(named: name)))
        } catch {
            Ctxplan.report(prefix + "error: \(error)")
            return .failed
        }
        return .ok
    }

    var overview: String {
        var block = TextBlock(session.style)
        block.line("Commands (help COMMAND for its options):")
        for command in Ctxplan.configuration.subcommands where command != Repl.self {
            block.field("  " + (command.configuration.commandName ?? ""), command.configuration.abstract)
        }
        block.line("")
        block.line("At the prompt:")
        block.field("  set KEY VALUE", "default for later commands; KEY is task, model, nctx or gpu")
        block.field("  use task NAME", "the same as set task (NAME may be a preset file)")
        block.field("  unset [KEY]", "forget one setting, or all")
        block.field("  show settings", "the current settings")
        block.field("  quit, exit, Ctrl-D", "leave; Ctrl-C clears the line or stops a command")
        block.line("")
        block.line("Numbers: context and prompt lengths use k = 1024 (8k = 8192); counts use decimal")
        block.line("suffixes (2T = 2e12, 0.21B = 2.1e8, 1.5e23). '#' starts a comment.")
        return block.text
    }
}
