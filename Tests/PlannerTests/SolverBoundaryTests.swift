import ContextScaling
import XCTest

@testable import Planner

/// The planning questions at the boundaries where the solvers used to trap or answer with a
/// search bound: a target equal to the best or the zero-shot score, a knee within 1e-16 of the
/// best, a target that compute does not bind, limits shorter than the zero-shot prompt.
final class SolverBoundaryTests: XCTestCase {
    let limits: [Double?] = [nil, 8192, 32768]

    /// Every bundled task and model: the best score `shots` prints, fed back to `context-for`,
    /// is reached at the best shot count or one scoring the same; the zero-shot score at 0 shots.
    func testBestAndZeroShotScoresAreReachedForEveryTaskAndModel() throws {
        let planner = Fixtures.planner
        var asked = 0
        for task in Fixtures.library.tasks.map(\.name) {
            for model in Fixtures.library.models.map(\.name) {
                for limit in limits {
                    // Limits below a model's native one are rejected; those pairs are not asked.
                    guard let shots = try? planner.shots(task: task, compute: .model(model), nCtx: limit)
                    else { continue }
                    let zeroShot = shots.rows.first { $0.shots == 0 }?.score ?? -1
                    let targets = [(shots.best.score, shots.best.shots), (zeroShot, 0)]
                    for (target, expectedShots) in targets where target > 0 {
                        let answer = try planner.contextFor(
                            target: target, task: task, compute: .model(model), nCtx: limit)
                        guard case .reached(let choice, _) = answer.solution else {
                            return XCTFail("\(task), \(model) at \(String(describing: limit)): \(target) not reached")
                        }
                        asked += 1
                        XCTAssertGreaterThanOrEqual(choice.score, target)
                        XCTAssertLessThanOrEqual(choice.shots, expectedShots, "\(task), \(model)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(asked, 100)
    }

    /// `shots --within 1e-16`: the knee is the best itself or a count scoring as well.
    func testKneeWithinRoundingOfTheBestIsTheBest() throws {
        for task in Fixtures.library.tasks.map(\.name) {
            let a = try Fixtures.planner.shots(task: task, compute: .model("llama-2-7b"), nCtx: nil, within: 1e-16)
            XCTAssertLessThanOrEqual(a.knee.shots, a.best.shots)
            XCTAssertGreaterThanOrEqual(a.knee.score, a.best.score * (1 - 1e-16), task)
        }
    }

    /// A target the compute factor passes at 1 FLOP is its own outcome: no FLOP count, no lifts.
    func testATargetReachedAtAnyComputeIsNotGivenAFlopCount() throws {
        let a = try Fixtures.planner.computeFor(target: 1e-9, task: "arithmetic", prompt: .shots(3), nCtx: 8192)
        XCTAssertEqual(a.solution, .reachedAtAnyCompute)
        XCTAssertNil(a.flops)
        XCTAssertTrue(a.reachable)
        XCTAssertTrue(a.lifts.isEmpty)
        // Independently: the forward law at 1 FLOP already scores above the target.
        let law = try Fixtures.library.task("arithmetic").law
        XCTAssertGreaterThan(law.score(flops: 1, promptTokens: 78.17 + 3 * 75.74, contextLimit: 8192), 1e-9)
    }

    func testHeatmapBelowTheZeroShotPromptSaysWhyAndAtItAnswers() throws {
        let task = try Fixtures.library.task("arithmetic")
        XCTAssertThrowsError(try Fixtures.planner.heatmap(task: task, nCtx: 32)) { error in
            XCTAssertEqual(
                error as? PlotError, .limitBelowZeroShotPrompt(limit: 32, task: "arithmetic", zeroShotTokens: 78.17))
        }
        let base = try task.layout.baseTokens
        let map = try Fixtures.planner.heatmap(task: task, nCtx: base, columns: 0, rows: -3)
        XCTAssertEqual(map.prompts.first, base)
        XCTAssertEqual(map.prompts.last ?? 0, 2 * base, accuracy: 1e-9)
        XCTAssertEqual(map.computes.count, 2, "at least two rows, so the axis has a range")
        XCTAssertTrue(map.scores.joined().allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
    }

    /// A default plot range that is empty names the defaults, not flags the user never typed.
    func testAnEmptyDefaultPlotRangeNamesTheDefaults() throws {
        let task = try Fixtures.library.task("arithmetic")
        let curves = [CurveRequest(label: .model("x"), flops: 1e23, nCtx: 32)]
        let oneShot = try task.layout.promptTokens(shots: 1)
        XCTAssertThrowsError(try Fixtures.planner.plotData(task: task, curves: curves)) { error in
            XCTAssertEqual(
                error as? PlotError,
                .emptyPromptRange(
                    low: oneShot, lowIsDefault: true, high: 64, highIsDefault: true))
        }
    }
}
