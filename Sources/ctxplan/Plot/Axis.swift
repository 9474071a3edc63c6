import Foundation
import Planner

/// Tick positions and labels for the plots' axes.
enum Axis {
    /// Ticks on a log axis of prompt tokens: powers of 4 from 1k (1k, 4k, 16k, 64k), extended
    /// down by powers of 4 (256, 64) and thinned so that at most `most` remain.
    static func tokenTicks(_ range: ClosedRange<Double>, most: Int = 6) -> [Double] {
        var ticks = (-4...8).map { 1024 * pow(4, Double($0)) }.filter { range.contains($0) }
        while ticks.count > most { ticks = stride(from: 0, to: ticks.count, by: 2).map { ticks[$0] } }
        return ticks
    }

    /// A line of labels, each centred under its column and kept inside `width`.
    static func labelLine(_ labels: [(column: Int, text: String)], width: Int) -> String {
        var line = Array(repeating: Character(" "), count: width)
        for (column, text) in labels {
            let chars = Array(text)
            let start = max(0, min(column - chars.count / 2, width - chars.count))
            for (k, ch) in chars.enumerated() where start + k < width { line[start + k] = ch }
        }
        return String(line)
    }

    static func tokenLabel(_ tokens: Double) -> String {
        tokens >= 1024 ? Quantities.formatContext(tokens) : String(Int(tokens))
    }

    /// Ticks on a log axis of FLOPs: the powers of ten inside the range.
    static func computeTicks(_ range: ClosedRange<Double>) -> [Double] {
        let low = Int(log10(range.lowerBound).rounded(.up))
        let high = Int(log10(range.upperBound).rounded(.down))
        guard low <= high else { return [] }
        return (low...high).map { pow(10, Double($0)) }
    }

    /// Score ticks at a round step (0.01 to 0.25) from 0, at most six of them below the top.
    static func scoreTicks(_ range: ClosedRange<Double>) -> [Double] {
        let step = Planner.scoreStep(range.upperBound - range.lowerBound)
        return stride(from: range.lowerBound, through: range.upperBound + 1e-9, by: step).map { $0 }
    }

    static func scoreLabel(_ value: Double) -> String {
        Quantities.trimmed(String(format: "%.3f", value))
    }

    /// Position in [0, 1] of `value` on a log axis.
    static func logFraction(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        (log(value) - log(range.lowerBound)) / (log(range.upperBound) - log(range.lowerBound))
    }

    static func linearFraction(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        (value - range.lowerBound) / (range.upperBound - range.lowerBound)
    }
}
