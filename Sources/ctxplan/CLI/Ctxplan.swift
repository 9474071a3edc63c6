import ArgumentParser
import Foundation
import Planner

/// The command tree, shared by the shell and the REPL.
///
/// Every command names itself (`commandName`): otherwise ArgumentParser derives the name from
/// the type's name at run time, which costs a one-shot command about a millisecond.
struct Ctxplan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ctxplan",
        abstract: "Plan compute, context and few-shot prompts with the context-aware scaling law.",
        discussion: """
            The law (Montgomery, Park et al., 2025, Eq. 1):
              P = [1-exp(-A (C/Cc)^alpha)] [1-exp(-B (n_pmt/nc)^beta)] sigma(n_ctx-n_pmt)

            With no command, ctxplan starts the REPL.

            Numbers: context and prompt lengths take k = 1024 (8k = 8192, 128K); token, parameter and FLOP counts take decimal suffixes (2T = 2e12, 0.21B = 2.1e8, 1.5e23, 3_355_443_200).
            """,
        version: version,
        subcommands: [
            Predict.self, Explain.self, Table.self, Cost.self,
            ComputeFor.self, ContextFor.self, Shots.self, Extend.self, BudgetCommand.self,
            Fit.self, Validate.self, Compare.self, Plot.self, Heatmap.self, Figures.self,
            Presets.self, Show.self, Repl.self,
        ]
    )

    /// Runs one command line. Returns the exit status: 0, or 2 for input it rejected.
    static func execute(_ words: [String], errorPrefix: String = "") -> Int32 {
        let arguments: [String]
        do { arguments = try CommandWords.prepared(words) } catch {
            report(errorPrefix + "error: \(error)")
            return 2
        }
        if let head = arguments.first, !head.hasPrefix("-"), head != "help",
            !configuration.subcommands.contains(where: { $0._commandName == head })
        {
            let names = configuration.subcommands.map { $0._commandName }
            let hint = Suggestions.closest(to: head, among: names).map { "; did you mean '\($0)'?" }
                ?? "; 'help' lists the commands"
            report(errorPrefix + "error: unknown command '\(head)'\(hint)")
            return 2
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let error as InputError {
            report(errorPrefix + "error: " + error.message)
            return 2
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            report(errorPrefix + "error: " + message(for: error).replacingOccurrences(of: "Error: ", with: ""))
            return 2
        }
    }

    static func report(_ line: String) {
        StandardStreams.writeErrorLine(line)
    }
}

/// With no arguments, ctxplan is the REPL.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Start the interactive prompt (the default with no command).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let status = REPL(presets: global.presetDirectories).run()
        if status != 0 { throw ExitCode(status) }
    }
}
