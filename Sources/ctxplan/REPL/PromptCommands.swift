import ArgumentParser

/// A command of the prompt (and of scripts) alone: `set`, `unset`, `source`, `quit`. Each is a
/// command of the tree, so that `help`, the prompt's completion and the shells' scripts know it
/// and its arguments' completions from the declaration below; the REPL runs its words itself
/// (`handle`), with the messages of its own. From a shell it says where it works.
protocol PromptCommand: SessionCommand {
    /// How the prompt's overview shows it: `set KEY VALUE`, and what it does; the tree's abstract
    /// says the same, and where it works.
    static var usage: String { get }
    static var summary: String { get }
    static func handle(_ arguments: [String], in repl: REPL, prefix: String) -> REPL.Outcome
}

extension PromptCommand {
    func run(in session: Session) throws {
        let name = Self.configuration.commandName ?? ""
        throw InputError(
            "'\(name)' works at the prompt and in scripts (ctxplan FILE); from a shell, pass the options instead")
    }
}

struct SetCommand: PromptCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "At the prompt: " + summary,
        aliases: ["use"])
    static let usage = "set KEY VALUE"
    static let summary = "default for later commands; 'set' alone lists the keys and values"

    @Argument(
        help: ArgumentHelp("The setting.", valueName: "key"), completion: ValueCompletion.choices(Setting.names).kind)
    var key: String?

    @Argument(
        help: ArgumentHelp("Its value, as the option it stands for takes one.", valueName: "value"),
        completion: ValueCompletion.settingValue.kind)
    var value: String?

    static func handle(_ arguments: [String], in repl: REPL, prefix: String) -> REPL.Outcome {
        repl.set(arguments, prefix: prefix)
    }
}

struct UnsetCommand: PromptCommand {
    static let configuration = CommandConfiguration(commandName: "unset", abstract: "At the prompt: " + summary)
    static let usage = "unset [KEY]"
    static let summary = "forget one setting, or all"

    @Argument(
        help: ArgumentHelp("The settings to forget.", valueName: "key"),
        completion: ValueCompletion.choices(Setting.names).kind)
    var keys: [String] = []

    static func handle(_ arguments: [String], in repl: REPL, prefix: String) -> REPL.Outcome {
        repl.unset(arguments, prefix: prefix)
    }
}

struct SourceCommand: PromptCommand {
    static let configuration = CommandConfiguration(commandName: "source", abstract: "At the prompt: " + summary)
    static let usage = "source FILE"
    static let summary = "run FILE's lines as if typed"

    @Argument(help: ArgumentHelp("The script.", valueName: "file"), completion: ShellCompletion.files())
    var file: String?

    static func handle(_ arguments: [String], in repl: REPL, prefix: String) -> REPL.Outcome {
        repl.source(arguments, prefix: prefix)
    }
}

struct QuitCommand: PromptCommand {
    static let configuration = CommandConfiguration(
        commandName: "quit", abstract: "At the prompt: " + summary, aliases: ["exit"])
    static let usage = "quit, exit, Ctrl-D"
    static let summary = "leave; Ctrl-C clears the line or stops a command"

    static func handle(_ arguments: [String], in repl: REPL, prefix: String) -> REPL.Outcome { .quit }
}

extension Ctxplan {
    /// The prompt's own commands, in the order the overview lists them.
    static var promptCommands: [any PromptCommand.Type] {
        configuration.subcommands.compactMap { $0 as? any PromptCommand.Type }
    }

    static func promptCommand(named name: String) -> (any PromptCommand.Type)? {
        promptCommands.first { $0.configuration.commandName == name || $0.configuration.aliases.contains(name) }
    }
}
