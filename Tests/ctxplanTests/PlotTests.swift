import Foundation
import XCTest

#if canImport(FoundationXML)
import FoundationXML
#endif

final class PlotTests: XCTestCase {
    static let presets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Presets").standardizedFileURL.path

    /// Counts elements by class while checking that the document is well-formed XML.
    final class ClassCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            for cls in (attributes["class"] ?? "").split(separator: " ") { counts[String(cls), default: 0] += 1 }
        }
    }

    func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    /// The bundled observations that fall on a curve: the model's checkpoint at the limit, prompts
    /// within the drawn range. Computed here from the preset files, not by the program.
    func expectedObservations(task: String, checkpoints: [String], low: Double, high: Double) throws -> (
        all: Int, heldOut: Int
    ) {
        let prompt = try json(Self.presets + "/tasks/\(task).json")["prompt"] as! [String: Double]
        let rows = try String(contentsOfFile: Self.presets + "/observations/paper-tables-8-10.csv", encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        var all = 0
        var held = 0
        for row in rows where row[0] == task && checkpoints.contains(row[1]) {
            let n = prompt["base_tokens"]! + Double(row[3])! * prompt["shot_tokens"]!
            guard n >= low && n <= high else { continue }
            all += 1
            if n > 10_000 { held += 1 }
        }
        return (all, held)
    }

    func testSVGIsXMLWithOneSeriesPerCurveAndOneMarkPerObservation() throws {
        let dir = TestFolders.path("plot")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let svg = dir + "/plot.svg"
        let r = try Harness.run([
            "plot", "--task", "arithmetic", "--model", "llama-2-7b", "--model", "llama-2-13b", "--nctx", "8k", "--nctx",
            "128k", "--svg", svg,
        ])
        XCTAssertEqual(r.status, 0, r.stderr)
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg)))
        let counter = ClassCounter()
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(counter.counts["series"], 4)
        let low = 78.17 + 75.74
        let high = 2 * 131_072.0
        let expected = try expectedObservations(
            task: "arithmetic",
            checkpoints: [
                "Yarn-Llama-2-7B-8k", "Yarn-Llama-2-13B-8k", "Yarn-Llama-2-7B-128k", "Yarn-Llama-2-13B-128k",
            ], low: low, high: high)
        XCTAssertEqual(counter.counts["observation"], expected.all)
        XCTAssertEqual(counter.counts["heldout"], expected.heldOut)
        XCTAssertGreaterThan(expected.heldOut, 0)
        XCTAssertEqual(counter.counts["limit"], 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir)
        XCTAssertEqual(leftovers, ["plot.svg"], "written through a temporary file, none left behind")
    }

    /// A fixed-width ASCII rendering, checked cell for cell.
    func testTerminalPlotAtAFixedWidth() throws {
        let r = try Harness.run([
            "plot", "--task", "translation", "--model", "llama-2-7b", "--ascii", "--width", "60", "--height", "8",
        ])
        XCTAssertEqual(r.status, 0, r.stderr)
        let expected = """
            translation: predicted bleu4 against prompt length
               0.2+                                           |
                  |                                    o      |
              0.15+o********o********o********o****************
                  |                                           *
               0.1+                                           *
              0.05+                                           * o
                  |                                           *
                 0+                                           **********
                  +-----+------------------+------------------+---------
                       256                1k                 4k
                   prompt tokens (log scale)
              *** Llama-2-7B
              o observed   | context limit

            """
        XCTAssertEqual(r.stdout, expected)
    }

    /// The same plot in braille: two dots across and four down per cell, the limit's rule
    /// giving way where the curve crosses it.
    func testBraillePlotAtAFixedWidth() throws {
        let r = try Harness.run([
            "plot", "--task", "translation", "--model", "llama-2-7b", "--width", "60", "--height", "8",
        ])
        XCTAssertEqual(r.status, 0, r.stderr)
        let expected = """
            translation: predicted bleu4 against prompt length
               0.2┤                                           │
                  │                                    ●      │
              0.15┤●⠤⠤⠤⠤⠤⠤⠤⠤●⠤⠤⠤⠤⠤⠤⠤⠤●⠤⠤⠤⠤⠤⠤⠤⠤●⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⡄
                  │                                           ⡇
               0.1┤                                           ⡇
              0.05┤                                           ⡇ ●
                  │                                           ⡇
                 0┤                                           ⣇⣀⣀⣀⣀⣀⣀⣀⣀⣀
                  └─────┬──────────────────┬──────────────────┬─────────
                       256                1k                 4k
                   prompt tokens (log scale)
              ─── Llama-2-7B
              ● observed   │ context limit

            """
        XCTAssertEqual(r.stdout, expected)
    }

    /// At each x tick, the drawn curve lies within one cell of Eq. (1) evaluated by hand.
    func testCurveMatchesTheLawAtEveryTick() throws {
        let task = try json(Self.presets + "/tasks/commonsense.json")
        let p = task["parameters"] as! [String: Double]
        let model = try json(Self.presets + "/models/llama-2-13b.json")
        let flops = 6 * (model["non_embedding_params"] as! Double) * (model["pretrain_tokens"] as! Double)
        let limit = 4096.0
        func law(_ n: Double) -> Double {
            (1 - exp(-p["A"]! * pow(flops / p["Cc"]!, p["alpha"]!)))
                * (1 - exp(-p["B"]! * pow(n / p["nc"]!, p["beta"]!)))
                / (1 + exp(-(limit - n)))
        }
        let rows = 20
        let r = try Harness.run([
            "plot", "--task", "commonsense", "--model", "llama-2-13b", "--ascii", "--width", "100", "--height",
            String(rows),
        ])
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let plotLines = Array(lines[1...rows])
        let axis = lines[rows + 1]
        let tickLabels = lines[rows + 2]
        let tickColumns = axis.enumerated().filter { $0.offset > 6 && $0.element == "+" }.map(\.offset)
        XCTAssertGreaterThanOrEqual(tickColumns.count, 3)
        // y axis: the top tick label is the axis maximum.
        let top = Double(plotLines[0].prefix(6).trimmingCharacters(in: .whitespaces))!
        for column in tickColumns {
            let label = tickLabels.dropFirst(max(0, column - 3)).prefix(6).trimmingCharacters(in: .whitespaces)
            let tokens = label.hasSuffix("k") ? Double(label.dropLast())! * 1024 : Double(label)!
            let expectedRow = Int(((1 - law(tokens) / top) * Double(rows - 1)).rounded())
            let drawn = plotLines.indices.filter { row in
                let chars = Array(plotLines[row])
                return column < chars.count && chars[column] == "*"
            }
            XCTAssertTrue(
                drawn.contains { abs($0 - expectedRow) <= 1 },
                "at \(label): drawn rows \(drawn), law row \(expectedRow)")
        }
    }

    func testFromAPipeItDrawsAtEightyColumns() throws {
        let r = try Harness.run(["plot", "--task", "arithmetic"])
        XCTAssertEqual(r.status, 0)
        let widths = r.stdout.split(separator: "\n").map(\.count)
        XCTAssertEqual(widths.max(), 80)
        XCTAssertFalse(r.stdout.contains("\u{1B}["), "no colour from a pipe")
    }

    func testPlotAfterAPlanningAnswerMarksIt() throws {
        let session = "set task arithmetic\nshots --model llama-2-13b --nctx 16k\nplot --json\n"
        let r = try Harness.run([], stdin: session)
        XCTAssertEqual(r.status, 0, r.stderr)
        let last = r.stdout.split(separator: "\n").last!
        let plot = try JSONSerialization.jsonObject(with: Data(last.utf8)) as! [String: Any]
        let marks = plot["marks"] as! [[String: Any]]
        XCTAssertEqual(marks.map { ($0["label"] as! String).prefix(4) }, ["knee", "best"])
        XCTAssertEqual((plot["series"] as! [[String: Any]]).count, 1)
    }

    func testHeatmapSVGOutlinesTheFitRegion() throws {
        let svg = TestFolders.path("heat", suffix: ".svg")
        XCTAssertEqual(try Harness.run(["heatmap", "--task", "arithmetic", "--nctx", "32k", "--svg", svg]).status, 0)
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg)))
        let counter = ClassCounter()
        parser.delegate = counter
        XCTAssertTrue(parser.parse())
        XCTAssertEqual(counter.counts["fit-region"], 1)
        XCTAssertEqual(counter.counts["cell"], 60 * 30)
    }

    /// A valid task whose every score is below 1e-9 (A = 1e-10 is inside Table 3's bounds): the
    /// score axis once rounded to a height of 0, and the terminal plot trapped on 0 / 0 while the
    /// SVG wrote `inf` coordinates. The axis must keep one step, 0 to 0.01.
    func testATaskOfTinyScoresDrawsOnAnAxisOfOneStep() throws {
        let dir = TestFolders.path("tiny")
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        let task =
            #"{"name": "tiny", "metric": "accuracy", "law": "paper", "parameters": {"A": 1e-10, "#
            + #""Cc": 1e18, "alpha": 1, "B": 1e-10, "nc": 100, "beta": 0.5}, "#
            + #""prompt": {"base_tokens": 1, "shot_tokens": 1}}"#
        try task.write(toFile: dir + "/tasks/tiny.json", atomically: false, encoding: .utf8)
        let base = ["plot", "--task", "tiny", "--model", "gemma-2-2b", "--presets", dir]
        let text = try Harness.run(base + ["--ascii", "--width", "60", "--height", "8"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let labels = text.stdout.split(separator: "\n").compactMap { line -> String? in
            let label = line.prefix(6).trimmingCharacters(in: .whitespaces)
            return label.isEmpty || line.dropFirst(6).first != "+" ? nil : label
        }
        XCTAssertEqual(labels, ["0.01", "0"])
        let svg = dir + "/tiny.svg"
        let drawn = try Harness.run(base + ["--svg", svg])
        XCTAssertEqual(drawn.status, 0, drawn.stderr)
        let document = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertNil(
            document.range(of: #"[ "(,A-Z]-?(inf|nan)[ ",)]"#, options: [.regularExpression, .caseInsensitive]),
            "no non-finite coordinate")
    }
}
