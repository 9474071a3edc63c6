import Foundation

/// Aligned text: label columns padded to the widest label, tables with right-aligned numbers.
struct TextBlock {
    let style: Style
    private var lines: [String] = []
    private var pairs: [(String, String)] = []

    init(_ style: Style) { self.style = style }

    /// A "label   value" line; labels are aligned when the block is rendered.
    mutating func field(_ label: String, _ value: String) { pairs.append((label, value)) }

    mutating func note(_ text: String) {
        flushPairs()
        lines.append(style.warn("note: ") + text)
    }

    mutating func line(_ text: String) {
        flushPairs()
        lines.append(text)
    }

    /// A table with numbers right-aligned, as they read best, and the columns of words
    /// (`words`: the first by default) left-aligned.
    mutating func table(_ header: [String], _ rows: [[String]], words: Set<Int> = [0]) {
        flushPairs()
        let widths = header.indices.map { i in
            ([header[i]] + rows.map { $0[i] }).map(Style.visibleWidth).max() ?? 0
        }
        func render(_ cells: [String]) -> String {
            let line = cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - Style.visibleWidth(c))
                return words.contains(i) ? c + pad : pad + c
            }.joined(separator: "  ")
            return line.trimmingTrailingSpaces
        }
        lines.append(style.dim(render(header)))
        lines += rows.map(render)
    }

    private mutating func flushPairs() {
        guard !pairs.isEmpty else { return }
        let width = pairs.map { Style.visibleWidth($0.0) }.max() ?? 0
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
