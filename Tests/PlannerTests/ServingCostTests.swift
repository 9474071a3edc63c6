import ContextScaling
import XCTest

@testable import Planner

/// Prefill per query on `shots` and `extend`, and the two attention conventions on `cost`.
final class ServingCostTests: XCTestCase {
    /// Each shot row's prefill is n_pmt (2N + 2 n_layer n_pmt d_attn) with the model's shape.
    func testShotsRowsCarryTheirPrefill() throws {
        let a = try Fixtures.planner.shots(task: "arithmetic", compute: .model("llama-2-13b"), nCtx: 16384)
        let m = try Fixtures.library.resolve(model: "llama-2-13b")
        let (n, layers, width) = (m.parameters, try XCTUnwrap(m.layers), try XCTUnwrap(m.attentionWidth))
        for row in a.rows {
            let p = row.promptTokens
            XCTAssertEqual(try XCTUnwrap(a.prefillFlops(row)), p * (2 * n + 2 * layers * p * width), accuracy: 1)
        }
        // With a compute instead of a model there is no shape: no prefill rather than a guess.
        let bare = try Fixtures.planner.shots(task: "arithmetic", compute: .flops(1e23), nCtx: 8192)
        XCTAssertNil(bare.prefillFlops(bare.best))
    }

    func testExtendGivesThePromptsPrefill() throws {
        let a = try Fixtures.planner.extend(model: "llama-2-7b", task: "arithmetic", prompt: .tokens(20480))
        let p = 20480.0
        XCTAssertEqual(
            try XCTUnwrap(a.prefillFlops), p * (2 * 6_476_271_616.0 + 2 * 32 * p * 4096), accuracy: 1)
    }

    /// --attention full counts 12 n_layer n_ctx d_attn per token, and says which MFU goes with it.
    func testCostOnTheFullMatrixCount() throws {
        let plan = HardwarePlan(gpu: try Fixtures.library.gpu("h100"))
        let full = try Fixtures.planner.cost(
            model: "llama-2-7b", to: 32768, plan: plan, countAttention: true, attentionCounting: .full)
        XCTAssertEqual(
            try XCTUnwrap(full.extensionFlopsWithAttention),
            838_860_800 * (6 * 6_476_271_616.0 + 12 * 32 * 32768 * 4096),
            accuracy: 1e6)
        XCTAssertEqual(full.budget?.flops, full.extensionFlopsWithAttention)
        XCTAssertTrue(full.notes.contains(.mfuConvention(.full)), "\(full.notes)")
        // Without a budget there is no MFU to match.
        let noPlan = try Fixtures.planner.cost(
            model: "llama-2-7b", to: 32768, countAttention: true, attentionCounting: .full)
        XCTAssertFalse(noPlan.notes.contains(.mfuConvention(.full)))
    }
}
