import ArgumentParser
import Foundation
import Planner

/// Everything a command line goes through before ArgumentParser reads it, in one place.
///
/// In order: the limits on its size; the words before the command (`--presets DIR`, `--no-rc`
/// before a script); a bare `--attention` (see `AttentionOption`); then the values that start
/// with `-`, and options given twice. Which options take a value, and which may repeat, is read
/// from the command itself (ArgumentParser's description of it), never from a list kept here;
/// that description costs tens of milliseconds, so it is read only for a line that needs it
/// (one with such a value or a repeated option), and once per command in a process.
enum ArgumentFront {
    /// Longer command lines are rejected: ArgumentParser's work grows with the square of the
    /// number of words (8,000 repeated flags took 5 s), and no command needs more than a few
    /// dozen (`plot` with every model preset is about 60).
    static let maximumWords = 256
    /// Longer words are rejected: a path is at most 4,096 bytes on Linux, and every message
    /// that names a bad word would otherwise print all of it.
    static let maximumWordBytes = 4096

    /// `words`, ready for ArgumentParser, or an error naming the word or option at fault.
    static func prepared(_ words: [String]) throws -> [String] {
        try checkSize(words)
        let words = AttentionOption.bareFlagAsCausal(commandFirst(words))
        guard let head = words.first, let command = try? Ctxplan.command(named: head) else { return words }
        return try [head] + values(Array(words.dropFirst()), of: command)
    }

    // MARK: - Size

    static func checkSize(_ words: [String]) throws {
        guard words.count <= maximumWords else {
            throw InputError("the command has \(words.count) words; expected at most \(maximumWords)")
        }
        guard let index = words.firstIndex(where: { $0.utf8.count > maximumWordBytes }) else { return }
        let word = words[index]
        let shown = "'\(word.prefix(24))...'"
        let length = "is \(word.utf8.count) bytes long; expected at most \(maximumWordBytes)"
        // A long value is most often a comma list: name its option, and the bound a list has.
        if index > 0, isOptionName(words[index - 1]) {
            throw InputError(
                "the value of \(words[index - 1]) (\(shown)) \(length) (a list gives at most "
                    + "\(ScenarioList.maximumScenarios) scenarios)")
        }
        throw InputError("word \(index + 1) (\(shown)) \(length)")
    }

    // MARK: - Before the command

    /// `--presets DIR` given before the command (`ctxplan --presets DIR show NAME`) moved behind
    /// the command's name, where every command reads it; before `help`, which reads no presets,
    /// dropped. Before a script (`ctxplan --no-rc plan.ctx`), `--no-rc` is dropped: a script
    /// never runs the rc file. With no command after them, the words stay as they are:
    /// ArgumentParser gives them to the REPL, the default command.
    static func commandFirst(_ words: [String]) -> [String] {
        var leading: [String] = []
        var noRC = false
        var end = 0
        while end < words.count {
            if let given = PresetsOption.folder(in: words, at: end) {
                leading += words[end..<(end + given.words)]
                end += given.words
            } else if words[end] == "--no-rc" {
                noRC = true
                end += 1
            } else {
                break
            }
        }
        guard end > 0, end < words.count, !words[end].hasPrefix("-") else { return words }
        let head = words[end]
        if ScriptCommand.names(head, commands: Ctxplan.commandNames) {
            return [head] + leading + words[(end + 1)...]
        }
        if noRC { return words }  // `repl --no-rc` is the REPL's; before a command ArgumentParser refuses it.
        if head == "help" { return Array(words[end...]) }
        return [head] + leading + words[(end + 1)...]
    }

    // MARK: - Values and repeats

