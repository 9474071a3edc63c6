import ArgumentParser
import ContextScaling
import Foundation
import Planner

/// The command tree, shared by the shell and the REPL.
///
/// Every command names itself (`commandName`): otherwise ArgumentParser derives the name from
/// the type's name at run time, which costs a one-shot command about a millisecond.
struct Ctxplan: ParsableCommand {
    static let version = "0.1.0"

    /// The tool's name. Every command of the tree names it as its super-command: a line is
    /// parsed by its own command (`parseLine`), and a command with a super-command is spared the
    /// two extra parses ArgumentParser spends on a root command's words looking for
    /// `--generate-completion-script` (a quarter of its parsing); a line that asks for a
    /// completion script, help or the version goes to the root instead (`asksForBuiltIn`).
    static let name = "ctxplan"

    static let configuration = CommandConfiguration(
        commandName: name,
        abstract: "Plan compute, context and few-shot prompts with the context-aware scaling law.",
        discussion: """
            The law (Montgomery, Park et al., 2025, Eq. 1):
              P = [1-exp(-A (C/Cc)^alpha)] [1-exp(-B (n_pmt/nc)^beta)] sigma(n_ctx-n_pmt)

            With no command, ctxplan starts the REPL.

            Numbers: context and prompt lengths take k = 1024 (8k = 8192, 128K); token, parameter \
            and FLOP counts take decimal suffixes (2T = 2e12, 0.21B = 2.1e8, 1.5e23, 3_355_443_200). \
            Any number may be arithmetic (6*7B*2T, (32k-512)/2); at the prompt, _ is the last answer's number.

            ctxplan FILE runs FILE's lines as the REPL would; the REPL first runs \
            $XDG_CONFIG_HOME/ctxplan/ctxplanrc (--no-rc skips it).
            """,
        version: version,
        subcommands: [
            Predict.self, Explain.self, Table.self, Cost.self,
            ComputeFor.self, ContextFor.self, Shots.self, Extend.self, BudgetCommand.self,
            Fit.self, Validate.self, Compare.self, Import.self, Plot.self, Heatmap.self, Figures.self,
            Presets.self, Show.self, ModelCommand.self, Repl.self,
        ]
            // The prompt's own commands: in the tree so that help and completion know them.
            + promptCommands.map { $0 },
        defaultSubcommand: Repl.self
    )

    /// The names of the commands, as typed, aliases (`use`, `exit`) too.
    static var commandNames: [String] {
        configuration.subcommands.flatMap {
            [$0.configuration.commandName].compactMap { $0 } + $0.configuration.aliases
        }
    }

    /// What `help` offers: every command's names but `repl`'s, which the overview leaves out too
    /// (at the prompt it is refused; from a shell it is what no command does).
    static var helpTopics: [String] {
        commandNames.filter { $0 != Repl.configuration.commandName }
    }

    /// The command `name`, or an error naming it with the closest command.
    static func command(named name: String) throws -> any ParsableCommand.Type {
        guard
            let command = configuration.subcommands.first(where: {
                $0.configuration.commandName == name || $0.configuration.aliases.contains(name)
            })
        else {
            throw InputError("no command \(InputError.quote(name))" + commandHint(for: name))
        }
        return command
    }

    private static func commandHint(for word: String) -> String {
        Suggestions.hint(for: word, among: commandNames, otherwise: "'help' lists the commands")
    }

