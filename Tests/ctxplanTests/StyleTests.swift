import Foundation
import XCTest

@testable import ctxplan

/// Colour: written by Style alone, taking no width, and adding nothing but escapes.
final class StyleTests: XCTestCase {
    /// Style's escapes: ESC [ parameters m.
    private func withoutEscapes(_ text: String) -> String {
        text.replacing(/\x{1B}\[[0-9;]*m/, with: "")
    }

    func testPaintedTextIsTheTextWithEscapesOfNoWidth() {
        let text = "knee ◆ 8k"
        for attributes in ["1", "31", "48;5;240;33"] {
            XCTAssertEqual(Style(colour: false).painted(text, attributes), text)
            let painted = Style(colour: true).painted(text, attributes)
            XCTAssertTrue(painted.hasPrefix("\u{1B}[\(attributes)m") && painted.hasSuffix("\u{1B}[0m"), painted)
            XCTAssertEqual(withoutEscapes(painted), text)
            XCTAssertEqual(Style.visibleWidth(painted), text.count)
        }
    }

    /// A table aligns coloured cells by what shows, not by the escapes' bytes.
    func testATableAlignsColouredCellsByTheirVisibleWidth() {
        let style = Style(colour: true)
        var coloured = TextBlock(style)
        var plain = TextBlock(Style(colour: false))
        coloured.table(["limit", "score"], [["8k", style.good("0.123")], ["128k", "0.1"]])
        plain.table(["limit", "score"], [["8k", "0.123"], ["128k", "0.1"]])
        XCTAssertEqual(withoutEscapes(coloured.text), plain.text)
    }

    /// On a terminal, plot and heatmap draw in colour; without the escapes, that is the same
    /// picture as from a pipe (whose lines end at the last glyph, where a heatmap's blank cells
    /// on a terminal are shaded, not trailing spaces).
    func testColouredPlotsAreThePlainOnesWithEscapes() throws {
        for command in ["plot --task arithmetic --model llama-2-7b --nctx 8k", "heatmap --task arithmetic --nctx 8k"] {
            let arguments = command.split(separator: " ").map(String.init) + ["--width", "70", "--height", "10"]
            let plain = try Harness.run(arguments)
            XCTAssertEqual(plain.status, 0, plain.stderr)
            let environment: [String: String?] = [
                "NO_COLOR": nil, "TERM": "xterm", "LANG": "C.UTF-8",
                "XDG_CONFIG_HOME": TestFolders.config,
            ]
            let command = ([Harness.binary.path] + arguments).joined(separator: " ")
            let screen = try Terminal.output(of: command, environment: environment)
                .replacingOccurrences(of: "\r\n", with: "\n")
            XCTAssertTrue(screen.contains("\u{1B}["), "\(command): colour on a terminal")
            let lines = withoutEscapes(screen).split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0).trimmingTrailingSpaces }
            XCTAssertEqual(lines.joined(separator: "\n"), plain.stdout, command)
        }
    }
}