    /// `words` (after the command's name) with each value that starts with `-` kept as a value,
    /// and each option given twice merged or refused.
    ///
    /// ArgumentParser reads `-5k` or `-(5)` as an option name. After an option that takes a
    /// value, it is joined to it (`--task=-5k`), so the option reads it and its check names it.
    /// Where a positional is expected (`budget -5`, `budget -_`), it is moved behind a `--`, so
    /// the positional's check names it, instead of "Missing expected argument". A list option
    /// given twice (`--nctx 4k,8k --nctx 16k`) is one list; any other option with a value given
    /// twice is refused by name (ArgumentParser would keep the last silently).
    static func values(_ words: [String], of command: any ParsableCommand.Type) throws -> [String] {
        guard needsOptionTable(words) else { return words }
        let table = OptionTable.of(command)
        let listing = Ctxplan.scenarioCommands.contains { ObjectIdentifier($0) == ObjectIdentifier(command) }
        /// A list option of a command that answers lists: its values given twice are one list.
        func merges(_ name: String) -> Bool { listing && ScenarioInput.named(name) != nil }
        var kept: [String] = []
        var positionals: [String] = []
        /// Where each single-valued option's value is in `kept`.
        var given: [String: Int] = [:]
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--" {
                positionals += words[index...]
                break
            }
            if isOptionName(word) {
                let (name, joined) = split(word)
                guard let option = table.options[name], option.takesValue else {
                    kept.append(word)
                    continue
                }
                var value = joined
                if value == nil, index < words.count, !isOptionName(words[index]) {
                    value = words[index]
                    index += 1
                }
                guard let value else {
                    kept.append(word)  // ArgumentParser says the value is missing
                    continue
                }
                if let earlier = given[name] {
                    guard merges(name) else { throw InputError("\(name) is given twice; expected it once") }
                    kept[earlier] += "," + value
                    continue
                }
                if !option.repeats || merges(name) { given[name] = kept.count }
                kept.append(name + "=" + value)
            } else if word.hasPrefix("-") && word.count > 1 {
                positionals.append(word)  // a value where a positional goes: `-5`, `-_`, `-(5)`
            } else {
                kept.append(word)
            }
        }
        return positionals.isEmpty ? kept : kept + ["--"] + positionals
    }

    /// Whether the rewrite needs to know the command's options: a word that starts with `-` but
    /// is no option's name, or an option name given twice. Most lines have neither.
    private static func needsOptionTable(_ words: [String]) -> Bool {
        // A list, not a set: a line has a few options, and the first Set<Substring> of a process
        // costs a search through the binary's protocol conformances.
        var names: [Substring] = []
        for word in words {
            if word == "--" { return false }
            guard word.hasPrefix("-"), word.count > 1 else { continue }
            guard isOptionName(word) else { return true }
            let name = word.prefix { $0 != "=" }
            if names.contains(name) { return true }
            names.append(name)
        }
        return false
    }

    /// `--nctx`, `--nctx=8k`, `-h`: two dashes and a letter, or one dash and a letter. A word
    /// such as `-5`, `-.5`, `-_` or `-(5)` is a value.
    static func isOptionName(_ word: String) -> Bool {
        let bytes = Array(word.utf8.prefix(3))
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "-") else { return false }
        if bytes[1] == UInt8(ascii: "-") { return bytes.count == 3 && isLetter(bytes[2]) }
        return isLetter(bytes[1])
    }

    private static func split(_ word: String) -> (name: String, value: String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }
}

/// `--presets DIR`, which the front, a script's command line and the shells' completion read
/// before ArgumentParser does (the options themselves are `GlobalOptions`' and `Repl`'s): its
/// spellings are recognised here alone.
enum PresetsOption {
    static let name = "presets"
    private static let flag = "--" + name

    /// The folder given at `words[index]` (`--presets DIR` or `--presets=DIR`) and how many words
    /// give it; nil when no `--presets` with a value starts there.
    static func folder(in words: [String], at index: Int) -> (folder: String, words: Int)? {
        let word = words[index]
        if word == flag { return index + 1 < words.count ? (words[index + 1], 2) : nil }
        guard word.hasPrefix(flag + "=") else { return nil }
        return (String(word.dropFirst(flag.count + 1)), 1)
    }

    /// Every folder `--presets` gives among `words`.
    static func folders(in words: [String]) -> [String] {
        var folders: [String] = []
        var index = 0
        while index < words.count {
            guard let given = folder(in: words, at: index) else {
                index += 1
                continue
            }
            folders.append(given.folder)
            index += given.words
        }
        return folders
    }
}

/// What the front needs to know of a command's options, read from ArgumentParser's own
/// description of the command (`--experimental-dump-help`), once per command.
struct OptionTable {
    struct Option {
        /// False for a flag.
        var takesValue: Bool
        /// Whether the option may be given more than once (an array: `--presets`, plot's `--nctx`).
        var repeats: Bool
    }

    /// By every spelling: `--help` and `-h`.
    var options: [String: Option] = [:]

    /// The program reads command lines on one thread; the cache is only ever touched there.
    nonisolated(unsafe) private static var cache: [String: OptionTable] = [:]

    static func of(_ command: any ParsableCommand.Type) -> OptionTable {
        let key = command.configuration.commandName ?? "\(command)"
        if let known = cache[key] { return known }
        let table = OptionTable(description: command._dumpHelp())
        cache[key] = table
        return table
    }

    init(description: String) {
        let root = try? JSONSerialization.jsonObject(with: Data(description.utf8)) as? [String: Any]
        let command = root?["command"] as? [String: Any]
        for argument in command?["arguments"] as? [[String: Any]] ?? [] {
            guard let kind = argument["kind"] as? String, kind != "positional" else { continue }
            let option = Option(takesValue: kind == "option", repeats: argument["isRepeating"] as? Bool ?? false)
            for name in argument["names"] as? [[String: Any]] ?? [] {
                guard let spelling = name["name"] as? String, let nameKind = name["kind"] as? String else { continue }
                options[(nameKind == "short" ? "-" : "--") + spelling] = option
            }
        }
    }
}
