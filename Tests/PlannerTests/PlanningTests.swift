import ContextScaling
import XCTest

@testable import Planner

final class PlanningTests: XCTestCase {
    func testComputeForMatchesTheClosedFormAndSizesTheModel() throws {
        let a = try Fixtures.planner.computeFor(
            target: 0.16, task: "arithmetic", prompt: .shots(31), nCtx: 8192, tokens: 2e12)
        let law = try Fixtures.library.task("arithmetic").law
        let n = 78.17 + 31 * 75.74
        let q = 0.16 / law.ceiling(promptTokens: n, contextLimit: 8192)
        let closed = 9.7e29 * pow(-log1p(-q) / 9.96, 1 / 0.26)
        XCTAssertEqual(a.flops!, closed, accuracy: closed * 1e-10)
        guard case .parameters(let params, _)? = a.modelSize else { return XCTFail("no model size") }
        XCTAssertEqual(params, closed / (6 * 2e12), accuracy: 1)
        // The nearest preset in log compute: none of the others is nearer.
        let nearest = try Fixtures.library.resolve(model: try XCTUnwrap(a.nearest?.name))
        for model in Fixtures.library.models {
            guard let other = try? Fixtures.library.resolve(model: model.name) else { continue }
            XCTAssertLessThanOrEqual(abs(log(nearest.flops / closed)), abs(log(other.flops / closed)), model.name)
        }
        XCTAssertTrue(
            a.notes.contains {
                if case .extrapolation(let e) = $0 { e.quantity == .compute && e.side == .above } else { false }
            })
    }

    func testUnreachableTargetNamesWhatWouldLiftTheCeiling() throws {
        let a = try Fixtures.planner.computeFor(target: 0.5, task: "arithmetic", prompt: .shots(63), nCtx: 4096)
        XCTAssertNil(a.flops)
        XCTAssertLessThan(a.ceiling, 1e-300)
        XCTAssertTrue(
            a.lifts.contains {
                if case .shots(52, _, 4096) = $0.change { $0.ceiling > 0.99 } else { false }
            }, "\(a.lifts)")
        XCTAssertTrue(a.lifts.contains { $0.change == .longerLimit(8192) }, "\(a.lifts)")
    }

    func testTargetsOutsideTheOpenUnitIntervalAreRejected() {
        for target in [0, 1, 1.5, -0.1, Double.nan] {
            XCTAssertThrowsError(
                try Fixtures.planner.computeFor(target: target, task: "arithmetic", prompt: .shots(1), nCtx: 4096))
        }
    }

    func testShotsBestAndKneeAgreeWithEnumeration() throws {
        let a = try Fixtures.planner.shots(task: "arithmetic", compute: .model("llama-2-13b"), nCtx: 16384)
        let law = a.scenario.law
        let layout = try a.scenario.task.layout
        let scores = (0...a.maxShots).map {
            law.score(flops: a.scenario.flops, promptTokens: layout.promptTokens(shots: $0), contextLimit: 16384)
        }
        let best = scores.max()!
        XCTAssertEqual(a.best.shots, scores.firstIndex(of: best))
        XCTAssertEqual(a.knee.shots, scores.firstIndex { $0 >= best * 0.99 })
        XCTAssertEqual(layout.promptTokens(shots: a.maxShots + 1) > 2 * 16384, true)
    }

    func testReserveKeepsTheAnswersTokensFree() throws {
        let a = try Fixtures.planner.shots(task: "arithmetic", compute: .model("llama-2-7b"), nCtx: nil, reserve: 512)
        XCTAssertLessThanOrEqual(a.best.promptTokens + 512, 4096)
        XCTAssertGreaterThan(try a.scenario.task.layout.promptTokens(shots: a.maxShots + 1) + 512, 4096)
        XCTAssertThrowsError(
            try Fixtures.planner.shots(task: "arithmetic", compute: .model("llama-2-7b"), nCtx: nil, reserve: 4050))
    }

    func testContextForSaysWhenComputeCapsTheScore() throws {
        let a = try Fixtures.planner.contextFor(
            target: 0.3, task: "arithmetic", compute: .model("llama-2-7b"), nCtx: nil)
        guard case .unreachable = a.solution else { return XCTFail("0.3 is above the compute factor") }
        let factor = a.scenario.law.computeFactor(flops: a.scenario.flops)
        XCTAssertEqual(a.reason, .computeCaps(computeFactor: factor, flops: a.scenario.flops))
        XCTAssertLessThanOrEqual(a.scenario.law.computeFactor(flops: a.scenario.flops), 0.3)
        let b = try Fixtures.planner.contextFor(
            target: 0.13, task: "arithmetic", compute: .model("llama-2-7b"), nCtx: nil)
        guard case .reached(let choice, _) = b.solution else { return XCTFail("0.13 is reachable") }
        let law = b.scenario.law
        let layout = try b.scenario.task.layout
        let score = { (k: Int) in
            law.score(
                flops: b.scenario.flops, promptTokens: layout.promptTokens(shots: k), contextLimit: 4096
            )
        }
        XCTAssertGreaterThanOrEqual(score(choice.shots), 0.13)
        XCTAssertLessThan(score(choice.shots - 1), 0.13)
    }

