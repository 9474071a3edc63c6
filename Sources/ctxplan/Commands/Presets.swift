import ArgumentParser
import Planner

struct Presets: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets", _superCommandName: Ctxplan.name,
        abstract: "List the presets: tasks, models and hardware.",
        discussion: """
            Presets are JSON files, one per entry: the bundled ones, then $XDG_CONFIG_HOME/ctxplan/presets/{tasks,models,hardware}/, then --presets DIR. A later file with the same name replaces an earlier one.
            """)

    @Argument(help: "tasks, models or hardware (all when omitted).")
    var kind: PresetListing.Kind?

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        try present(session.planner(global).library.listing(kind.map { [$0] } ?? []), global, in: session)
    }
}

extension PresetListing.Kind: ExpressibleByArgument {}

struct Show: SessionCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", _superCommandName: Ctxplan.name,
        abstract: "Show one preset (task, model or GPU) in full, the REPL's settings, or the last answer.",
        discussion: "Examples: show arithmetic; show yarn-llama-2-7b-32k; show h100; show settings; show last")

    /// The words `show` takes besides a preset's name, with what each shows (the prompt's
    /// overview lists them; completion offers them).
    static let ownWords = [
        ("settings", "the current settings"),
        ("last", "the last answer again; '_' in a number is its main quantity"),
    ]

    @Argument(help: "A preset name, 'settings', or 'last' (the last answer, in the format asked for now).",
        completion: ShellCompletion.presetsAndSettings)
    var name: String

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let library = session.planner(global).library
        if name == "settings" {
            try render(session.settingsView, global, in: session)
        } else if name == "last" {
            guard let last = session.answer else { throw InputError("no answer yet for 'show last'") }
            try render(last, global, in: session)
        } else if let entry = library.entry(named: name) {
            try render(entry, global, in: session)
        } else {
            let names = library.taskNames + library.modelNames + library.gpuNames + Show.ownWords.map(\.0)
            let hint = Suggestions.hint(for: name, among: names, otherwise: "see 'presets'")
            throw InputError("unknown preset \(InputError.quote(name))" + hint)
        }
    }
}
