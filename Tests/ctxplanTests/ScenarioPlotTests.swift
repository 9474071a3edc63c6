import Foundation
import XCTest

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `plot` with several curves: each visible on its own, with its own legend entry, even where
/// curves coincide (an 8k and a 32k limit agree on every prompt below 8k).
final class ScenarioPlotTests: XCTestCase {
    /// The marks that tell curves apart, in order (TerminalPlot's glyphs).
    static let glyphs: [Character] = ["*", "+", "#", "%", "&", "$", "=", "~"]

    /// The plot area's rows: between the title and the x axis.
    func plotArea(_ output: String, height: Int) -> [String] {
        Array(output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[1...height])
    }

    func testRepeatedLimitsAndAListDrawTheSameDistinctCurves() throws {
        let base = ["plot", "--task", "arithmetic", "--model", "llama-2-7b", "--width", "78", "--height", "12"]
        let repeated = try Harness.run(base + ["--nctx", "8k", "--nctx", "32k"])
        let listed = try Harness.run(base + ["--nctx", "8k,32k"])
        XCTAssertEqual(repeated.status, 0, repeated.stderr)
        XCTAssertEqual(listed.stdout, repeated.stdout)
        let area = plotArea(listed.stdout, height: 12).map { Array($0.dropFirst(7)) }
        XCTAssertEqual(Set(area.joined().filter(Self.glyphs.contains)), ["*", "+"], "a mark of each curve")
        let legend = listed.stdout.split(separator: "\n").filter { $0.hasPrefix("  ─") }
        XCTAssertEqual(legend, ["  ─*─ Llama-2-7B extended to 8k", "  ─+─ Llama-2-7B extended to 32k"])
        // Between the limits the 8k curve's penalty is about 0 (sigma(8192 - n_pmt)) while the
        // 32k curve keeps its score: every mark of the first lies on the bottom row there, every
        // mark of the second above the middle.
        let rules = area[0].indices.filter { area[0][$0] == "│" }
        XCTAssertEqual(rules.count, 2)
        for (row, cells) in area.enumerated() {
            for (column, cell) in cells.enumerated() where column > rules[0] + 1 && column < rules[1] - 1 {
                if cell == "*" { XCTAssertEqual(row, 11, "the 8k curve past its limit, column \(column)") }
                if cell == "+" { XCTAssertLessThan(row, 6, "the 32k curve past 8k, column \(column)") }
            }
        }
    }

    func testEveryCurveHasItsMarkAndLegendEntry() throws {
        for ascii in [false, true] {
            let r = try Harness.run(
                [
                    "plot", "--task", "commonsense", "--model", "llama-2-7b,llama-2-13b", "--compute", "1e23",
                    "--nctx", "4k,16k", "--width", "90", "--height", "14",
                ] + (ascii ? ["--ascii"] : []))
            XCTAssertEqual(r.status, 0, r.stderr)
            let area = plotArea(r.stdout, height: 14).map { $0.dropFirst(7) }.joined()
            XCTAssertEqual(Set(area.filter(Self.glyphs.contains)), Set(Self.glyphs.prefix(6)), "ascii: \(ascii)")
            let legend = r.stdout.split(separator: "\n").filter { line in
                Self.glyphs.contains { line.hasPrefix(ascii ? "  \($0)\($0)\($0) " : "  ─\($0)─ ") }
            }
            XCTAssertEqual(legend.count, 6)
            XCTAssertEqual(Set(legend.map { $0.dropFirst(6) }).count, 6, "each curve named apart: \(legend)")
        }
    }

    /// Reads the SVG's curves and markers as XML.
    final class Curves: NSObject, XMLParserDelegate {
        var strokes: [String] = []
        var markers: [String: Int] = [:]
        var legendMarkers = 0
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch attributes["class"] {
            case "series": strokes.append((attributes["stroke"] ?? "") + " " + (attributes["stroke-dasharray"] ?? ""))
            case "series-marker": markers[attributes["data-series"] ?? "", default: 0] += 1
            case "legend-marker": legendMarkers += 1
            default: break
            }
        }
    }

    func testSVGCurvesHaveDistinctStrokesAndMarkers() throws {
        let svg = TestFolders.path("curves", suffix: ".svg")
        defer { try? FileManager.default.removeItem(atPath: svg) }
        let r = try Harness.run([
            "plot", "--task", "arithmetic", "--model", "llama-2-7b,llama-2-13b", "--nctx", "8k,32k", "--svg", svg,
        ])
        XCTAssertEqual(r.status, 0, r.stderr)
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg)))
        let curves = Curves()
        parser.delegate = curves
        XCTAssertTrue(parser.parse())
        XCTAssertEqual(curves.strokes.count, 4)
        XCTAssertEqual(Set(curves.strokes).count, 4, "colour and dash differ: \(curves.strokes)")
        XCTAssertEqual(curves.markers.keys.sorted(), ["0", "1", "2", "3"])
        XCTAssertTrue(curves.markers.values.allSatisfy { $0 >= 5 }, "\(curves.markers)")
        XCTAssertEqual(curves.legendMarkers, 4)
    }
}
