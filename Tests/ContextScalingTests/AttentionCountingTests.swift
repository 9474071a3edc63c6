import ContextScaling
import XCTest

/// The attention-aware FLOP counts against their closed forms and a sum over positions.
final class AttentionCountingTests: XCTestCase {
    // Llama-2-7B's shape: N, layers, attention width.
    let n = 6_476_271_616.0
    let layers = 32.0
    let width = 4096.0

    /// Causal: 6N + 6 n_layer n_ctx d_attn per token; full: 6N + 12 n_layer n_ctx d_attn.
    func testTheTwoConventionsPerToken() {
        let limit = 32768.0
        let causal = ComputeAccounting.flopsPerTokenWithAttention(
            parameters: n, layers: layers, contextLimit: limit, attentionWidth: width, counting: .causal)
        let full = ComputeAccounting.flopsPerTokenWithAttention(
            parameters: n, layers: layers, contextLimit: limit, attentionWidth: width, counting: .full)
        XCTAssertEqual(causal, 6 * n + 6 * 32 * 32768 * 4096)
        XCTAssertEqual(full, 6 * n + 12 * 32 * 32768 * 4096)
        // The default stays the causal count (what a bare --attention always meant).
        XCTAssertEqual(
            ComputeAccounting.flopsPerTokenWithAttention(
                parameters: n, layers: layers, contextLimit: limit, attentionWidth: width), causal)
    }

    /// Prefill against summing each position's forward FLOPs: 2N for the weights, and at
    /// position i, QK and AV over the i keys a causal mask leaves (2 x 2 i d_attn per layer),
    /// twice that over the whole matrix of n keys. The closed form takes n^2/2 for the sum of
    /// i, so they agree to 1/n.
    func testPrefillAgreesWithASumOverPositions() {
        for prompt in [78.0, 2426, 20480] {
            var causal = 0.0
            var full = 0.0
            for i in stride(from: 1.0, through: prompt, by: 1) {
                causal += 2 * n + layers * 4 * i * width
                full += 2 * n + layers * 4 * prompt * width
            }
            let closedCausal = ComputeAccounting.prefillFlops(
                parameters: n, layers: layers, promptTokens: prompt, attentionWidth: width)
            let closedFull = ComputeAccounting.prefillFlops(
                parameters: n, layers: layers, promptTokens: prompt, attentionWidth: width, counting: .full)
            XCTAssertEqual(closedCausal / causal, 1, accuracy: 1 / prompt)
            XCTAssertEqual(closedFull / full, 1, accuracy: 1e-12)
            XCTAssertEqual(closedCausal, prompt * (2 * n + 2 * layers * prompt * width), accuracy: closedCausal * 1e-15)
        }
    }
}
