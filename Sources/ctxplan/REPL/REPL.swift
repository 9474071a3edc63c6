import CEditLine
import CEditLineShim
import Foundation
import Planner

/// The interactive prompt, and the same commands read from a pipe or file.
///
/// On a terminal: `ctx> ` prompt, line editing, history kept between sessions, tab completion.
/// From a pipe: no prompt or banner; each line is run, errors go to stderr as `line N: ...`,
/// and the exit status is 1 if any line failed. Either way the rc file runs first.
struct REPL {
    let session: Session

    /// Whether to run the rc file first (`--no-rc` says no).
    var runsRC = true

    func run() -> Int32 {
        session.insideREPL = true
        defer { session.insideREPL = false }
        if runsRC { runRC() }
        return isatty(STDIN_FILENO) == 1 ? interactive() : piped()
    }

    // MARK: - From a pipe

    /// Ctrl-C stops the running line's command and the run, with status 130; the lines after it
    /// are not read. So does an output that can no longer be written (a reader that left, a full
    /// disk): the answers to the rest would be lost.
    private func piped() -> Int32 {
        let run = runLines(from: LineReader.standardInput) { "line \($0): " }
        if run.outcome == .interrupted { return 130 }
        if let error = run.readError {
            Ctxplan.report(
                "error: standard input could not be read after line \(run.lines): " + String(cString: strerror(error)))
            return 1
        }
        return run.failed ? 1 : 0
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

    /// Runs one line: a command of the prompt's own (`PromptCommand`), help, or any other command
    /// of the tree.
    func handle(_ line: String, prefix: String) -> Outcome {
        let words: [String]
        do { words = try LineSplitter.split(line) } catch {
            Ctxplan.report(prefix + "error: \(error)")
            return .failed
        }
        guard let head = words.first else { return .ok }
        // `quit --help`, `use -h`, `set --version`: ArgumentParser's answers, as for every command.
        if let command = Ctxplan.promptCommand(named: head), !Ctxplan.asksForBuiltIn(words) {
            return command.handle(Array(words.dropFirst()), typed: head, in: self, prefix: prefix)
        }
        switch head {
        // `?` is the prompt's short spelling of help.
        case "help", "?": return help(Array(words.dropFirst()), prefix: prefix)
        default:
            switch Ctxplan.execute(words, in: session, errorPrefix: prefix) {
            case 0: return .ok
            case 130: return .interrupted
            default: return .failed
            }
        }
    }

    /// `set KEY VALUE` (`typed` is `set` or `use`, as typed); `set` alone prints the settings.
    func set(_ words: [String], typed: String, prefix: String) -> Outcome {
        if words.isEmpty {
            let view = session.settingsView
            let json = session.value(Setting.format, given: nil) == .json
            print(json ? view.json.text : view.text(style: session.style, width: nil))
            return .ok
        }
        if words.count > 2 {
            Ctxplan.report(
                prefix + "error: \(InputError.quote(words[2])) after '\(typed) \(words[0]) \(words[1])'; "
                    + "expected one value (quote a value that holds spaces)")
            return .failed
        }
        guard words.count == 2 else {
            Ctxplan.report(
                prefix + "error: expected '\(typed) KEY VALUE' (KEY: \(Settings.keys.joined(separator: ", ")))")
            return .failed
        }
        do {
            try session.set(words[0], to: words[1])
        } catch {
            Ctxplan.report(prefix + "error: \(error)")
            return .failed
        }
        return .ok
    }

    func unset(_ words: [String], prefix: String) -> Outcome {
        do {
            try session.unset(words)
        } catch {
            Ctxplan.report(prefix + "error: \(error)")
            return .failed
        }
        return .ok
    }

    private func help(_ words: [String], prefix: String) -> Outcome {
        guard let name = words.first, name != "help" else {
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
        for command in Ctxplan.configuration.subcommands
        where command != Repl.self && !(command is any PromptCommand.Type) {
            block.field("  " + (command.configuration.commandName ?? ""), command.configuration.abstract)
        }
        block.line("")
        block.line("At the prompt:")
        for command in Ctxplan.promptCommands {
            block.field("  " + command.usage, command.summary)
            // An alias the usage does not show (`use`): "use KEY VALUE, the same as set".
            guard let name = command.configuration.commandName else { continue }
            for alias in command.configuration.aliases where !command.usage.contains(alias) {
                block.field("  " + command.usage.replacingOccurrences(of: name, with: alias), "the same as " + name)
            }
        }
        for (word, summary) in Show.ownWords { block.field("  show " + word, summary) }
        block.line("")
        block.line("Numbers: context and prompt lengths use k = 1024 (8k = 8192); counts use decimal")
        block.line("suffixes (2T = 2e12, 0.21B = 2.1e8, 1.5e23); arithmetic works anywhere: 6*7B*2T,")
        block.line("2*_, (32k-512)/2. '#' starts a comment.")
        return block.text
    }
}
