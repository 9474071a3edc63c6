import Foundation
import Planner

/// Writes plots as standalone SVG: labelled axes with log ticks, a legend and a title, in the
/// paper's colours (red, blue, then others). Every element a test or a script may look for has
/// a class: `series`, `observation`, `heldout`, `limit`, `mark`.
enum SVG {
    static let colors = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#17becf", "#ff7f0e"]
    /// Stroke patterns, so that curves drawn over one another stay apart without colour: five
    /// against six colours, 30 curves before a pair repeats.
    static let dashes = ["", "8 4", "2 3", "12 3 2 3", "5 5"]
    /// Marker shapes around (0, 0), placed along each curve where no other curve's are: a
    /// square, triangles up and down, a plus and a cross.
    static let markers = [
        "M-3 -3 H3 V3 H-3 Z", "M0 -4 L3.5 3 L-3.5 3 Z", "M0 4 L3.5 -3 L-3.5 -3 Z", "M-4 0 H4 M0 -4 V4",
        "M-3 -3 L3 3 M-3 3 L3 -3",
    ]
    static let width = 880.0, height = 460.0
    static let left = 70.0, right = 300.0, top = 44.0, bottom = 60.0

    static func plot(_ data: PlotData) -> String {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let px = { (x: Double) in left + Axis.logFraction(x, data.xRange) * plotWidth }
        let py = { (y: Double) in top + (1 - Axis.linearFraction(y, data.yRange)) * plotHeight }
        var body: [String] = []
        body.append(frame(title: data.title.text, xLabel: "prompt tokens (log scale)", yLabel: "predicted score"))
        for tick in Axis.scoreTicks(data.yRange) {
            let y = format(py(tick))
            body.append(
                "<line class=\"grid\" x1=\"\(format(left))\" y1=\"\(y)\" x2=\"\(format(left + plotWidth))\" y2=\"\(y)\" stroke=\"#e5e5e5\"/>"
            )
            body.append(
                "<text x=\"\(format(left - 8))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(Axis.scoreLabel(tick))</text>"
            )
        }
        for tick in Axis.tokenTicks(data.xRange, most: 8) {
            let x = format(px(tick))
            body.append(
                "<line class=\"grid\" x1=\"\(x)\" y1=\"\(format(top))\" x2=\"\(x)\" y2=\"\(format(top + plotHeight))\" stroke=\"#e5e5e5\"/>"
            )
            body.append(
                "<text x=\"\(x)\" y=\"\(format(top + plotHeight + 18))\" text-anchor=\"middle\">\(Axis.tokenLabel(tick))</text>"
            )
        }
        for limit in data.limits {
            let x = format(px(limit))
            body.append(
                "<line class=\"limit\" x1=\"\(x)\" y1=\"\(format(top))\" x2=\"\(x)\" y2=\"\(format(top + plotHeight))\" stroke=\"#888\" stroke-dasharray=\"4 3\"><title>context limit \(Quantities.formatContext(limit))</title></line>"
            )
        }
        for (i, series) in data.series.enumerated() {
            let d = series.points.enumerated().map { k, p in
                (k == 0 ? "M" : "L") + format(px(p.x)) + " " + format(py(p.y))
            }.joined(separator: " ")
            body.append(
                "<path class=\"series\" data-label=\"\(escape(series.label.text))\" d=\"\(d)\" fill=\"none\" \(stroke(i))/>"
            )
        }
        if data.series.count > 1 {
            body += seriesMarkers(data) { (px($0), py(min(max($1, data.yRange.lowerBound), data.yRange.upperBound))) }
        }
        for point in data.observations {
            let c = color(point.series)
            let fill = point.heldOut ? "white" : c
            body.append(
                "<circle class=\"observation\(point.heldOut ? " heldout" : "")\" cx=\"\(format(px(point.x)))\" cy=\"\(format(py(point.y)))\" r=\"3.5\" fill=\"\(fill)\" stroke=\"\(c)\" stroke-width=\"1.5\"/>"
            )
        }
        for mark in data.marks {
            let x = px(mark.x)
            let y = py(mark.y)
            body.append(
                "<path class=\"mark\" d=\"M\(format(x)) \(format(y - 7)) L\(format(x + 7)) \(format(y)) L\(format(x)) \(format(y + 7)) L\(format(x - 7)) \(format(y)) Z\" fill=\"black\"><title>\(escape(mark.label))</title></path>"
            )
        }
        var legend: [(String, String)] = data.series.enumerated().map { i, series in
            let marker = data.series.count > 1 ? marker(i, x: 11, y: 0, class: "legend-marker") : ""
            return ("<line x1=\"0\" y1=\"0\" x2=\"22\" y2=\"0\" \(stroke(i))/>" + marker, series.label.text)
        }
        if data.observations.contains(where: { !$0.heldOut }) {
            legend.append(("<circle cx=\"11\" cy=\"0\" r=\"3.5\" fill=\"#555\"/>", "observed"))
        }
        if data.observations.contains(where: { $0.heldOut }) {
            legend.append(
                (
                    "<circle cx=\"11\" cy=\"0\" r=\"3.5\" fill=\"white\" stroke=\"#555\" stroke-width=\"1.5\"/>",
                    "held out (n_pmt > 10,000)"
                ))
        }
        if !data.limits.isEmpty {
            legend.append(
                (
                    "<line x1=\"11\" y1=\"-7\" x2=\"11\" y2=\"7\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>",
                    "context limit"
                ))
        }
        for mark in data.marks { legend.append(("<path d=\"M11 -6 L17 0 L11 6 L5 0 Z\" fill=\"black\"/>", mark.label)) }
        body.append(legendGroup(legend, x: left + plotWidth + 16, y: top + 10))
        return document(body)
    }

