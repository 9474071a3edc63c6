import ArgumentParser
import CEditLine
import Foundation
import Planner

/// Tab completion: command names first, then the command's flags, and preset names after the
/// flags (and `set` keys) that take them.
enum Completion {
    static func install() {
        rl_attempted_completion_function = { text, start, _ in
            guard let text else { return nil }
            let prefix = String(cString: text)
            let before = String(String(cString: rl_line_buffer).utf8.prefix(Int(start))) ?? ""
            let typed = prefix.lowercased()
            let candidates = Completion.candidates(before: before).filter { $0.lowercased().hasPrefix(typed) }
            Completion.matches = candidates
            rl_attempted_completion_over = 1
            rl_completion_suppress_append = 0
            rl_completion_append_character = 32  // a space after a unique match
            return rl_completion_matches(text) { _, state in
                let index = Int(state)
                guard index < Completion.matches.count else { return nil }
                return strdup(Completion.matches[index])
            }
        }
    }

    nonisolated(unsafe) static var matches: [String] = []

    /// What may follow the words typed so far.
    static func candidates(before: String) -> [String] {
        let words = (try? LineSplitter.split(before)) ?? []
        let builtins = ["set", "unset", "use", "help", "quit", "exit"]
        guard let head = words.first else {
            return builtins + commandNames
        }
        let library = Environment.library(extra: Environment.sessionPresets)
        let previous = words.last ?? ""
        switch (head, previous) {
        case (_, "--task"), ("set", "task"), ("use", "task"): return library.taskNames
        case (_, "--model"), ("set", "model"): return library.modelNames
        case (_, "--gpu"), ("set", "gpu"): return library.gpuNames
        case ("set", "set"), ("use", "use"), ("unset", _): return Session.keys
        case ("help", _), ("?", _): return commandNames
        case ("show", "show"): return ["settings"] + library.taskNames + library.modelNames + library.gpuNames
        default: return flags(of: head)
        }
    }

    static var commandNames: [String] {
        Ctxplan.configuration.subcommands.map { $0._commandName }
    }

    nonisolated(unsafe) private static var flagCache: [String: [String]] = [:]

    /// The long flags a command's help lists, read once from ArgumentParser's own help text.
    static func flags(of command: String) -> [String] {
        if let cached = flagCache[command] { return cached }
        guard let type = Ctxplan.configuration.subcommands.first(where: { $0._commandName == command }) else { return [] }
        let help = Ctxplan.helpMessage(for: type, columns: 1000)
        var found: [String] = []
        for word in help.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "(" || $0 == ")" })
        where word.hasPrefix("--") && word.dropFirst(2).allSatisfy({ $0.isLetter || $0 == "-" })
            && !found.contains(String(word))
        {
            found.append(String(word))
        }
        flagCache[command] = found
        return found
    }
}

/// Ctrl-C at the prompt clears the line and gives a fresh prompt instead of leaving.
///
/// The handler only records the interrupt: libedit's read is interrupted and `readline` returns
/// nil, which the REPL tells apart from Ctrl-D by this flag.
enum InterruptHandling {
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0

    static func install() {
        rl_catch_signals = 0
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in InterruptHandling.interrupted = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the read must return so the line can be dropped
        sigaction(SIGINT, &action, nil)
    }

    /// Whether an interrupt arrived since the last call.
    static func take() -> Bool {
        defer { interrupted = 0 }
        return interrupted != 0
    }
}
