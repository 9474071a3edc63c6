import ContextScaling
import Foundation
import XCTest

/// `--law floor --floor`, `--law auto` and compare's JSON, on a small generated CSV.
final class LawChoiceCommandTests: XCTestCase {
    /// Scores of a floor law (floor 0.25) without noise: four compute levels at 4k and 16k,
    /// prompts from 100 tokens to past both limits.
    static func csv() throws -> String {
        let law = ContextScalingLaw(
            LawParameters(A: 5, Cc: 1e27, alpha: 0.3, B: 20, nc: 2000, beta: 0.8), form: .floor, extra: [0.25])
        var lines = ["compute,n_ctx,n_pmt,metric"]
        for flops in [1e21, 1e22, 1e23, 1e24] {
            for limit in [4096.0, 16384] {
                for nPmt in [100.0, 500, 2000, 8000, 30000] {
                    let score = law.score(flops: flops, promptTokens: nPmt, contextLimit: limit)
                    lines.append("\(flops),\(Int(limit)),\(nPmt),\(score)")
                }
            }
        }
        let path = TestFolders.path("lawchoice", suffix: ".csv")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func testAGivenFloorIsKeptAndABadOneNamed() throws {
        let path = try Self.csv()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fit = try Harness.json(["fit", path, "--law", "floor", "--floor", "0.25"])
        XCTAssertEqual(fit["law"] as? String, "floor")
        XCTAssertEqual((fit["params"] as? [String: Double])?["floor"], 0.25)
        XCTAssertLessThan(fit["mae"] as! Double, 1e-4)
        for bad in ["2", "0.96", "-0.1", "x"] {
            let r = try Harness.run(["fit", path, "--law", "floor", "--floor", bad])
            XCTAssertEqual(r.status, 2, bad)
            XCTAssertTrue(r.stderr.contains("'\(bad)'") && r.stderr.contains("a chance score"), r.stderr)
        }
        // Compute columns name no model, so none is known to be extended: the decay rate is free.
        let decay = try Harness.json(["fit", path, "--law", "decay"])
        let codes = (decay["warnings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        XCTAssertTrue(codes.contains("no_extended_models"), "\(codes)")
        XCTAssertTrue(codes.contains("context_terms_confound_compute"), "\(codes)")
        let unknown = try Harness.run(["fit", path, "--law", "sideways"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("sideways"), unknown.stderr)
    }

    /// Without --floor, the floor law takes the task preset's `floor`.
    func testTheTaskPresetsFloorIsUsed() throws {
        let path = try Self.csv()
        let preset = TestFolders.path("floor", suffix: ".json")
        defer { for file in [path, preset] { try? FileManager.default.removeItem(atPath: file) } }
        let arithmetic = try String(
            contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Presets/tasks/arithmetic.json").standardizedFileURL.path,
            encoding: .utf8)
        try arithmetic.replacingOccurrences(of: "\"metric\"", with: "\"floor\": 0.25,\n  \"metric\"")
            .write(toFile: preset, atomically: false, encoding: .utf8)
        let fit = try Harness.json(["fit", path, "--task", preset, "--law", "floor"])
        XCTAssertEqual((fit["params"] as? [String: Double])?["floor"], 0.25)
        let given = try Harness.json(["fit", path, "--task", preset, "--law", "floor", "--floor", "0.2"])
        XCTAssertEqual((given["params"] as? [String: Double])?["floor"], 0.2, "--floor wins over the preset's")
    }

    /// fit --law auto fits the law compare prefers, the one of lowest cv_mae, and says why.
    func testAutoFitsTheLawComparePrefers() throws {
        let path = try Self.csv()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let compare = try Harness.json(["compare", path])
        let laws = try XCTUnwrap(compare["laws"] as? [[String: Any]])
        // The identifiable law with the lowest forward error, where there are sizes enough.
        let forward = laws.compactMap { law in
            (law["identifiable"] as? Bool == true ? law["forward_mae"] as? Double : nil).map { (law["law"] as? String, $0) }
        }
        let lowest = try XCTUnwrap(forward.min { $0.1 < $1.1 }).0
        XCTAssertEqual(compare["preferred"] as? String, lowest)
        let auto = try Harness.json(["fit", path, "--law", "auto"])
        XCTAssertEqual(auto["law"] as? String, lowest)
        let choice = try XCTUnwrap(auto["choice"] as? [String: Any])
        XCTAssertEqual(choice["reason"] as? String, "lowest_forward_mae")
        let text = try Harness.run(["fit", path, "--law", "auto"])
        XCTAssertTrue(text.stdout.contains("chosen by         lowest forward-backtest MAE"), text.stdout)
    }
}
