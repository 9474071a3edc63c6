import Planner

/// An answer as each output format prints it. An answer described once conforms through
/// `Reporting`, its formats derived from its report; the others still write each format by hand.
protocol Rendering {
    /// Text for people: `width` is the terminal's when standard output is one (notes are
    /// wrapped to it), nil otherwise.
    func text(style: Style, width: Int?) -> String
    /// One JSON object.
    var json: JSON { get }
    /// The answer's table, or nil for an answer that is not tabular.
    var csv: CSV? { get }
    /// Whether the answer has a table, without building it.
    var hasCSV: Bool { get }
}

extension Rendering {
    var csv: CSV? { nil }
    var hasCSV: Bool { csv != nil }
}

/// An answer described once, as a `Report`: text, JSON, CSV and scenario columns are the
/// formats' (Output/Formats/), so adding an output field is one edit, in `report`.
protocol Reporting: Rendering {
    var report: Report { get }
}

extension Reporting {
    func text(style: Style, width: Int?) -> String { TextFormat.text(report, style: style, width: width) }
    var json: JSON { JSONFormat.json(report) }
    var csv: CSV? { CSVFormat.csv(report) }
    var hasCSV: Bool { CSVFormat.table(of: report) != nil }
}

extension SessionCommand {
    /// Prints `answer` in the format the options chose. `--format csv` on an answer with no
    /// table is an error that names this command. Printing changes no session state: the
    /// command that printed an answer records it (`AnswerCommand`).
    func render(_ given: some Rendering, _ global: GlobalOptions, in session: Session) throws {
        // A report is built once, whatever the format asks of it.
        let answer: any Rendering = (given as? any Reporting).map { Described(report: $0.report) } ?? given
        switch try global.outputFormat(in: session, table: answer.hasCSV) {
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
    }
}

/// A report already built, so the formats do not build it again.
private struct Described: Reporting {
    var report: Report
}
