import ArgumentParser
import CEditLine
import CEditLineShim
import ContextScaling
import Foundation
import Planner
import Synchronization

/// What may follow the words typed so far: command names first, then the command's flags;
/// preset names after the flags (and `set` keys) that take them, the values of enumerated
/// options (`--law`, `--format`, `--attention`, `presets` kinds), and file names after the
/// options and words that take a path.
struct Completer: Sendable {
    let library: PresetLibrary

    /// The candidates that start with `text` (case-insensitively), the word under the cursor
    /// after the line's first `before`.
    func matches(for text: String, before: String) -> [String] {
        let typed = text.lowercased()
        return candidates(before: before, typed: text).filter { $0.lowercased().hasPrefix(typed) }
    }

    /// What may follow the words typed so far; `typed`, the start of the word being completed,
    /// says which folder to list where a path goes.
    func candidates(before: String, typed: String = "") -> [String] {
        let words = (try? LineSplitter.split(before)) ?? []
        guard let head = words.first else {
            return ["set", "unset", "use", "source", "help", "quit", "exit"] + Ctxplan.commandNames
        }
        let previous = words.last ?? ""
        switch (head, previous) {
        case (_, "--task"), ("set", "task"), ("use", "task"):
            return library.taskNames + PathCompletion.candidates(for: typed, extensions: ["json"])
        case (_, "--model"): return library.modelNames
        case (_, "--gpu"): return library.gpuNames
        // `fit` alone may leave the choice to cross-validation.
        case ("fit", "--law"): return AnyLawForm.allCases.map(\.rawValue) + ["auto"]
        case (_, "--law"): return AnyLawForm.allCases.map(\.rawValue)
        case (_, "--format"): return OutputFormat.allCases.map(\.rawValue)
        // What each setting takes, as the registry declares it.
        case ("set", let key) where words.count == 2:
            return Settings.registry.first { $0.name == key }?.values(library) ?? []
        case (_, "--attention"): return AttentionCounting.allCases.map(\.rawValue)
        case (_, "--save"): return PathCompletion.candidates(for: typed, extensions: ["json"])
        case (_, "--svg"): return PathCompletion.candidates(for: typed, extensions: ["svg"])
        case ("figures", "--out"), (_, "--presets"): return PathCompletion.candidates(for: typed, foldersOnly: true)
        case (_, "--out"), (_, "--models"): return PathCompletion.candidates(for: typed, extensions: ["csv"])
        case ("source", _): return PathCompletion.candidates(for: typed)
        case ("fit", "fit"), ("validate", "validate"), ("compare", "compare"), ("import", "import"):
            // A results file or folder, or a flag.
            return PathCompletion.candidates(for: typed) + (Completer.flags[head] ?? [])
        case ("presets", "presets"): return PresetListing.Kind.allCases.map(\.rawValue)
        case ("set", "set"), ("use", "use"), ("unset", _): return Settings.keys
        case ("help", _), ("?", _): return Ctxplan.commandNames
        case ("show", "show"): return ["settings", "last"] + library.taskNames + library.modelNames + library.gpuNames
        // Any other option takes a value of no fixed list: nothing to offer, not flags.
        case (_, let option) where option.hasPrefix("--") && Self.takesValue(option, of: head): return []
        default: return Completer.flags[head] ?? []
        }
    }

    /// Whether `option` of the command `head` reads the next word as its value.
    static func takesValue(_ option: String, of head: String) -> Bool {
        guard let command = try? Ctxplan.command(named: head) else { return false }
        return OptionTable.of(command).options[option]?.takesValue ?? false
    }

    /// Each command's long flags, read once from ArgumentParser's own help text.
    static let flags: [String: [String]] = {
        var flags: [String: [String]] = [:]
        for command in Ctxplan.configuration.subcommands {
            guard let name = command.configuration.commandName else { continue }
            let help = Ctxplan.helpMessage(for: command, columns: 1000)
            var found: [String] = []
            for word in help.split(whereSeparator: { " ,\n()".contains($0) })
            where word.hasPrefix("--") && word.dropFirst(2).allSatisfy({ $0.isLetter || $0 == "-" })
                && !found.contains(String(word))
            {
                found.append(String(word))
            }
            flags[name] = found
        }
        return flags
    }()
}

/// Tab completion at the prompt, through libedit.
///
/// libedit calls back through C function pointers, which cannot capture: the prompt's completer
/// and the matches of the completion under way wait for them here, behind a lock.
enum Completion {
    private struct State {
        var completer: Completer?
        var matches: [String] = []
    }

    private static let state = Mutex(State())

    static func install(_ completer: Completer) {
        state.withLock { $0.completer = completer }
        shim_set_completion { text, start, _ in
            guard let text else { return nil }
            let before = String(decoding: String(cString: shim_line_buffer()).utf8.prefix(Int(start)), as: UTF8.self)
            let (found, folder) = Completion.state.withLock { state in
                state.matches = state.completer?.matches(for: String(cString: text), before: before) ?? []
                return (!state.matches.isEmpty, state.matches.allSatisfy { $0.hasSuffix("/") })
            }
            // After a folder the next Tab lists its files: no space in between.
            shim_completion_done(folder ? 0 : 1)
            guard found else { return nil }
            return rl_completion_matches(text) { _, index in
                Completion.state.withLock { state in
                    Int(index) < state.matches.count ? strdup(state.matches[Int(index)]) : nil
                }
            }
        }
    }
}
