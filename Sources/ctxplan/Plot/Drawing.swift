import Planner

/// A figure as an answer (plot, heatmap): what is drawn, described once as a report (JSON and
/// the notes), drawn in the terminal by its terminal format or written by its SVG format. It
/// goes through the same `render` as every answer; text is the drawing, or where the SVG went.
protocol Drawing: Rendering {
    /// What is drawn, as JSON and the notes under the drawing say it.
    var figure: Report { get }
    /// The --svg file the SVG format was written to, nil for the terminal.
    var svgPath: String? { get }
    /// The terminal format: the drawing in columns of text, coloured when `colour`.
    func terminal(colour: Bool) -> String
    /// The SVG format: a standalone SVG document.
    var svg: String { get }
}

extension Drawing {
    func text(style: Style, width: Int?) -> String {
        let drawn = svgPath.map { "wrote \($0)" } ?? terminal(colour: style.colour)
        return TextFormat.text(Report([.line(StyledText(drawn))]) + figure.fields, style: style, width: width)
    }

    var json: JSON { JSONFormat.json(figure) }
}

/// How a terminal drawing is laid out: columns in all, rows of the plot area, ASCII or braille.
struct TerminalLayout {
    var columns: Int
    var rows: Int
    var ascii: Bool
}
