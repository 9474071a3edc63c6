import Foundation
import XCTest

final class OneShotTests: XCTestCase {
    func testPredictJSONHasTheIssuesKeysAndTheLawsValue() throws {
        let j = try Harness.json(["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "31"])
        let factors = j["factors"] as! [String: Double]
        let score = j["score"] as! Double
        XCTAssertEqual(score, factors["compute"]! * factors["context"]! * factors["penalty"]!, accuracy: 1e-15)
        XCTAssertEqual(j["compute"] as! Double, 6 * 6_476_271_616 * 2e12, accuracy: 1)
        XCTAssertEqual(j["n_pmt"] as! Double, 78.17 + 31 * 75.74, accuracy: 1e-9)
        XCTAssertEqual(j["n_ctx"] as! Double, 4096)
        // Eq. (1) by hand at the paper's parameters.
        let expected =
            (1 - exp(-9.96 * pow(7.7715259392e22 / 9.7e29, 0.26)))
            * (1 - exp(-62.24 * pow((78.17 + 31 * 75.74) / 1.3e5, 0.56))) / (1 + exp(-(4096 - (78.17 + 31 * 75.74))))
        XCTAssertEqual(score, expected, accuracy: 1e-14)
    }

    func testCostJSONKeys() throws {
        let j = try Harness.json(["cost", "--model", "llama-2-13b", "--to", "128k"])
        XCTAssertEqual(j["extension_tokens"] as! Double, 3_355_443_200)
        XCTAssertEqual(j["extension_flops"] as! Double, 6 * 12_688_184_320 * 3_355_443_200, accuracy: 1e6)
        XCTAssertEqual(j["total_compute"] as! Double / 1e23, 1.5251, accuracy: 5e-5)
        XCTAssertEqual(j["fraction_of_pretraining"] as! Double, 3_355_443_200 / 2e12, accuracy: 1e-15)
    }

    func testBadInputExitsTwoAndNamesTheToken() throws {
        let cases: [([String], String)] = [
            (["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "-3"], "'-3' is negative"),
            (["predict", "--task", "arithmetic", "--model", "lama-2-7b", "--shots", "3"], "did you mean 'Llama-2-7B'"),
            (
                ["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "3", "--frobnicate"],
                "--frobnicate"
            ),
            (["cost", "--model", "llama-2-7b", "--to", "nan"], "'nan' is not a number"),
            (["predcit"], "did you mean 'predict'"),
        ]
        for (arguments, message) in cases {
            let r = try Harness.run(arguments)
            XCTAssertEqual(r.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
            XCTAssertEqual(r.stdout, "")
            XCTAssertFalse(r.stderr.lowercased().contains("nan)"), r.stderr)
        }
    }

    func testVersionAndHelp() throws {
        let v = try Harness.run(["--version"])
        XCTAssertEqual(v.status, 0)
        XCTAssertTrue(v.stdout.hasPrefix("0."))
        let h = try Harness.run(["predict", "--help"])
        XCTAssertEqual(h.status, 0)
        XCTAssertTrue(h.stdout.contains("--prompt-tokens"))
    }

    func testPresetsDirectoryAddsAUserTask() throws {
        let dir = TestFolders.path("user")
        try FileManager.default.createDirectory(atPath: dir + "/tasks", withIntermediateDirectories: true)
        let preset = """
            {"name": "mytask", "metric": "accuracy", "law": "paper",
             "parameters": {"A": 9.96, "Cc": 9.7e29, "alpha": 0.26, "B": 62.24, "nc": 1.3e5, "beta": 0.56},
             "prompt": {"base_tokens": 78.17, "shot_tokens": 75.74}}
            """
        try preset.write(toFile: dir + "/tasks/mytask.json", atomically: false, encoding: .utf8)
        let mine = try Harness.json([
            "predict", "--task", "mytask", "--model", "llama-2-7b", "--shots", "31", "--presets", dir,
        ])
        let paper = try Harness.json(["predict", "--task", "arithmetic", "--model", "llama-2-7b", "--shots", "31"])
        XCTAssertEqual(mine["score"] as! Double, paper["score"] as! Double)
    }
}