    static func heatmap(_ data: HeatmapData) -> String {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let prompts = data.prompts.first!...data.prompts.last!
        let computes = data.computes.first!...data.computes.last!
        let px = { (x: Double) in left + Axis.logFraction(x, prompts) * plotWidth }
        let py = { (c: Double) in top + (1 - Axis.logFraction(c, computes)) * plotHeight }
        let cellWidth = plotWidth / Double(data.prompts.count)
        let cellHeight = plotHeight / Double(data.computes.count)
        var body = [
            frame(
                title: data.title.text, xLabel: "prompt tokens (log scale)",
                yLabel: "training compute, FLOPs (log scale)")
        ]
        for (i, row) in data.scores.enumerated() {
            for (j, score) in row.enumerated() {
                let x = left + Double(j) * cellWidth
                let y = top + plotHeight - Double(i + 1) * cellHeight
                body.append(
                    "<rect class=\"cell\" x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(cellWidth + 0.5))\" height=\"\(format(cellHeight + 0.5))\" fill=\"\(ramp(score))\"/>"
                )
            }
        }
        for tick in Axis.tokenTicks(prompts, most: 8) {
            body.append(
                "<text x=\"\(format(px(tick)))\" y=\"\(format(top + plotHeight + 18))\" text-anchor=\"middle\">\(Axis.tokenLabel(tick))</text>"
            )
        }
        for tick in Axis.computeTicks(computes) {
            body.append(
                "<text x=\"\(format(left - 8))\" y=\"\(format(py(tick)))\" text-anchor=\"end\" dominant-baseline=\"middle\">1e\(Int(log10(tick).rounded()))</text>"
            )
        }
        if let r = data.fitRange {
            let x0 = px(max(r.nPmtMin, prompts.lowerBound))
            let x1 = px(min(r.nPmtMax, prompts.upperBound))
            let y0 = py(min(r.computeMax, computes.upperBound))
            let y1 = py(max(r.computeMin, computes.lowerBound))
            body.append(
                "<rect class=\"fit-region\" x=\"\(format(x0))\" y=\"\(format(y0 - 1))\" width=\"\(format(x1 - x0))\" height=\"\(format(max(2, y1 - y0 + 2)))\" fill=\"none\" stroke=\"white\" stroke-width=\"2\" stroke-dasharray=\"6 3\"><title>the region the fit saw</title></rect>"
            )
        }
        let nx = format(px(data.nCtx))
        body.append(
            "<line class=\"limit\" x1=\"\(nx)\" y1=\"\(format(top))\" x2=\"\(nx)\" y2=\"\(format(top + plotHeight))\" stroke=\"white\" stroke-dasharray=\"4 3\"/>"
        )
        var legend: [(String, String)] = stride(from: 1.0, through: 0.0, by: -0.25).map {
            ("<rect x=\"0\" y=\"-6\" width=\"22\" height=\"12\" fill=\"\(ramp($0))\"/>", "score \(Axis.scoreLabel($0))")
        }
        legend.append(
            (
                "<rect x=\"0\" y=\"-6\" width=\"22\" height=\"12\" fill=\"#777\" stroke=\"white\" stroke-dasharray=\"6 3\"/>",
                "region the fit saw"
            ))
        legend.append(
            ("<line x1=\"11\" y1=\"-7\" x2=\"11\" y2=\"7\" stroke=\"#777\" stroke-dasharray=\"4 3\"/>", "context limit")
        )
        body.append(legendGroup(legend, x: left + plotWidth + 16, y: top + 10))
        return document(body)
    }

