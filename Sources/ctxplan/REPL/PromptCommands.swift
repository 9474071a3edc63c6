import ArgumentParser

/// A command of the prompt (and of scripts) alone: `set`, `unset`, `source`, `quit`. Each is a
/// command of the tree, so that `help`, the prompt's completion and the shells' scripts know it
/// and its arguments' completions from the declaration below; the REPL runs its words itself
/// (`handle`), with the messages of its own. From a shell it says where it works.
protocol PromptCommand: SessionCommand {
    /// How the overview shows it: `set KEY VALUE`.
    static var usage: String { get }
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
        commandName: "set", abstract: "default for later commands; 'set' alone lists the keys and values",
        aliases: ["use"])
    static let usage = "set KEY VALUE"

    @Argument(help: ArgumentHelp("The setting.", valueName: "key"), completion: .list(Setting.names))
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
    static let configuration = CommandConfiguration(commandName: "unset", abstract: "forget one setting, or all")
    static let usage = "unset [KEY]"

    @Argument(help: ArgumentHelp("The settings to forget.", valueName: "key"), completion: .list(Setting.names))
    var keys: [String] = []

    static func handle(_ arguments: [String], in repl: REPL, prefix: String) -> REPL.Outcome {
        repl.unset(arguments, prefix: prefix)
    }
}

struct SourceCommand: PromptCommand {
    static let configuration = CommandConfiguration(commandName: "source", abstract: "run FILE's lines as if typed")
    static let usage = "source FILE"

    @Argument(help: ArgumentHelp("The script.", valueName: "file"), completion: ShellCompletion.files())
    var file: String?

    static func handle(_ arguments: [String], in repl: REPL, prefix: String) -> REPL.Outcome {
        repl.source(arguments, prefix: prefix)
    }
}

struct QuitCommand: PromptCommand {
    static let configuration = CommandConfiguration(
        commandName: "quit", abstract: "leave; Ctrl-C clears the line or stops a command", aliases: ["exit"])
    static let usage = "quit, exit, Ctrl-D"

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