    func testExtendRecommendsTheCheapestLimitThatFitsThePrompt() throws {
        let a = try Fixtures.planner.extend(model: "llama-2-7b", task: "arithmetic", prompt: .tokens(20480))
        XCTAssertEqual(a.options.map(\.nCtx), [4096, 8192, 16384, 32768, 65536, 131072])
        XCTAssertEqual(a.recommended.map { a.options[$0].nCtx }, 32768)
        XCTAssertEqual(a.options[2].verdict, .promptOverLimit(tokensOver: 20480 - 16384))
        guard case .noGainForCost(_, let ratio)? = a.options[4].verdict else { return XCTFail("\(a.options[4])") }
        XCTAssertEqual(ratio!, 2, accuracy: 1e-12, "64k takes twice 32k's extension tokens at the same N")
        XCTAssertEqual(a.options[3].extensionTokens, 838_860_800)
        XCTAssertTrue(
            a.notes.contains {
                if case .headroom(let r?) = $0 { r.atLimit == 0.317 && r.limit == 32768 } else { false }
            })
    }

    func testExtendWithTargetPicksTheCheapestMeetingIt() throws {
        let a = try Fixtures.planner.extend(model: "llama-2-7b", task: "arithmetic", prompt: .shots(127), target: 0.1)
        let chosen = a.options[a.recommended!]
        XCTAssertGreaterThanOrEqual(chosen.score, 0.1)
        XCTAssertTrue(a.options.filter { $0.nCtx < chosen.nCtx }.allSatisfy { $0.score < 0.1 })
        let none = try Fixtures.planner.extend(
            model: "llama-2-7b", task: "arithmetic", prompt: .shots(127), target: 0.9)
        XCTAssertNil(none.recommended)
        XCTAssertTrue(none.notes.contains { if case .noCandidateReachesTarget(0.9, _, _) = $0 { true } else { false } })
    }

    func testAttentionCountedExtensionUsesKaplansFormula() throws {
        let a = try Fixtures.planner.extend(
            model: "llama-2-7b", task: "arithmetic", prompt: .shots(31), candidates: [131072], countAttention: true)
        let n = 6_476_271_616.0
        XCTAssertEqual(a.options[0].extensionFlops, 3_355_443_200 * (6 * n + 6 * 32 * 131072 * 4096), accuracy: 1e8)
    }

    func testCostCanBudgetOnTheAttentionCount() throws {
        let plan = HardwarePlan(gpu: try Fixtures.library.gpu("h100"))
        let sixND = try Fixtures.planner.cost(model: "llama-2-7b", to: 131072, plan: plan)
        let kaplan = try Fixtures.planner.cost(model: "llama-2-7b", to: 131072, plan: plan, countAttention: true)
        XCTAssertEqual(
            kaplan.budget!.gpuHours / sixND.budget!.gpuHours, 1 + 32 * 131072 * 4096 / 6_476_271_616.0, accuracy: 1e-9)
        let ratio = 1 + 32 * 131072 * 4096 / 6_476_271_616.0
        guard case .attentionShare(let share) = sixND.notes[0] else { return XCTFail("\(sixND.notes)") }
        XCTAssertEqual(share.ratio, ratio, accuracy: 1e-9)
        XCTAssertFalse(share.counted)
        guard case .attentionShare(let counted) = kaplan.notes[0] else { return XCTFail("\(kaplan.notes)") }
        XCTAssertTrue(counted.counted)
    }

    func testBudgetArithmetic() throws {
        let b = Fixtures.planner.budget(
            flops: 1.7e23,
            plan: HardwarePlan(gpu: try Fixtures.library.gpu("h100"), gpus: 256, mfu: 0.4, pricePerGPUHour: 2.5))
        XCTAssertEqual(b.gpuHours, 1.7e23 / (989.4e12 * 0.4) / 3600, accuracy: 1e-6)
        XCTAssertEqual(b.days, b.gpuHours / 256 / 24, accuracy: 1e-12)
        XCTAssertEqual(b.dollars!, b.gpuHours * 2.5, accuracy: 1e-6)
    }
}

final class PlanningDefectTests: XCTestCase {
    /// Qwen2.5-0.5B's 32k limit is native: it costs nothing, so longer limits have no cost
    /// ratio, and the RULER note (about extended checkpoints) is not given.
    func testExtendFromANativeLimit() throws {
        let a = try Fixtures.planner.extend(model: "qwen2.5-0.5b", task: "arithmetic", prompt: .shots(100))
        let r = try XCTUnwrap(a.recommended)
        XCTAssertEqual(a.options[r].nCtx, a.base.nCtx)
        XCTAssertEqual(a.options[r].extensionFlops, 0)
        for o in a.options where o.nCtx > a.base.nCtx {
            guard case .noGainForCost(_, let ratio)? = o.verdict else { return XCTFail("\(o.verdict as Any)") }
            XCTAssertNil(ratio)
        }
        XCTAssertFalse(a.notes.contains { if case .headroom = $0 { true } else { false } }, "\(a.notes)")
    }

    /// `table` warns of extrapolation as `predict` does: Gemma-2-9B's 4e23 FLOPs against the
    /// arithmetic fit's largest compute.
    func testTableWarnsOfExtrapolationAsPredictDoes() throws {
        let t = try Fixtures.planner.table(task: "arithmetic", model: "gemma-2-9b", nCtx: nil)
        let p = try Fixtures.planner.predict(
            task: "arithmetic", compute: .model("gemma-2-9b"), prompt: .shots(0), nCtx: nil)
        let range = try XCTUnwrap(t.scenario.task.fitRange)
        let expected = PlanningNote.extrapolation(
            Extrapolation(quantity: .compute, value: 4e23, bound: range.computeMax, side: .above))
        XCTAssertTrue(t.notes.contains(expected), "\(t.notes)")
        XCTAssertTrue(p.notes.contains(expected), "\(p.notes)")
        XCTAssertEqual(4e23 / range.computeMax, 2.6, accuracy: 0.05)
    }
}
