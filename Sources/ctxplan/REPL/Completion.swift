import ArgumentParser
import CEditLine
import CEditLineShim
import ContextScaling
import Foundation
import Planner
import Synchronization

/// What may follow the words typed so far, read from the command tree (`CommandTree`): command
/// names first (the prompt's own `set`, `unset`, `source`, `quit` among them), then what the
/// command's option before the cursor or its next positional completes to, as the option
/// declares it (`ValueCompletion`), else the command's flags. Candidates come quoted as the
/// prompt reads them back (`LineSplitter`): a file named `my results.csv` completes to
/// `my\ results.csv`, or inside the quote the word was begun with.
struct Completer: Sendable {
    let library: PresetLibrary
    var tree = CommandTree.root

    /// The candidates that start with `text` (case-insensitively), the word under the cursor as
    /// typed, after the line's first `before`; each the whole word, quoted.
    func matches(for text: String, before: String) -> [String] {
        let typed = Quoting.prompt.unquoted(text)
        let lowered = typed.lowercased()
        return candidates(before: before, typed: typed).filter { $0.lowercased().hasPrefix(lowered) }
            .map { Self.quoted($0, like: text) }
    }

    /// What may follow the words typed so far, unquoted; `typed`, the start of the word being
    /// completed, says which folder to list where a path goes.
    func candidates(before: String, typed: String = "") -> [String] {
        let words = (try? LineSplitter.split(before)) ?? []
        guard let head = words.first else { return tree.commandNames }
        // `?` is the prompt's spelling of help.
        guard let command = tree.command(named: head == "?" ? "help" : head) else { return [] }
        if let previous = words.last, words.count > 1, let option = command.option(previous), option.takesValue {
            return values(option.completion, words: words, typed: typed, argument: previous)
        }
        if typed.hasPrefix("-") { return command.flags }
        let index = positionalIndex(words.dropFirst(), of: command)
        guard let positional = command.positional(at: index) else { return command.flags }
        return values(positional.completion, words: words, typed: typed, argument: "positional@\(index)")
    }

    /// How many positionals the words after the command's name fill: the words that are neither
    /// an option nor an option's value.
    private func positionalIndex(_ words: ArraySlice<String>, of command: CommandTree.Command) -> Int {
        var count = 0
        var skipValue = false
        for word in words {
            if skipValue {
                skipValue = false
            } else if word.hasPrefix("-"), word.count > 1, let option = command.option(word) {
                skipValue = option.takesValue
            } else if !word.hasPrefix("--") {
                count += 1
            }
        }
        return count
    }

    private func values(_ completion: CommandTree.Completion, words: [String], typed: String, argument: String)
        -> [String]
    {
        switch completion {
        case .none: return []
        case .list(let values): return values
        case .files(let extensions): return PathCompletion.candidates(for: typed, extensions: extensions)
        case .folders: return PathCompletion.candidates(for: typed, foldersOnly: true)
        case .custom: return CommandTree.customCandidates(words, typed: typed, argument: argument, library: library)
        }
    }

    /// What replaces `text`, the end of `line` (the line up to the cursor) that libedit replaces:
    /// each candidate for the word under the cursor, from where `text` starts. libedit ends its
    /// word at more characters than the prompt's words end at (`=`, quotes), so its word may be
    /// the end of the prompt's.
    func replacements(forLine line: String, replacing text: String) -> [String] {
        let start = Self.lastWordStart(line)
        let word = String(line[start...])
        let full = matches(for: word, before: String(line[..<start]))
        guard text.count <= word.count else { return full.map { String(text.dropLast(word.count)) + $0 } }
        let kept = String(word.dropLast(text.count))
        return full.filter { $0.hasPrefix(kept) }.map { String($0.dropFirst(kept.count)) }
    }

    /// Where the last word of `line` starts, as `LineSplitter` splits words; the end when the
    /// line ends between words.
    static func lastWordStart(_ line: String) -> String.Index {
        var start = line.endIndex
        var inWord = false
        var quote: Character?
        var escaped = false
        for i in line.indices {
            let ch = line[i]
            if escaped {
                escaped = false
            } else if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escaped = true }
            } else if ch == " " || ch == "\t" {
                inWord = false
            } else {
                if !inWord { (start, inWord) = (i, true) }
                if ch == "\\" { escaped = true } else if ch == "'" || ch == "\"" { quote = ch }
            }
        }
        return inWord ? start : line.endIndex
    }

    /// `candidate` quoted for the prompt as the word being typed was begun: inside its opening
    /// quote, else with backslashes. A folder's quote stays open: its files come next.
    static func quoted(_ candidate: String, like typed: String) -> String {
        guard let quote = typed.first, quote == "'" || quote == "\"" else { return Quoting.prompt.quoted(candidate) }
        let inner =
            quote == "'"
            ? candidate.replacingOccurrences(of: "'", with: "'\\''")
            : candidate.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return String(quote) + inner + (candidate.hasSuffix("/") ? "" : String(quote))
    }
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
        shim_set_completion { text, _, end in
            guard let text else { return nil }
            // libedit counts the cursor in characters (its wide-character buffer).
            var line = String.UnicodeScalarView()
            line.append(contentsOf: String(cString: shim_line_buffer()).unicodeScalars.prefix(Int(end)))
            let (found, folder) = Completion.state.withLock { state in
                state.matches =
                    state.completer?.replacements(forLine: String(line), replacing: String(cString: text)) ?? []
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
