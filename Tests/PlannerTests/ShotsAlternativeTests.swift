import ContextScaling
import XCTest

@testable import Planner

/// The planner's alternative to spending more: fewer shots at the model's own limit for
/// `extend`, more shots within the limit for `compute-for`, checked against scans of the law.
final class ShotsAlternativeTests: XCTestCase {
    /// Every shot count whose prompt fits `tokens`, counted up from zero (not `maxShots`).
    private func fitting(_ layout: PromptLayout, _ tokens: Double) -> [Int] {
        var shots: [Int] = []
        while layout.promptTokens(shots: shots.count) <= tokens { shots.append(shots.count) }
        return shots
    }

    /// The case: 64 shots of arithmetic need 8k, but 52 shots fit Llama 2 7B's 4k and
    /// score the same with no extension. The alternative is the best score among the shot
    /// counts that fit, with the fewest shots that give it.
    func testExtendOffersTheShotsThatFitTodaysLimit() throws {
        let a = try Fixtures.planner.extend(model: "llama-2-7b", task: "arithmetic", prompt: .shots(64))
        let alternative = try XCTUnwrap(a.alternative)
        let task = try Fixtures.library.task("arithmetic")
        let layout = try task.layout
        let model = try Fixtures.library.resolve(model: "llama-2-7b")
        let law = task.law.forModel(nativeLimit: model.nativeNCtx)
        // The best score among the shot counts that fit 4k, and the fewest shots giving it.
        let scores = fitting(layout, 4096).map {
            ($0, law.score(flops: model.flops, promptTokens: layout.promptTokens(shots: $0), contextLimit: 4096))
        }
        let best = try XCTUnwrap(scores.map(\.1).max())
        let fewest = try XCTUnwrap(scores.first { $0.1 >= best }?.0)
        XCTAssertEqual(fewest, 52, "the issue's 52 shots: 53 fit too, and score no more")
        XCTAssertEqual(alternative.shots, fewest)
        XCTAssertEqual(alternative.score, best, accuracy: 1e-12)
        XCTAssertEqual(alternative.nCtx, 4096)
        XCTAssertEqual(alternative.flops, 0, "no extension")
        let chosen = try XCTUnwrap(a.recommended.map { a.options[$0] })
        XCTAssertEqual(chosen.nCtx, 8192)
        XCTAssertEqual(alternative.savedFlops, chosen.extensionFlops)
        XCTAssertEqual(alternative.recommended, best >= chosen.score * (1 - 0.01))
        XCTAssertTrue(alternative.recommended, "0.133 against 0.133")
    }

    /// A target the shots that fit do not reach: the alternative is said, not recommended; a
    /// prompt that fits the limit already has none; nor has a prompt given in tokens.
    func testExtendAlternativeOnlyWhereItHelps() throws {
        let task = try Fixtures.library.task("arithmetic")
        let model = try Fixtures.library.resolve(model: "llama-2-7b")
        let law = task.law.forModel(nativeLimit: model.nativeNCtx)
        let layout = try task.layout
        let atFour = law.score(flops: model.flops, promptTokens: layout.promptTokens(shots: 52), contextLimit: 4096)
        let high = try Fixtures.planner.extend(
            model: "llama-2-7b", task: "arithmetic", prompt: .shots(64), target: atFour + 1e-4)
        XCTAssertEqual(high.alternative?.recommended, false)
        let fits = try Fixtures.planner.extend(model: "llama-2-7b", task: "arithmetic", prompt: .shots(10))
        XCTAssertNil(fits.alternative)
        let tokens = try Fixtures.planner.extend(model: "llama-2-7b", task: "arithmetic", prompt: .tokens(6000))
        XCTAssertNil(tokens.alternative)
        // The reserve counts: with 1k reserved, fewer shots fit.
        let reserved = try Fixtures.planner.extend(
            model: "llama-2-7b", task: "arithmetic", prompt: .shots(64), reserve: 1024)
        XCTAssertLessThanOrEqual(try XCTUnwrap(reserved.alternative).promptTokens + 1024, 4096)
    }

    /// Without a model there is no compute of today's to compare with; with one that has the
    /// compute already, nothing to save.
    func testComputeForOffersNothingWithoutAModelShortOfCompute() throws {
        var a = try Fixtures.planner.computeFor(target: 0.16, task: "arithmetic", prompt: .shots(5), nCtx: 8192)
        XCTAssertNil(Fixtures.planner.moreShots(for: a, within: 0.01))
        a.baseline = try Fixtures.planner.baseline(model: "llama-2-70b", for: a)
        XCTAssertEqual(a.baseline?.additionalFlops, 0)
        XCTAssertNil(Fixtures.planner.moreShots(for: a, within: 0.01))
    }

    /// With a baseline model short of the compute, the alternative is the fewest shots that
    /// reach the target within the tolerance at the model's own compute.
    func testComputeForOffersMoreShotsAtTheModelsCompute() throws {
        let task = try Fixtures.library.task("arithmetic")
        let layout = try task.layout
        var a = try Fixtures.planner.computeFor(target: 0.133, task: "arithmetic", prompt: .shots(5), nCtx: 4096)
        a.baseline = try Fixtures.planner.baseline(model: "llama-2-7b", for: a)
        let gap = try XCTUnwrap(a.baseline)
        XCTAssertGreaterThan(gap.additionalFlops, 0, "7B is short of the compute 0.133 needs at 5 shots")
        let alternative = try XCTUnwrap(Fixtures.planner.moreShots(for: a, within: 0.01))
        let fewest = try XCTUnwrap(
            fitting(layout, 4096).first {
                task.law.score(flops: gap.flops, promptTokens: layout.promptTokens(shots: $0), contextLimit: 4096)
                    >= 0.133 * 0.99
            })
        XCTAssertEqual(alternative.shots, fewest)
        XCTAssertEqual(alternative.flops, gap.flops)
        XCTAssertEqual(alternative.savedFlops, gap.additionalFlops)
        XCTAssertGreaterThanOrEqual(alternative.score, 0.133 * 0.99)
    }
}