    /// A dark-to-bright ramp (after viridis) for scores in [0, 1].
    static func ramp(_ score: Double) -> String {
        let stops: [(Double, Double, Double)] = [
            (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
        ]
        let t = min(max(score, 0), 1) * Double(stops.count - 1)
        let i = min(Int(t), stops.count - 2)
        let f = t - Double(i)
        let mix = { (a: Double, b: Double) in Int((a + f * (b - a)).rounded()) }
        return String(
            format: "#%02x%02x%02x", mix(stops[i].0, stops[i + 1].0), mix(stops[i].1, stops[i + 1].1),
            mix(stops[i].2, stops[i + 1].2))
    }

    private static func frame(title: String, xLabel: String, yLabel: String) -> String {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        return """
            <text class="title" x="\(format(width / 2))" y="24" text-anchor="middle" font-size="15" font-weight="bold">\(escape(title))</text>
            <rect x="\(format(left))" y="\(format(top))" width="\(format(plotWidth))" height="\(format(plotHeight))" fill="none" stroke="#333"/>
            <text x="\(format(left + plotWidth / 2))" y="\(format(height - 14))" text-anchor="middle">\(escape(xLabel))</text>
            <text x="18" y="\(format(top + plotHeight / 2))" text-anchor="middle" transform="rotate(-90 18 \(format(top + plotHeight / 2)))">\(escape(yLabel))</text>
            """
    }

    private static func legendGroup(_ entries: [(String, String)], x: Double, y: Double) -> String {
        var parts = ["<g class=\"legend\" transform=\"translate(\(format(x)) \(format(y)))\">"]
        for (k, entry) in entries.enumerated() {
            let dy = Double(k) * 20
            parts.append(
                "<g transform=\"translate(0 \(format(dy)))\">\(entry.0)<text x=\"30\" y=\"0\" dominant-baseline=\"middle\">\(escape(entry.1))</text></g>"
            )
        }
        parts.append("</g>")
        return parts.joined(separator: "\n")
    }

    private static func document(_ body: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        \(body.joined(separator: "\n"))
        </svg>

        """
    }

    private static func color(_ i: Int) -> String { colors[i % colors.count] }

    /// Series i's colour and stroke pattern.
    private static func stroke(_ i: Int) -> String {
        let dash = dashes[i % dashes.count]
        return "stroke=\"\(color(i))\" stroke-width=\"2\"" + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")
    }

    /// Series i's marker shape at (x, y).
    private static func marker(_ i: Int, x: Double, y: Double, class name: String = "series-marker") -> String {
        "<path class=\"\(name)\" data-series=\"\(i)\" transform=\"translate(\(format(x)) \(format(y)))\" "
            + "d=\"\(markers[i % markers.count])\" fill=\"\(color(i))\" stroke=\"\(color(i))\" stroke-width=\"1.5\"/>"
    }

    /// Markers along each curve, staggered as the terminal plot staggers its marks: in every
    /// tenth of the axis each curve has its own place.
    private static func seriesMarkers(_ data: PlotData, at point: (Double, Double) -> (Double, Double)) -> [String] {
        let count = data.series.count
        let slots = 10
        return data.series.enumerated().flatMap { i, series in
            (0..<slots).compactMap { slot -> String? in
                let fx = (Double(slot) + (Double(i) + 0.5) / Double(count)) / Double(slots)
                guard let y = series.score(atFraction: fx, of: data.xRange) else { return nil }
                let x = data.xRange.lowerBound * pow(data.xRange.upperBound / data.xRange.lowerBound, fx)
                let (sx, sy) = point(x, y)
                return marker(i, x: sx, y: sy)
            }
        }
    }

    static func format(_ v: Double) -> String { String(format: "%.1f", v) }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
