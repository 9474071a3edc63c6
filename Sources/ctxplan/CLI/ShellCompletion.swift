import ArgumentParser
import Foundation
import Planner

/// What Tab offers for one option's or argument's value, declared once beside it (through
/// `kind`, its `completion:`) or beside a setting (`SettingKey.completion`). The prompt and the
/// bash, zsh and fish scripts all read this one declaration: a fixed list reaches them as
/// ArgumentParser's `.list`; everything else goes through ArgumentParser's custom callback
/// (`ctxplan ---completion ...`), which the shells run as a subprocess and the prompt calls in
/// the same process (`CommandTree.customCandidates`), so that names are read from the presets
/// in use and file names are quoted as the one asking needs.
enum ValueCompletion: Sendable {
    /// A value of no fixed list (a number): nothing to offer.
    case none
    case choices([String])
    /// Task presets, and task preset files.
    case tasks
    case models
    case gpus
    /// What `show` takes: `settings`, `last`, or a preset of any kind.
    case shown
    /// Files ending in one of `extensions` (any file for none), and every folder.
    case files(extensions: [String])
    case folders
    /// The value of the `set` key just before the word.
    case settingValue

    /// The declaration as ArgumentParser's `completion:`.
    var kind: CompletionKind {
        switch self {
        case .none: return .default
        case .choices(let values): return .list(values)
        default:
            let completion = self
            return .custom { words, index, prefix in completion.answer(words: words, index: index, prefix: prefix) }
        }
    }

    /// The candidates for a word starting with `typed`, unquoted. With `files` false, no file
    /// names: what a message lists. `before` is the word before the one completed (the key of
    /// `set KEY VALUE`).
    func candidates(
        typed: String, library: PresetLibrary, before: String = "", files: Bool = true, forShell: Bool = false
    ) -> [String] {
        func names(_ presets: [(String, [String])]) -> [String] {
            forShell ? Self.lowercased(presets.map { [$0.0] + $0.1 }) : presets.map(\.0)
        }
        let tasks = names(library.tasks.map { ($0.name, []) })
        let models = names(library.models.map { ($0.name, $0.aliases ?? []) })
        let gpus = names(library.hardware.map { ($0.name, $0.aliases ?? []) })
        switch self {
        case .none: return []
        case .choices(let values): return values
        case .tasks: return tasks + (files ? PathCompletion.candidates(for: typed, extensions: ["json"]) : [])
        case .models: return models
        case .gpus: return gpus
        case .shown: return Show.ownWords.map(\.0) + tasks + models + gpus
        case .files(let extensions): return files ? PathCompletion.candidates(for: typed, extensions: extensions) : []
        case .folders: return files ? PathCompletion.candidates(for: typed, foldersOnly: true) : []
        case .settingValue:
            guard let key = Setting.registry.first(where: { $0.name == before }) else { return [] }
            return key.completion.candidates(typed: typed, library: library, files: files, forShell: forShell)
        }
    }

    /// What the custom callback answers: the candidates for the word at `index` of `words`
    /// (the whole line, the program's name first), quoted for whoever asked.
    private func answer(words: [String], index: Int, prefix: String) -> [String] {
        let quoting = Quoting.current
        // The prompt hands over its words split and unquoted, and quotes the answer itself.
        func unquoted(_ word: String) -> String { quoting == .prompt ? word : quoting.unquoted(word) }
        let (lead, start) = quoting == .bash ? Self.bashLead(words, index) : ("", index)
        let typed = unquoted(lead + prefix)
        let before = start > 0 && start - 1 < words.count ? unquoted(words[start - 1]) : ""
        let library = CommandTree.promptLibrary ?? ShellCompletion.library(for: words.map { unquoted($0) })
        let found = candidates(typed: typed, library: library, before: before, forShell: quoting != .prompt)
        guard quoting != .prompt else { return found }
        // The shells match case-sensitively: names are offered in lower case, as users type them
        // (lookups ignore case).
        let leadLength = unquoted(lead).count
        // bash replaces only the piece after the lead.
        return found.filter { $0.hasPrefix(typed) }.map { quoting.quoted(String($0.dropFirst(leadLength))) }
    }

    /// bash splits a word at `=` and `:` (its COMP_WORDBREAKS): `dataset=gs` reaches the callback
    /// as `dataset`, `=`, `gs`. The pieces before the one at `index`, joined, and where the word
    /// starts; none for an option's `--name=value`, whose value is the word.
    static func bashLead(_ words: [String], _ index: Int) -> (lead: String, start: Int) {
        func isBreak(_ i: Int) -> Bool { i < words.count && (words[i] == "=" || words[i] == ":") }
        var start = index
        while start > 0, isBreak(start - 1) || isBreak(start) { start -= 1 }
        guard start < index, start < words.count, !words[start].hasPrefix("-") else { return ("", index) }
        return (words[start..<min(index, words.count)].joined(), start)
    }

    /// Each name once, in lower case, in the order given.
    private static func lowercased(_ names: [[String]]) -> [String] {
        var seen = Set<String>()
        return names.joined().map { $0.lowercased() }.filter { seen.insert($0).inserted }
    }
}

/// The declarations the commands' options name.
enum ShellCompletion {
    static let tasks = ValueCompletion.tasks.kind
    static let models = ValueCompletion.models.kind
    static let gpus = ValueCompletion.gpus.kind
    static let presetsAndSettings = ValueCompletion.shown.kind
    static let folders = ValueCompletion.folders.kind
    static func files(_ extensions: String...) -> CompletionKind { ValueCompletion.files(extensions: extensions).kind }

    /// The presets as a command on this line would load them; problems with them are not
    /// reported here, where a warning would land in the middle of the user's line.
    static func library(for words: [String]) -> PresetLibrary {
        PresetLibrary(
            directories: [Environment.userPresets] + PresetsOption.folders(in: words),
            bundled: Environment.bundledPresets()
        ) { _ in }
    }
}