    /// Runs one command line in `session`. Returns the exit status: 0, 2 for input it rejected,
    /// 130 for a command stopped by Ctrl-C.
    static func execute(_ words: [String], in session: Session, errorPrefix: String = "") -> Int32 {
        let arguments: [String]
        do { arguments = try ArgumentFront.prepared(words) } catch {
            report(errorPrefix + "error: \(error)")
            return 2
        }
        if let head = arguments.first, ScriptCommand.names(head, commands: commandNames) {
            return ScriptCommand.run(arguments, style: session.style)
        }
        // ArgumentParser would hand an unknown word to the default command (the REPL) as its
        // argument, and `help WORD` would print the overview for any word: say what it is instead.
        if let head = arguments.first, !head.hasPrefix("-"), head != "help", !commandNames.contains(head) {
            report(errorPrefix + "error: unknown command \(InputError.quote(head))" + commandHint(for: head))
            return 2
        }
        // The prompt's own commands reach here only from a shell: the REPL runs them itself.
        // Their help is ArgumentParser's, as every command's.
        if let head = arguments.first, let command = promptCommand(named: head), !asksForBuiltIn(arguments) {
            return command.fromShell(Array(arguments.dropFirst()), typed: head, in: session)
        }
        if arguments.first == "help", let name = arguments.dropFirst().first, !name.hasPrefix("-") {
            do { _ = try command(named: name) } catch {
                report(errorPrefix + "error: \(error)")
                return 2
            }
        }
        do {
            // `_` in a number is the last answer's main quantity while the words are parsed, in a
            // scenario list's items too.
            let parsed = try Parse.$underscore.withValue(session.underscore) {
                () throws -> ParsableCommand? in
                if try answerScenarioTable(arguments, in: session) { return nil }
                return try parseLine(plotListsRepeated(arguments))
            }
            guard var command = parsed else { return 0 }
            if let command = command as? any SessionCommand {
                try command.run(in: session)
            } else {
                try command.run()
            }
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let error as InputError {
            report(errorPrefix + "error: " + error.message)
            return 2
        } catch is CancelledByUser {
            report(errorPrefix + "interrupted")
            return 130
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            report(errorPrefix + "error: " + message(for: error))
            return 2
        }
    }

    /// `arguments` parsed. A line that names a command is parsed by that command alone: through
    /// the root, ArgumentParser builds the argument sets of the root and the command again for
    /// each of its checks, by reflection, which was a third of a piped `budget` line's cost. Help,
    /// version and completion requests go through the root, whose messages name the program.
    static func parseLine(_ arguments: [String]) throws -> ParsableCommand {
        guard let head = arguments.first, let command = try? command(named: head), !asksForBuiltIn(arguments)
        else { return try parseAsRoot(arguments) }
        return try command.parseAsRoot(Array(arguments.dropFirst()))
    }

    /// Whether `arguments` ask for one of ArgumentParser's own answers: help, the version, a
    /// description of the tree or a completion script.
    static func asksForBuiltIn(_ arguments: [String]) -> Bool {
        let builtIns: Set<String> = ["-h", "--help", "--version", "--experimental-dump-help"]
        return arguments.contains { builtIns.contains($0) || $0.hasPrefix("--generate-completion-script") }
    }

    /// Writes a message to standard error, with the control characters of what it quotes
    /// written out.
    static func report(_ line: String) {
        StandardStreams.writeErrorLine(line)
    }
}

/// A command of the tree: run with the session's settings, presets and style.
protocol SessionCommand: ParsableCommand {
    func run(in session: Session) throws
}

/// The interactive prompt: what ctxplan starts with no command. It takes only `--presets`:
/// ArgumentParser rejects any other option (`repl --json`) by name.
struct Repl: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", _superCommandName: Ctxplan.name,
        abstract: "Start the interactive prompt (the default with no command).")

    @Option(
        name: .customLong(PresetsOption.name),
        help: ArgumentHelp("Also load presets from this folder (tasks/, models/, hardware/).", valueName: "dir"),
        completion: ShellCompletion.folders)
    var presetDirectories: [String] = []

    @Flag(name: .customLong("no-rc"), help: "Do not run $XDG_CONFIG_HOME/ctxplan/ctxplanrc first.")
    var noRC = false

    func run(in session: Session) throws {
        if session.insideREPL {
            throw InputError("already at the prompt; 'repl' starts it from a shell")
        }
        let repl = REPL(session: Session(presetFolders: presetDirectories, style: session.style), runsRC: !noRC)
        let status = repl.run()
        if status != 0 { throw ExitCode(status) }
    }
}
