import Foundation
import XCTest

/// `compute-for --confidence` and the planner's alternatives, as the program prints them.
final class AdviceCommandTests: XCTestCase {
    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try Harness.run(arguments + ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private let unreachable = ["compute-for", "0.99", "--task", "commonsense", "--shots", "5", "--nctx", "4k"]

    /// Fewer than 90% of the outcomes ever reach 0.99: not reachable at 90%, with the share
    /// that reaches it, in JSON and in text; no compute is given.
    func testNotReachableAtConfidenceIsSaid() throws {
        let a = try json(unreachable + ["--confidence", "0.9"])
        XCTAssertEqual(a["reachable"] as? Bool, false)
        XCTAssertEqual(a["outcome"] as? String, "not_reachable_at_confidence")
        XCTAssertTrue(a["compute"] is NSNull)
        let share = try XCTUnwrap(a["reach_probability"] as? Double)
        XCTAssertLessThan(share, 0.9)
        XCTAssertGreaterThan(share, 0)
        // The interval's upper end lies among the outcomes that never reach 0.99.
        let interval = try XCTUnwrap(a["interval"] as? [String: Any])
        XCTAssertTrue(interval["high"] is NSNull)
        XCTAssertNotNil(interval["low"] as? Double)
        let text = try Harness.run(unreachable + ["--confidence", "0.9"])
        XCTAssertTrue(text.stdout.hasPrefix("not reachable at 90% confidence: only "), text.stdout)
        XCTAssertTrue(text.stdout.contains("..never"), text.stdout)
        // At the share itself it is reachable, with a compute.
        let at = try json(unreachable + ["--confidence", String(share)])
        XCTAssertEqual(at["reachable"] as? Bool, true)
        XCTAssertNotNil(at["compute"] as? Double)
    }

    /// A task saved without bootstrap draws has no outcomes to answer a confidence from: the
    /// option is rejected, never answered with the law's own compute.
    func testConfidenceNeedsDraws() throws {
        let dir = NSTemporaryDirectory() + "ctxplan-nodraws-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let saved = try Harness.run(["fit", "--task", "arithmetic", "--save", dir + "/plain.json"])
        XCTAssertEqual(saved.status, 0, saved.stderr)
        let result = try Harness.run(
            ["compute-for", "0.16", "--task", dir + "/plain.json", "--shots", "5", "--nctx", "4k", "--confidence", "0.9"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--confidence 0.9 needs bootstrap draws"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    /// The case: extend recommends 8k for 64 shots, but 52 shots fit 4k and score the
    /// same: said in one line, and as the JSON alternative.
    func testExtendNamesTheShotsThatFitTodaysLimit() throws {
        let arguments = ["extend", "--model", "llama-2-7b", "--shots", "64", "--task", "arithmetic"]
        let a = try json(arguments)
        let alternative = try XCTUnwrap(a["alternative"] as? [String: Any])
        XCTAssertEqual(alternative["kind"] as? String, "fewer_shots")
        XCTAssertEqual(alternative["shots"] as? Int, 52)
        XCTAssertEqual(alternative["n_ctx"] as? Double, 4096)
        XCTAssertEqual(alternative["extension_compute"] as? Double, 0)
        XCTAssertEqual(alternative["recommended"] as? Bool, true)
        let options = try XCTUnwrap(a["options"] as? [[String: Any]])
        let eight = try XCTUnwrap(options.first { $0["n_ctx"] as? Double == 8192 })
        XCTAssertEqual(alternative["extension_compute_saved"] as? Double, eight["extension_flops"] as? Double)
        let text = try Harness.run(arguments)
        let lines = text.stdout.split(separator: "\n").filter { $0.hasPrefix("instead: ") }
        XCTAssertEqual(lines.count, 1, text.stdout)
        XCTAssertTrue(lines[0].contains("52 shots") && lines[0].hasSuffix("recommended"), text.stdout)
    }

    /// compute-for with a model short of the compute: more shots at its compute, and the
    /// compute that saves, which is the additional compute the answer says it needs.
    func testComputeForNamesMoreShotsAtTheModelsCompute() throws {
        let a = try json(["compute-for", "0.133", "--task", "arithmetic", "--shots", "5", "--nctx", "4k",
            "--model", "llama-2-7b"])
        let alternative = try XCTUnwrap(a["alternative"] as? [String: Any])
        XCTAssertEqual(alternative["kind"] as? String, "more_shots")
        XCTAssertEqual(alternative["compute"] as? Double, a["baseline_compute"] as? Double)
        XCTAssertEqual(alternative["compute_saved"] as? Double, a["additional_compute"] as? Double)
        XCTAssertGreaterThan(try XCTUnwrap(alternative["shots"] as? Int), 5)
    }
}
