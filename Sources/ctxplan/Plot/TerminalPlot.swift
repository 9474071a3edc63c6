import Foundation
import Planner

/// Draws a PlotData in the terminal: braille curves (or ASCII with `ascii`), y ticks on the
/// left, log-scaled prompt-length ticks below, a legend, colour only when asked.
struct TerminalPlot {
    var data: PlotData
    /// Total width in columns, axis labels included.
    var width: Int
    /// Rows of the plot area.
    var height: Int = 16
    var ascii: Bool
    var color: Bool

    /// ANSI colours for the series, in order (red and blue first, as the paper's figures).
    static let palette = ["31", "34", "32", "35", "36", "33"]
    /// Glyphs for the series, in order: their ASCII curves, and the marks that tell curves apart.
    static let asciiGlyphs: [Character] = ["*", "+", "#", "%", "&", "$", "=", "~"]

    static let gutter = 7

    var plotColumns: Int { max(10, width - TerminalPlot.gutter) }

    func render() -> String {
        var canvas = Canvas(columns: plotColumns, rows: height, braille: !ascii)
        let fx = { (x: Double) in Axis.logFraction(x, data.xRange) }
        let fy = { (y: Double) in Axis.linearFraction(y, data.yRange) }
        for limit in data.limits { canvas.rule(fx(limit), glyph: ascii ? "|" : "│") }
        for (i, series) in data.series.enumerated() {
            canvas.polyline(series.points.map { (fx($0.x), fy($0.y)) }, glyph: glyph(i), color: i)
        }
        if data.series.count > 1 { markSeries(on: &canvas) }
        for point in data.observations {
            canvas.mark(
                fx(point.x), fy(point.y), glyph: point.heldOut ? (ascii ? "x" : "◇") : (ascii ? "o" : "●"),
                color: point.series)
        }
        for mark in data.marks { canvas.mark(fx(mark.x), fy(mark.y), glyph: ascii ? "@" : "◆", color: nil) }

        var lines: [String] = [data.title.text]
        let ticks = Axis.scoreTicks(data.yRange)
        let tickRows = Dictionary(ticks.map { (canvas.cell(0, fy($0))!.row, $0) }, uniquingKeysWith: { a, _ in a })
        for row in 0..<height {
            let label = tickRows[row].map { Axis.scoreLabel($0) } ?? ""
            let axis = tickRows[row] != nil ? (ascii ? "+" : "┤") : (ascii ? "|" : "│")
            var line = String(repeating: " ", count: TerminalPlot.gutter - 1 - label.count) + label + axis
            for column in 0..<canvas.columns {
                line += paint(canvas.character(column: column, row: row), canvas.colors[row][column])
            }
            lines.append(line)
        }
        lines += xAxis(canvas)
        lines += legend()
        return lines.map(\.trimmingTrailingSpaces).joined(separator: "\n")
    }

    /// Each curve's glyph at staggered columns along it, so that curves drawn over one another
    /// (an 8k and a 32k limit agree below 8k) each stay visible, and without colour tell apart.
    /// In every `spacing` columns each curve has its own column, so no two marks share one.
    private func markSeries(on canvas: inout Canvas) {
        let count = data.series.count
        let spacing = max(12, 3 * count)
        for (i, series) in data.series.enumerated() {
            let offset = (2 * i + 1) * spacing / (2 * count)
            for column in stride(from: offset, to: canvas.columns, by: spacing) {
                let fx = Double(column) / Double(canvas.columns - 1)
                guard let y = series.score(atFraction: fx, of: data.xRange) else { continue }
                let fy = min(max(Axis.linearFraction(y, data.yRange), 0), 1)
                canvas.mark(fx, fy, glyph: glyph(i), color: i)
            }
        }
    }

    private func glyph(_ series: Int) -> Character {
        TerminalPlot.asciiGlyphs[series % TerminalPlot.asciiGlyphs.count]
    }

    private func paint(_ ch: Character, _ colorIndex: Int?) -> String {
        guard ch != " ", let i = colorIndex else { return String(ch) }
        return paintString(String(ch), i)
    }

    /// The x axis line with tick marks, and the tick labels centred under them.
    private func xAxis(_ canvas: Canvas) -> [String] {
        let ticks = Axis.tokenTicks(data.xRange)
        var axis = Array(repeating: Character(ascii ? "-" : "─"), count: canvas.columns)
        var labels: [(column: Int, text: String)] = []
        for tick in ticks {
            guard let (column, _) = canvas.cell(Axis.logFraction(tick, data.xRange), 0) else { continue }
            axis[column] = ascii ? "+" : "┬"
            labels.append((column, Axis.tokenLabel(tick)))
        }
        let pad = String(repeating: " ", count: TerminalPlot.gutter - 1)
        return [
            pad + (ascii ? "+" : "└") + String(axis),
            pad + " " + Axis.labelLine(labels, width: canvas.columns),
            String(repeating: " ", count: TerminalPlot.gutter) + "prompt tokens (log scale)",
        ]
    }

    private func legend() -> [String] {
        var lines: [String] = []
        for (i, series) in data.series.enumerated() {
            // In braille, the curve's mark on its line, when there are marks.
            let marked = data.series.count > 1 ? "─\(glyph(i))─" : "───"
            let key = ascii ? String(repeating: glyph(i), count: 3) : marked
            lines.append("  " + paintString(key, i) + " " + series.label.text)
        }
        var keys: [String] = []
        if data.observations.contains(where: { !$0.heldOut }) { keys.append((ascii ? "o" : "●") + " observed") }
        if data.observations.contains(where: { $0.heldOut }) {
            keys.append((ascii ? "x" : "◇") + " held out (n_pmt > 10,000)")
        }
        if !data.limits.isEmpty { keys.append((ascii ? "|" : "│") + " context limit") }
        for mark in data.marks { keys.append((ascii ? "@ " : "◆ ") + mark.label) }
        if !keys.isEmpty { lines.append("  " + keys.joined(separator: "   ")) }
        return lines
    }

    private func paintString(_ s: String, _ i: Int) -> String {
        Style(colour: color).painted(s, TerminalPlot.palette[i % TerminalPlot.palette.count])
    }

    /// Columns of the terminal, or 80 when standard output is not one.
    static func terminalWidth() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 {
            return Int(size.ws_col)
        }
        return 80
    }
}
