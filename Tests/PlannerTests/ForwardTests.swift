import ContextScaling
import XCTest

@testable import Planner

final class ForwardTests: XCTestCase {
    func testExplainNamesThePenaltyWithTheIssuesNumbers() throws {
        let e = try Fixtures.planner.explain(
            task: "arithmetic", compute: .model("llama-2-7b"), prompt: .shots(63), nCtx: nil)
        XCTAssertEqual(e.binding, .penalty)
        // 63 shots: 78.17 + 63 x 75.74 = 4,849.79 prompt tokens, 753.79 over the 4k limit.
        XCTAssertEqual(e.tokensOverLimit, 78.17 + 63 * 75.74 - 4096, accuracy: 1e-9)
        XCTAssertEqual(e.prediction.factors.penalty, 0, accuracy: 5e-4)
    }

    func testModelPlusLimitIsTheExtendedModel() throws {
        let p = try Fixtures.planner.predict(
            task: "arithmetic", compute: .model("llama-2-7b"), prompt: .shots(31), nCtx: 32768)
        XCTAssertEqual(p.scenario.flops, 6 * 6_476_271_616 * (2e12 + 400 * 64 * 32768), accuracy: 1)
        let checkpoint = try Fixtures.planner.predict(
            task: "arithmetic", compute: .model("yarn-llama-2-7b-32k"), prompt: .shots(31), nCtx: nil)
        XCTAssertEqual(p.score, checkpoint.score)
    }

    func testExtrapolationIsNamedWithItsFactor() throws {
        let p = try Fixtures.planner.predict(
            task: "arithmetic", compute: .flops(2.7e24), prompt: .shots(31), nCtx: 8192)
        let range = try XCTUnwrap(p.scenario.task.fitRange)
        let expected = Extrapolation(quantity: .compute, value: 2.7e24, bound: range.computeMax, side: .above)
        XCTAssertTrue(p.notes.contains(.extrapolation(expected)), "\(p.notes)")
        XCTAssertEqual(expected.factor, 2.7e24 / range.computeMax)
        XCTAssertEqual(expected.factor, 18, accuracy: 0.5, "the issue's 18x: 2.7e24 over the fit's 1.5e23")
    }

    func testComputeWithoutLimitIsRejected() {
        XCTAssertThrowsError(
            try Fixtures.planner.predict(task: "arithmetic", compute: .flops(1e23), prompt: .shots(1), nCtx: nil)
        ) {
            XCTAssertEqual($0 as? PlannerError, .missingContextLimit)
        }
    }

    func testCostOfExtensionMatchesSixND() throws {
        let hardware = try Fixtures.library.gpu("h100")
        let c = try Fixtures.planner.cost(
            model: "yarn-llama-2-7b-8k", to: 32768,
            plan: HardwarePlan(gpu: hardware, gpus: 8, mfu: 0.4, pricePerGPUHour: 2))
        XCTAssertEqual(c.base.name, "Llama-2-7B")
        XCTAssertEqual(c.extensionTokens, 838_860_800)
        XCTAssertEqual(c.extensionFlops, 6 * 6_476_271_616 * 838_860_800, accuracy: 1e6)
        XCTAssertEqual(c.fractionOfPretraining, 838_860_800 / 2e12, accuracy: 1e-15)
        let hours = c.extensionFlops / (989.4e12 * 0.4) / 3600
        XCTAssertEqual(c.budget!.gpuHours, hours, accuracy: 1e-9)
        XCTAssertEqual(c.budget!.days, hours / 8 / 24, accuracy: 1e-12)
        XCTAssertEqual(c.budget!.dollars!, 2 * hours, accuracy: 1e-9)
        // An extended checkpoint's cost is its base's, and the answer says so.
        XCTAssertEqual(
            c.notes.first,
            .costFromBase(named: "Yarn-Llama-2-7B-8k", namedLimit: 8192, base: "Llama-2-7B", baseLimit: 4096))
    }

    func testCostOfABaseModelSaysNothingOfABase() throws {
        let c = try Fixtures.planner.cost(model: "llama-2-7b", to: 32768)
        XCTAssertFalse(c.notes.contains { $0.code == "cost_from_base" })
    }

    func testTableHasThePaperShotCountsAndObservedScores() throws {
        let t = try Fixtures.planner.table(task: "arithmetic", model: "llama-2-7b", nCtx: nil)
        XCTAssertEqual(t.rows.map(\.shots), [0, 1, 3, 7, 15, 31, 63, 127, 255, 511])
        XCTAssertEqual(t.rows.map(\.observed), [0.089, 0.099, 0.115, 0.120, 0.136, 0.127, 0.094, 0.014, 0.014, 0.000])
    }
}
