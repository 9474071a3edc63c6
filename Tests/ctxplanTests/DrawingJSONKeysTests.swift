import Foundation
import XCTest

/// The JSON keys of the figures (plot, heatmap, figures), as JSONKeysTests checks every other
/// answer's: each case's sorted key paths must equal its golden file in
/// Tests/Fixtures/json-keys, recorded from the binary before figures were answers.
final class DrawingJSONKeysTests: XCTestCase {
    func testFigureJSONKeysAreUnchanged() throws {
        let cases: [(String, [String])] = [
            ("plot", ["plot", "--task", "arithmetic", "--nctx", "8k"]),
            (
                "plot-two-limits",
                ["plot", "--task", "commonsense", "--model", "llama-2-13b", "--nctx", "4k", "--nctx", "32k"]
            ),
            ("plot-extrapolated", ["plot", "--task", "arithmetic", "--compute", "1e30", "--nctx", "8k"]),
            ("heatmap", ["heatmap", "--task", "arithmetic", "--nctx", "32k"]),
            ("figures", ["figures", "--out", TestFolders.path("figures")]),
        ]
        for (name, arguments) in cases {
            let run = try Harness.run(arguments + ["--json"])
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            var paths = Set<String>()
            JSONKeysTests.keyPaths(object, under: nil, into: &paths)
            let file = JSONKeysTests.golden + "/" + name + ".txt"
            let golden = try String(contentsOfFile: file, encoding: .utf8)
            XCTAssertEqual(
                paths.sorted().joined(separator: "\n") + "\n", golden, "\(name): the keys differ from \(file)")
        }
    }

    /// The text under a drawing and the JSON's notes are one list: each note JSON gives is
    /// printed after the drawing, in order.
    func testTheNotesUnderAPlotAreItsJSONNotes() throws {
        let arguments = ["plot", "--task", "arithmetic", "--compute", "1e30", "--nctx", "8k"]
        let json = try Harness.run(arguments + ["--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let notes = try XCTUnwrap(object["notes"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        XCTAssertFalse(notes.isEmpty, "1e30 FLOPs lies past the fit's compute: a note says so")
        let text = try Harness.run(arguments)
        XCTAssertEqual(text.status, 0, text.stderr)
        let printed = text.stdout.split(separator: "\n").filter { $0.hasPrefix("note: ") }.map {
            String($0.dropFirst(6))
        }
        XCTAssertEqual(printed, notes)
    }
}
