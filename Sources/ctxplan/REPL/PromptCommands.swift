import ArgumentParser

/// A command of the prompt (and of scripts) alone: `set`, `unset`, `source`, `quit`. Each is a
/// command of the tree, so that `help`, the prompt's completion and the shells' scripts know it
/// and its arguments' completions from the declaration below; the REPL runs its words itself
/// (`handle`), with the messages of its own, each naming the word typed (`use`, `exit`). From a
/// shell (`fromShell`) it says where it works.
protocol PromptCommand: ParsableCommand {
    /// How the prompt's overview shows it: `set KEY VALUE`, and what it does; the tree's abstract
    /// says the same, and where it works.
    static var usage: String { get }
    static var summary: String { get }
    /// What to do instead of `arguments` from a shell, after "; from a shell, " (nil: no more
    /// to say).
    static func fromShellInstead(_ arguments: [String]) -> String?
    /// Runs `arguments` at the prompt or in a script; `typed` is the command's name as typed.
    static func handle(_ arguments: [String], typed: String, in repl: REPL, prefix: String) -> REPL.Outcome
    /// `ctxplan TYPED ARGUMENTS` from a shell: the exit status.
    static func fromShell(_ arguments: [String], typed: String, in session: Session) -> Int32
}

extension PromptCommand {
    static func fromShellInstead(_ arguments: [String]) -> String? { nil }

    static func fromShell(_ arguments: [String], typed: String, in session: Session) -> Int32 {
        Ctxplan.report(
            "error: '\(typed)' works at the prompt and in scripts (ctxplan FILE)"
                + (fromShellInstead(arguments).map { "; from a shell, " + $0 } ?? ""))
        return 2
    }
}

struct SetCommand: PromptCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", _superCommandName: Ctxplan.name, abstract: "At the prompt: " + summary,
        discussion: "use KEY VALUE, the same as set. Example: set task arithmetic", aliases: ["use"])
    static let usage = "set KEY VALUE"
    static let summary = "default for later commands; 'set' alone lists the keys and values"
    /// `ctxplan set gpu h100` names the option that does the same: `--gpu h100`.
    static func fromShellInstead(_ arguments: [String]) -> String? {
        guard let name = arguments.first, let key = Setting.registry.first(where: { $0.name == name }),
            let option = key.options.first
        else { return "pass the options instead (--task NAME)" }
        return "pass \(option) \(arguments.count > 1 ? arguments[1] : "VALUE") to the command instead"
    }

    @Argument(
        help: ArgumentHelp("The setting.", valueName: "key"), completion: ValueCompletion.choices(Setting.names).kind)
    var key: String?

    @Argument(
        help: ArgumentHelp("Its value, as the option it stands for takes one.", valueName: "value"),
        completion: ValueCompletion.settingValue.kind)
    var value: String?

    static func handle(_ arguments: [String], typed: String, in repl: REPL, prefix: String) -> REPL.Outcome {
        repl.set(arguments, typed: typed, prefix: prefix)
    }
}

struct UnsetCommand: PromptCommand {
    static let configuration = CommandConfiguration(commandName: "unset", _superCommandName: Ctxplan.name, abstract: "At the prompt: " + summary)
    static let usage = "unset [KEY]"
    static let summary = "forget one setting, or all"
    static func fromShellInstead(_ arguments: [String]) -> String? {
        "a command has only the options given on its line"
    }

    @Argument(
        help: ArgumentHelp("The settings to forget.", valueName: "key"),
        completion: ValueCompletion.choices(Setting.names).kind)
    var keys: [String] = []

    static func handle(_ arguments: [String], typed: String, in repl: REPL, prefix: String) -> REPL.Outcome {
        repl.unset(arguments, prefix: prefix)
    }
}

struct SourceCommand: PromptCommand {
    static let configuration = CommandConfiguration(commandName: "source", _superCommandName: Ctxplan.name, abstract: "At the prompt: " + summary)
    static let usage = "source FILE"
    static let summary = "run FILE's lines as if typed"

    @Argument(help: ArgumentHelp("The script.", valueName: "file"), completion: ShellCompletion.files())
    var file: String?

    static func handle(_ arguments: [String], typed: String, in repl: REPL, prefix: String) -> REPL.Outcome {
        repl.source(arguments, prefix: prefix)
    }

    /// `ctxplan source FILE [--presets DIR]` runs the script as `ctxplan FILE` does; `--presets`
    /// may come first, as the front moves a leading one there (`ctxplan --presets DIR source FILE`).
    static func fromShell(_ arguments: [String], typed: String, in session: Session) -> Int32 {
        var words = arguments
        var index = 0
        while index < words.count, let given = PresetsOption.folder(in: words, at: index) { index += given.words }
        guard index < words.count, !words[index].hasPrefix("-") else {
            Ctxplan.report("error: expected '\(typed) FILE'")
            return 2
        }
        let file = words.remove(at: index)
        return ScriptCommand.run([file] + words, style: session.style)
    }
}

struct QuitCommand: PromptCommand {
    static let configuration = CommandConfiguration(
        commandName: "quit", _superCommandName: Ctxplan.name, abstract: "At the prompt: " + summary, aliases: ["exit"])
    static let usage = "quit, exit, Ctrl-D"
    static let summary = "leave; Ctrl-C clears the line or stops a command"

    /// `quit` takes nothing: a word after it is refused by name, and the session goes on.
    static func handle(_ arguments: [String], typed: String, in repl: REPL, prefix: String) -> REPL.Outcome {
        guard let extra = arguments.first else { return .quit }
        Ctxplan.report(prefix + "error: \(InputError.quote(extra)) after '\(typed)'; expected '\(typed)' alone")
        return .failed
    }
}

extension Ctxplan {
    /// The prompt's own commands, in the order the overview lists them. Listed, not found by
    /// casting the tree's commands: a protocol cast scans every conformance in the binary, a
    /// millisecond of every one-shot command's start.
    static let promptCommands: [any PromptCommand.Type] = [
        SetCommand.self, UnsetCommand.self, SourceCommand.self, QuitCommand.self,
    ]

    static func promptCommand(named name: String) -> (any PromptCommand.Type)? {
        promptCommands.first { $0.configuration.commandName == name || $0.configuration.aliases.contains(name) }
    }
}
