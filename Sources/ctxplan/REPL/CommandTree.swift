import ArgumentParser
import Foundation
import Planner

/// The command tree as ArgumentParser describes it (`--experimental-dump-help`): each command's
/// names, its options, flags and positionals, and the completion each declares. The prompt's
/// completion reads it, so it knows exactly what the shells' scripts (generated from the same
/// description) know. Read once per process, at the first Tab.
struct CommandTree: Sendable {
    /// What ArgumentParser says an argument's value completes to.
    enum Completion: Sendable {
        case none
        case list([String])
        case files(extensions: [String])
        case folders
        /// A `ValueCompletion` other than a list, answered by the custom callback.
        case custom
    }

    struct Argument: Sendable {
        /// `--task`, `-h`; none for a positional.
        var spellings: [String]
        var takesValue: Bool
        var repeats: Bool
        var completion: Completion
    }

    struct Command: Sendable {
        var names: [String]
        var options: [Argument]
        var positionals: [Argument]

        /// The long spellings of its options and flags, in declaration order.
        var flags: [String] { options.flatMap { $0.spellings.filter { $0.hasPrefix("--") } } }

        func option(_ spelling: String) -> Argument? { options.first { $0.spellings.contains(spelling) } }

        /// The positional the `index`th positional word fills; the last one takes the rest when it
        /// repeats.
        func positional(at index: Int) -> Argument? {
            if index < positionals.count { return positionals[index] }
            return positionals.last.flatMap { $0.repeats ? $0 : nil }
        }
    }

    var commands: [Command]

    /// Every command's names (aliases too), in the tree's order.
    var commandNames: [String] { commands.flatMap(\.names) }

    func command(named name: String) -> Command? { commands.first { $0.names.contains(name) } }

    static let root = CommandTree(description: Ctxplan._dumpHelp())

    /// The presets the prompt completes from, bound while it completes: the custom callback
    /// then answers from them, unquoted (`Quoting.current`).
    @TaskLocal static var promptLibrary: PresetLibrary?

    init(description: String) {
        let root = try? JSONSerialization.jsonObject(with: Data(description.utf8)) as? [String: Any]
        let tree = root?["command"] as? [String: Any]
        commands = (tree?["subcommands"] as? [[String: Any]] ?? []).compactMap(Self.command)
    }

    private static func command(_ info: [String: Any]) -> Command? {
        guard let name = info["commandName"] as? String else { return nil }
        var command = Command(names: [name] + (info["aliases"] as? [String] ?? []), options: [], positionals: [])
        for argument in info["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool ?? true {
            let kind = argument["kind"] as? String
            let spellings = (argument["names"] as? [[String: Any]] ?? []).compactMap { name -> String? in
                guard let spelling = name["name"] as? String else { return nil }
                return (name["kind"] as? String == "short" ? "-" : "--") + spelling
            }
            let parsed = Argument(
                spellings: spellings, takesValue: kind != "flag", repeats: argument["isRepeating"] as? Bool ?? false,
                completion: completion(argument["completionKind"] as? [String: Any]))
            if kind == "positional" { command.positionals.append(parsed) } else { command.options.append(parsed) }
        }
        // ArgumentParser's own `help` declares no completion for the command it names.
        if name == "help", !command.positionals.isEmpty {
            command.positionals[0].completion = .list(Ctxplan.helpTopics)
        }
        return command
    }

    private static func completion(_ kind: [String: Any]?) -> Completion {
        guard let kind else { return .none }
        if let list = kind["list"] as? [String: Any] { return .list(list["values"] as? [String] ?? []) }
        if let file = kind["file"] as? [String: Any] {
            return .files(extensions: file["extensions"] as? [String] ?? [])
        }
        if kind["directory"] != nil { return .folders }
        if kind["custom"] != nil || kind["customAsync"] != nil { return .custom }
        return .none
    }

    /// The custom callback's answer for the word `typed` after `words` (the command's name
    /// first), asked as the shells ask it, in this process: `argument` is the option's spelling
    /// or the positional's `positional@N`.
    static func customCandidates(_ words: [String], typed: String, argument: String, library: PresetLibrary)
        -> [String]
    {
        guard let head = words.first else { return [] }
        let line = ["ctxplan"] + words + [typed]
        let request = ["---completion", head, "--", argument, String(line.count - 1), String(typed.count)] + line
        return $promptLibrary.withValue(library) {
            do {
                _ = try Ctxplan.parseAsRoot(request)
                return []
            } catch {
                return Ctxplan.fullMessage(for: error).split(separator: "\n").map(String.init)
            }
        }
    }
}
