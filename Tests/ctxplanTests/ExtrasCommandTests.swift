import Foundation
import XCTest

/// extend's wall-clock days, the attention conventions and the compute-optimal split, as the
/// program prints them.
final class ExtrasCommandTests: XCTestCase {
    /// Each row's days are what `budget` gives for that row's FLOPs on the same GPUs.
    func testExtendDaysEqualTheBudgetCommands() throws {
        let extend = try Harness.json(
            [
                "extend", "--model", "llama-2-7b", "--task", "arithmetic", "--prompt-tokens", "20k", "--gpu", "h100",
                "--gpus", "8", "--mfu", "0.5",
            ])
        let options = try XCTUnwrap(extend["options"] as? [[String: Any]])
        for option in options.dropFirst() {
            let flops = try XCTUnwrap(option["extension_flops"] as? Double)
            let budget = try Harness.json(
                ["budget", "\(flops)", "--gpu", "h100", "--gpus", "8", "--mfu", "0.5"])
            let days = try XCTUnwrap(option["days"] as? Double)
            XCTAssertEqual(days, try XCTUnwrap(budget["days"] as? Double), accuracy: days * 1e-12)
        }
    }

    /// A bare --attention is the causal count, as it always was; full doubles the attention term.
    func testBareAttentionIsCausalAndFullDoublesTheAttentionTerm() throws {
        let base = ["cost", "--model", "llama-2-7b", "--to", "32k", "--gpu", "h100"]
        let bare = try Harness.json(base + ["--attention"])
        let causal = try Harness.json(base + ["--attention", "causal"])
        let full = try Harness.json(base + ["--attention", "full"])
        let sixND = try XCTUnwrap(bare["extension_flops"] as? Double)
        let causalFlops = try XCTUnwrap(causal["extension_flops_with_attention"] as? Double)
        XCTAssertEqual(bare["extension_flops_with_attention"] as? Double, causalFlops)
        XCTAssertEqual(bare["attention_counting"] as? String, "causal")
        let fullFlops = try XCTUnwrap(full["extension_flops_with_attention"] as? Double)
        XCTAssertEqual(fullFlops - sixND, 2 * (causalFlops - sixND), accuracy: sixND * 1e-12)
        // 838,860,800 tokens x 6 x 32 layers x 32k x 4096.
        XCTAssertEqual(causalFlops - sixND, 838_860_800 * 6 * 32 * 32768 * 4096, accuracy: sixND * 1e-12)
        let codes = (full["notes"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        XCTAssertTrue(codes.contains("mfu_convention"), "\(codes)")
        let wrong = try Harness.run(base + ["--attention", "half"])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("'half'") && wrong.stderr.contains("causal"), wrong.stderr)
    }

    /// compute_optimal: 6 N D equals the answer's compute.
    func testComputeForJSONGivesTheSplit() throws {
        let a = try Harness.json(["compute-for", "0.16", "--task", "arithmetic", "--shots", "31", "--nctx", "8k"])
        let compute = try XCTUnwrap(a["compute"] as? Double)
        let split = try XCTUnwrap(a["compute_optimal"] as? [String: Any])
        let n = try XCTUnwrap(split["params"] as? Double)
        let d = try XCTUnwrap(split["tokens"] as? Double)
        XCTAssertEqual(6 * n * d / compute, 1, accuracy: 1e-12)
    }

    /// shots --json: each row's prefill_flops is n_pmt (2N + 2 n_layer n_pmt d_attn), Llama-2-13B's shape.
    func testShotsJSONGivesPrefillPerRow() throws {
        let a = try Harness.json(["shots", "--task", "arithmetic", "--model", "llama-2-13b"])
        let rows = try XCTUnwrap(a["rows"] as? [[String: Any]])
        let model = try Harness.json(["show", "llama-2-13b"])
        let n = try XCTUnwrap(model["params"] as? Double)
        for row in rows {
            let p = try XCTUnwrap(row["n_pmt"] as? Double)
            let prefill = try XCTUnwrap(row["prefill_flops"] as? Double)
            XCTAssertEqual(prefill, p * (2 * n + 2 * 40 * p * 5120), accuracy: prefill * 1e-12)
        }
    }
}
