import Planner

/// An answer as each output format prints it. One conforming type per answer: a new format is
/// one new requirement here and one renderer per answer.
protocol Rendering {
    /// Text for people: `width` is the terminal's when standard output is one (notes are
    /// wrapped to it), nil otherwise.
    func text(style: Style, width: Int?) -> String
    /// One JSON object.
    var json: JSON { get }
    /// The answer's table, or nil for an answer that is not tabular.
    var csv: CSV? { get }
}

extension Rendering {
    var csv: CSV? { nil }
}

extension SessionCommand {
    /// Prints `answer` in the format the options chose. `--format csv` on an answer with no
    /// table is an error that names this command.
    func render(_ answer: some Rendering, _ global: GlobalOptions, in session: Session) throws {
        switch try global.outputFormat(in: session, table: answer.csv != nil) {
        case .text: print(answer.text(style: session.style, width: TerminalWidth.forStandardOutput()))
        case .json: print(answer.json.text)
        case .csv:
            guard let table = answer.csv else {
                let name = Self.configuration.commandName ?? "this command"
                throw InputError("'\(name)' gives no table, so it has no CSV form; expected --format text or json")
            }
            // The records end in CRLF already.
            print(table.text, terminator: "")
        }
        if let answer = answer as? any RememberedAnswer { session.lastResult = answer }
    }
}
