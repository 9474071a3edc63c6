import ContextScaling
import Foundation
import XCTest

/// `validate --backtests`: the JSON keys, every record held out once per split, and a
/// law that generated the data found again on what each fold did not see.
final class BacktestCommandTests: XCTestCase {
    func testBacktestsOfDataFromTheLawItselfHaveNoError() throws {
        let law = ContextScalingLaw(LawParameters(A: 9.96, Cc: 9.7e29, alpha: 0.26, B: 62.24, nc: 1.3e5, beta: 0.56))
        var csv = "compute,n_ctx,n_pmt,metric\n"
        for flops in [1e21, 4e21, 1.6e22, 6.4e22] {
            for limit in [8192.0, 16384] {
                for n in [100.0, 400, 1600, 6400, 12000] {
                    csv +=
                        "\(flops),\(Int(limit)),\(n),\(law.score(flops: flops, promptTokens: n, contextLimit: limit))\n"
                }
            }
        }
        let path = TestFolders.path("backtest", suffix: ".csv")
        try csv.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let start = Date()
        let v = try Harness.json(["validate", path, "--backtests"])
        print(String(format: "validate --backtests of 40 records: %.1f s", Date().timeIntervalSince(start)))
        let backtests = try XCTUnwrap(v["backtests"] as? [String: [String: Any]])
        // Compute levels are the sizes here: the forward backtest runs on them too.
        XCTAssertEqual(Set(backtests.keys), ["model", "n_ctx", "extrapolation", "forward"])
        // Each compute level (no model named) and each limit is held out once; the largest
        // compute level's ten records in the extrapolation.
        XCTAssertEqual(backtests["model"]?["n"] as? Int, 40)
        XCTAssertEqual(backtests["n_ctx"]?["n"] as? Int, 40)
        XCTAssertEqual(backtests["extrapolation"]?["n"] as? Int, 10)
        for (split, b) in backtests {
            XCTAssertLessThan(try XCTUnwrap(b["mae"] as? Double), 0.005, split)
            let coverage = try XCTUnwrap(b["coverage"] as? Double)
            XCTAssertTrue((0...1).contains(coverage), split)
        }
    }
}
