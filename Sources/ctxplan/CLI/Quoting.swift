import ArgumentParser

/// How a completion's words are quoted, for the one asking: the prompt (whose lines
/// `LineSplitter` reads), or a shell through ArgumentParser's callback. A file name may hold
/// spaces, quotes, `$`, or the `,` and `=` of the paper's `dataset=gsm,model=...` files.
enum Quoting: Equatable {
    case prompt
    /// bash: ArgumentParser's script reads the answer through `compgen -W`, which expands each
    /// word once (so `$`, quotes and backslashes come escaped), and registers itself with
    /// `-o filenames`, so readline quotes what it inserts.
    case bash
    /// zsh (`_describe`) and fish quote what they insert themselves: candidates go as they are.
    case zsh
    case fish

    /// The prompt's while it completes (`CommandTree.promptLibrary` is bound), else the shell's
    /// that runs the callback (ArgumentParser's `SAP_SHELL`).
    static var current: Quoting {
        if CommandTree.promptLibrary != nil { return .prompt }
        switch CompletionShell.requesting {
        case .zsh?: return .zsh
        case .fish?: return .fish
        default: return .bash
        }
    }

    /// `candidate` as it goes into the line.
    func quoted(_ candidate: String) -> String {
        switch self {
        case .prompt: return Self.escaped(candidate, special: " \t\n'\"\\", leading: "#")
        case .bash: return Self.escaped(candidate, special: " \t\n'\"\\$`", leading: "")
        case .zsh, .fish: return candidate
        }
    }

    /// A word as typed, with the shell's quotes and backslashes taken out. An unfinished word
    /// (a quote not yet closed) is read as far as it goes. fish hands the words over unquoted.
    func unquoted(_ word: String) -> String {
        guard self != .fish else { return word }
        var out = ""
        var quote: Character?
        var escaped = false
        for ch in word {
            if escaped {
                out.append(ch)
                escaped = false
            } else if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escaped = true } else { out.append(ch) }
            } else if ch == "\\" {
                escaped = true
            } else if ch == "'" || ch == "\"" {
                quote = ch
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// `text` with a backslash before each character of `special`, and before its first
    /// character if that is one of `leading`.
    private static func escaped(_ text: String, special: String, leading: String) -> String {
        var out = ""
        for (i, ch) in text.enumerated() {
            if special.contains(ch) || (i == 0 && leading.contains(ch)) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
