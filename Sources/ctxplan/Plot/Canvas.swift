/// A character grid that curves are drawn on: in braille (2 x 4 dots a cell, the default) or
/// in plain ASCII (one glyph a cell). Each cell keeps the colour of the last thing drawn on it.
struct Canvas {
    let columns: Int
    let rows: Int
    let braille: Bool
    private(set) var glyphs: [[Character?]]
    private(set) var dots: [[UInt8]]
    private(set) var colors: [[Int?]]

    init(columns: Int, rows: Int, braille: Bool) {
        self.columns = columns
        self.rows = rows
        self.braille = braille
        glyphs = Array(repeating: Array(repeating: nil, count: columns), count: rows)
        dots = Array(repeating: Array(repeating: 0, count: columns), count: rows)
        colors = Array(repeating: Array(repeating: nil, count: columns), count: rows)
    }

    /// Sub-cell resolution: dots per cell across and down.
    var xScale: Int { braille ? 2 : 1 }
    var yScale: Int { braille ? 4 : 1 }
    var width: Int { columns * xScale }
    var height: Int { rows * yScale }

    /// The cell holding fraction (fx, fy) of the plot area, fy = 0 at the bottom.
    func cell(_ fx: Double, _ fy: Double) -> (column: Int, row: Int)? {
        guard fx.isFinite, fy.isFinite, fx >= -1e-9, fx <= 1 + 1e-9, fy >= -1e-9, fy <= 1 + 1e-9 else { return nil }
        let column = min(columns - 1, max(0, Int((fx * Double(columns - 1)).rounded())))
        let row = min(rows - 1, max(0, Int(((1 - fy) * Double(rows - 1)).rounded())))
        return (column, row)
    }

    /// A curve through points given as fractions of the plot area, joined by straight segments.
    mutating func polyline(_ points: [(Double, Double)], glyph: Character, color: Int) {
        let pixels = points.map { (fx, fy) -> (Int, Int) in
            (Int((fx * Double(width - 1)).rounded()), Int(((1 - min(max(fy, 0), 1)) * Double(height - 1)).rounded()))
        }
        guard var previous = pixels.first else { return }
        plot(previous, glyph: glyph, color: color)
        for pixel in pixels.dropFirst() {
            line(from: previous, to: pixel, glyph: glyph, color: color)
            previous = pixel
        }
    }

    /// A single glyph at a point, drawn over anything beneath it.
    mutating func mark(_ fx: Double, _ fy: Double, glyph: Character, color: Int?) {
        guard let (c, r) = cell(fx, fy) else { return }
        glyphs[r][c] = glyph
        colors[r][c] = color
    }

    /// A vertical rule at fraction fx, under whatever is drawn later.
    mutating func rule(_ fx: Double, glyph: Character) {
        guard let (c, _) = cell(fx, 0) else { return }
        for r in 0..<rows where glyphs[r][c] == nil && dots[r][c] == 0 { glyphs[r][c] = glyph }
    }

    /// Bresenham's line between two dots.
    private mutating func line(from a: (Int, Int), to b: (Int, Int), glyph: Character, color: Int) {
        var (x, y) = a
        let dx = abs(b.0 - x)
        let dy = -abs(b.1 - y)
        let sx = x < b.0 ? 1 : -1
        let sy = y < b.1 ? 1 : -1
        var error = dx + dy
        while true {
            plot((x, y), glyph: glyph, color: color)
            if x == b.0 && y == b.1 { return }
            let e2 = 2 * error
            if e2 >= dy {
                error += dy
                x += sx
            }
            if e2 <= dx {
                error += dx
                y += sy
            }
        }
    }

    private mutating func plot(_ p: (Int, Int), glyph: Character, color: Int) {
        guard p.0 >= 0, p.0 < width, p.1 >= 0, p.1 < height else { return }
        let c = p.0 / xScale
        let r = p.1 / yScale
        if braille {
            // Braille dot numbering: column 0 rows 0-2 are bits 0-2, row 3 is bit 6;
            // column 1 rows 0-2 are bits 3-5, row 3 is bit 7.
            let dx = p.0 % 2
            let dy = p.1 % 4
            let bit: UInt8 = dy == 3 ? (dx == 0 ? 0x40 : 0x80) : UInt8(1 << (dy + 3 * dx))
            dots[r][c] |= bit
            if glyphs[r][c] == "│" || glyphs[r][c] == "|" { glyphs[r][c] = nil }
        } else {
            glyphs[r][c] = glyph
        }
        colors[r][c] = color
    }

    /// The character of a cell: its glyph, else its braille dots, else a space.
    func character(column: Int, row: Int) -> Character {
        if let glyph = glyphs[row][column] { return glyph }
        let d = dots[row][column]
        return d == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(d))!)
    }
}
