import Foundation

/// Terminal styling: colour only when standard output is a terminal and NO_COLOR is unset.
enum Style {
    nonisolated(unsafe) static var enabled: Bool = {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }()

    static func bold(_ s: String) -> String { wrap(s, "1") }
    static func dim(_ s: String) -> String { wrap(s, "2") }
    static func warn(_ s: String) -> String { wrap(s, "33") }
    static func good(_ s: String) -> String { wrap(s, "32") }
    static func bad(_ s: String) -> String { wrap(s, "31") }

    private static func wrap(_ s: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}

/// Aligned text: label columns padded to the widest label, tables with right-aligned numbers.
struct TextBlock {
    private var lines: [String] = []
    private var pairs: [(String, String)] = []

    /// A "label   value" line; labels are aligned when the block is rendered.
    mutating func field(_ label: String, _ value: String) { pairs.append((label, value)) }

    mutating func note(_ text: String) { flushPairs(); lines.append(Style.warn("note: ") + text) }

    mutating func line(_ text: String) { flushPairs(); lines.append(text) }

    /// A table with numbers right-aligned, as they read best, and the columns of words
    /// (`words`: the first by default) left-aligned.
    mutating func table(_ header: [String], _ rows: [[String]], words: Set<Int> = [0]) {
        flushPairs()
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(visibleWidth).max() ?? 0 }
        func render(_ cells: [String]) -> String {
            let line = cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - visibleWidth(c))
                return words.contains(i) ? c + pad : pad + c
            }.joined(separator: "  ")
            return line.trimmingTrailingSpaces
        }
        lines.append(Style.dim(render(header)))
        lines += rows.map(render)
    }

    /// Width on screen: colour escapes take none.
    private func visibleWidth(_ s: String) -> Int {
        var width = 0, inEscape = false
        for ch in s.unicodeScalars {
            if inEscape { if ch == "m" { inEscape = false } } else if ch == "\u{1B}" { inEscape = true } else { width += 1 }
        }
        return width
    }

    private mutating func flushPairs() {
        guard !pairs.isEmpty else { return }
        let width = pairs.map { visibleWidth($0.0) }.max() ?? 0
        lines += pairs.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        pairs = []
    }

    var text: String {
        var copy = self
        copy.flushPairs()
        return copy.lines.joined(separator: "\n")
    }
}

extension String {
    /// The text without the spaces that padding left at its end.
    var trimmingTrailingSpaces: String {
        String(reversed().drop(while: { $0 == " " }).reversed())
    }
}
