import Foundation
import XCTest

/// `fit` on per-instance 0/1 rows, as the program prints it.
final class PerInstanceFitCommandTests: XCTestCase {
    /// 4,500 instances of three models, each with its own prompt length, scoring 1 with a chance
    /// that does not change with the prompt (seeded, so the file is the same on every run).
    private func writeInstances() throws -> String {
        var state: UInt64 = 0x0D15_EA5E
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        var text = "model,prompt_tokens,n_ctx,metric\n"
        for (model, p) in [("Llama-2-7B", 0.35), ("Llama-2-13B", 0.45), ("Llama-2-70B", 0.6)] {
            for _ in 0..<1500 {
                let nPmt = 50 + Int(2950 * uniform())
                text += "\(model),\(nPmt),4096,\(uniform() < p ? 1 : 0)\n"
            }
        }
        let path = NSTemporaryDirectory() + "ctxplan-instances-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testFitSaysItsErrorsAreOnGroupMeansAndBinsThePrompts() throws {
        let path = try writeInstances()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try Harness.run(["fit", path])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains(" on the means of "), text.stdout)
        XCTAssertTrue(text.stdout.contains("per-instance 0/1 rows"), text.stdout)
        XCTAssertFalse(text.stdout.contains("score falls as the prompt grows"), "a flat chance raises no note")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let start = try XCTUnwrap(lines.firstIndex(of: "by prompt:"))
        // The table's rows (after its header) up to the first note, each a range "low..high".
        let rows = lines[(start + 2)...].prefix { !$0.hasPrefix("note: ") && !$0.isEmpty }
        XCTAssertLessThanOrEqual(rows.count, 12, "\(rows)")
        XCTAssertGreaterThanOrEqual(rows.count, 10, "\(rows)")
        let lows = rows.compactMap { row in
            row.split(separator: " ").first.flatMap { $0.split(separator: ".").first }
                .flatMap { Int($0.replacingOccurrences(of: ",", with: "")) }
        }
        XCTAssertEqual(lows.count, rows.count, "\(rows)")
        XCTAssertEqual(lows, lows.sorted(), "in order")

        let json = try Harness.run(["fit", path, "--json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let means = try XCTUnwrap(object["group_means"] as? [String: Any])
        let mae = try XCTUnwrap(means["mae"] as? Double)
        let standardError = try XCTUnwrap(means["standard_error"] as? Double)
        // A law that fits within sampling error: the group means' error is of the order of
        // their standard error, far below the rows' own MAE (a 0/1 row is far from any p).
        XCTAssertLessThan(mae, 3 * standardError)
        XCTAssertGreaterThan(try XCTUnwrap(object["mae"] as? Double), 0.3)
    }
}
