import Foundation
import Planner

/// A heatmap in the terminal: one cell per grid point, shaded by score, the fit's region framed.
struct TerminalHeatmap {
    var data: HeatmapData
    var ascii: Bool
    var color: Bool

    static let gutter = 8
    static let asciiRamp = Array(" .:-=+*%@")  // no "#": it frames the fit region
    static let unicodeRamp = Array(" ░▒▓█")

    func render() -> String {
        // The shading spans 0 to the largest score shown, so a task that never passes 0.2 still
        // uses every shade. Found once: per cell, it made a wide heatmap take minutes.
        let top = max(1e-12, data.scores.joined().max() ?? 1)
        let rows = data.computes.count
        let columns = data.prompts.count
        let region = fitRegion()
        var lines = [data.title.text]
        for i in stride(from: rows - 1, through: 0, by: -1) {
            let exponent = log10(data.computes[i])
            let label =
                abs(exponent - exponent.rounded()) < 0.5 * log10(data.computes.last! / data.computes.first!)
                    / Double(max(1, rows - 1))
                ? "1e\(Int(exponent.rounded()))" : ""
            var line =
                String(repeating: " ", count: TerminalHeatmap.gutter - 1 - label.count) + label + (ascii ? "|" : "│")
            for j in 0..<columns {
                line += cell(
                    score: data.scores[i][j], top: top,
                    inside: region.map { $0.rows.contains(i) && $0.columns.contains(j) } ?? false,
                    border: region.map { isBorder(i, j, $0) } ?? false)
            }
            lines.append(line)
        }
        let prompts = data.prompts.first!...data.prompts.last!
        let labels = Axis.tokenTicks(prompts).map { tick in
            (
                column: Int((Axis.logFraction(tick, prompts) * Double(columns - 1)).rounded()),
                text: Axis.tokenLabel(tick)
            )
        }
        let pad = String(repeating: " ", count: TerminalHeatmap.gutter - 1)
        lines.append(pad + (ascii ? "+" : "└") + String(repeating: ascii ? "-" : "─", count: columns))
        lines.append(pad + " " + Axis.labelLine(labels, width: columns))
        lines.append(pad + " prompt tokens (log scale); rows: training FLOPs (log scale)")
        let ramp = ascii ? TerminalHeatmap.asciiRamp : TerminalHeatmap.unicodeRamp
        lines.append(
            pad + " score 0 " + String(ramp) + " " + Axis.scoreLabel(top) + "   " + (ascii ? "#" : "▪")
                + ": frame of the region the fit saw")
        return lines.map(\.trimmingTrailingSpaces).joined(separator: "\n")
    }

    private func cell(score: Double, top: Double, inside: Bool, border: Bool) -> String {
        let ramp = ascii ? TerminalHeatmap.asciiRamp : TerminalHeatmap.unicodeRamp
        let index = min(ramp.count - 1, max(0, Int((score / top * Double(ramp.count - 1)).rounded())))
        var ch = String(ramp[index])
        if border { ch = ascii ? "#" : "▪" }
        guard color else { return ch }
        // 256-colour greys from dark to light, so the shading reads even without the glyphs.
        let grey = 232 + Int((min(max(score / top, 0), 1) * 23).rounded())
        // A yellow frame, or the glyph in white, on the grey.
        return Style(colour: color).painted(ch, "48;5;\(grey);\(border ? 33 : 37)")
    }

    private struct Region {
        var rows: ClosedRange<Int>
        var columns: ClosedRange<Int>
    }

    /// Grid rows and columns inside the compute and prompt range the fit saw.
    private func fitRegion() -> Region? {
        guard let r = data.fitRange else { return nil }
        let rows = data.computes.indices.filter {
            data.computes[$0] >= r.computeMin * 0.999 && data.computes[$0] <= r.computeMax * 1.001
        }
        let columns = data.prompts.indices.filter {
            data.prompts[$0] >= r.nPmtMin * 0.999 && data.prompts[$0] <= r.nPmtMax * 1.001
        }
        // A range narrower than one grid step still gets the nearest row.
        let nearestRow = data.computes.indices.min {
            abs(log(data.computes[$0] / r.computeMin)) < abs(log(data.computes[$1] / r.computeMin))
        }!
        let rowRange = rows.isEmpty ? nearestRow...nearestRow : rows.first!...rows.last!
        guard let c0 = columns.first, let c1 = columns.last else { return nil }
        return Region(rows: rowRange, columns: c0...c1)
    }

    private func isBorder(_ i: Int, _ j: Int, _ region: Region) -> Bool {
        let onRows = i == region.rows.lowerBound - 1 || i == region.rows.upperBound + 1
        let onColumns = j == region.columns.lowerBound - 1 || j == region.columns.upperBound + 1
        let withinRows = (region.rows.lowerBound - 1...region.rows.upperBound + 1).contains(i)
        let withinColumns = (region.columns.lowerBound - 1...region.columns.upperBound + 1).contains(j)
        return (onRows && withinColumns) || (onColumns && withinRows)
    }
}
