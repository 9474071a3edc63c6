import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// The intervals' arithmetic against independent computations: quantiles of known sets,
/// brute-force chances, coverage of draws from the very distribution the interval assumes.
final class IntervalTests: XCTestCase {
    let law = ContextScalingLaw(LawParameters(A: 9.96, Cc: 9.7e29, alpha: 0.26, B: 62.24, nc: 1.3e5, beta: 0.56))
    let layout = PromptLayout(baseTokens: 78.17, shotTokens: 75.74)

    func task(draws: [ContextScalingLaw], residuals: [Double]) -> TaskPreset {
        TaskPreset(name: "t", law: law, layout: layout, draws: draws, residuals: residuals)
    }

    /// One draw equal to the law, no scatter: the confidence interval is the point itself.
    func testOneDrawEqualToTheLawGivesThePoint() {
        let t = task(draws: [law], residuals: [])
        let point = law.score(flops: 7.7715e22, promptTokens: 2426.11, contextLimit: 4096)
        let i = Planner.scoreInterval(IntervalRequest(level: 80), t, 7.7715e22, 2426.11, 4096)
        XCTAssertEqual(i?.kind, .confidence, "no residuals: the prediction falls back, and says so")
        XCTAssertEqual(i?.low ?? .nan, point, accuracy: 1e-15)
        XCTAssertEqual(i?.high ?? .nan, point, accuracy: 1e-15)
    }

    /// Residuals spread evenly over [-0.05, 0.05] around one law: the 80% prediction interval is
    /// the point -0.04 .. +0.04 (the 10% and 90% quantiles of that uniform set), symmetric.
    func testPredictionIntervalOfEvenResidualsIsTheirQuantiles() {
        let residuals = (0...100).map { Double($0) / 1000 - 0.05 }
        let t = task(draws: [law], residuals: residuals)
        let point = law.score(flops: 7.7715e22, promptTokens: 2426.11, contextLimit: 4096)
        let i = Planner.scoreInterval(IntervalRequest(level: 80), t, 7.7715e22, 2426.11, 4096)
        XCTAssertEqual(i?.kind, .prediction)
        XCTAssertEqual(i?.low ?? .nan, point - 0.04, accuracy: 0.004)
        XCTAssertEqual(i?.high ?? .nan, point + 0.04, accuracy: 0.004)
        // The chance of reaching the point itself is about a half; of point + 0.03, about 0.2.
        let half = Planner.probability(
            reaching: point, kind: .prediction, task: t, flops: 7.7715e22, nPmt: 2426.11, nCtx: 4096)
        XCTAssertEqual(half ?? .nan, 0.5, accuracy: 0.04)
        let fifth = Planner.probability(
            reaching: point + 0.03, kind: .prediction, task: t, flops: 7.7715e22, nPmt: 2426.11, nCtx: 4096)
        XCTAssertEqual(fifth ?? .nan, 0.2, accuracy: 0.04)
    }

    /// New scores drawn from the same scatter the interval resamples fall inside its 80%
    /// interval about 80% of the time.
    func testPredictionIntervalCoversNewScoresFromItsOwnScatter() {
        var rng = SeededGenerator(seed: 42)
        func normal() -> Double {
            (-2 * log(1 - rng.unit())).squareRoot() * cos(2 * Double.pi * rng.unit())
        }
        let residuals = (0..<400).map { _ in 0.02 * normal() }
        let t = task(draws: [law], residuals: residuals)
        let point = law.score(flops: 1e23, promptTokens: 1000, contextLimit: 8192)
        guard let i = Planner.scoreInterval(IntervalRequest(level: 80), t, 1e23, 1000, 8192),
            let low = i.low, let high = i.high
        else { return XCTFail("no interval") }
        let truths = (0..<4000).map { _ in point + 0.02 * normal() }
        let coverage = Double(truths.filter { $0 >= low && $0 <= high }.count) / Double(truths.count)
        XCTAssertEqual(coverage, 0.8, accuracy: 0.04)
    }

    /// The compute reached with probability q is the least C that a share q of outcomes reach
    /// by: checked by scanning every candidate.
    func testComputeAtConfidenceIsTheLeastComputeReachedByThatShare() {
        let values: [Double?] = [5e22, nil, 1e22, 3e23, 2e22, nil, 8e22, 4e22, 1.5e23, 6e22]
        for q in [0.1, 0.25, 0.5, 0.8, 0.9] {
            let brute = values.compactMap { $0 }.sorted().first { c in
                Double(values.filter { ($0 ?? .infinity) <= c }.count) / Double(values.count) >= q - 1e-12
            }
            XCTAssertEqual(Planner.compute(atConfidence: q, of: values), brute, "q = \(q)")
        }
        XCTAssertNil(Planner.compute(atConfidence: 0.95, of: values), "only 80% of outcomes ever reach it")
    }

    /// Compute intervals interpolate in logarithms: between 1e22 and 1e24 the midpoint is 1e23.
    func testComputeIntervalsInterpolateInLogs() {
        let i = Planner.interval(level: 1e-9, values: [1e22, 1e24], logScale: true)
        XCTAssertEqual(log10(i?.low ?? 0), 23, accuracy: 1e-6)
    }

    /// Commonsense: the issue measured Table 4's compute for 0.55 (5 shots, 4k) 14% below the
    /// refit's interval; the bundled draws show it outside, and the note says so.
    /// Table 4's answer lay below the refit's interval (8.7e22 against 9.6e22-1.0e23): the
    /// draws are now centred on Table 4, so the interval holds it near its middle.
    func testTheDrawsAreCentredOnTableFour() throws {
        let a = try Fixtures.planner.computeFor(
            target: 0.55, task: "commonsense", prompt: .shots(5), nCtx: 4096,
            interval: IntervalRequest(level: 80, kind: .confidence))
        guard let low = a.interval?.low, let high = a.interval?.high, let flops = a.flops else {
            return XCTFail("no interval")
        }
        XCTAssertLessThan(low, flops)
        XCTAssertGreaterThan(high, flops)
        // Near the middle in logs: the centring shifts the draws' median law onto Table 4's.
        let middle = (log(low) + log(high)) / 2
        XCTAssertEqual(middle, log(flops), accuracy: 0.35 * (log(high) - log(low)))
        // Every bundled task carries draws and residuals, validated on load.
        for name in ["arithmetic", "commonsense", "translation"] {
            let t = try Fixtures.library.task(name)
            XCTAssertGreaterThanOrEqual(t.draws.count, 200, name)
            XCTAssertEqual(t.residuals.count, 120, name)
        }
    }

    /// What an interval adds to an answer in-process, the preset's 400 draws read from disk
    /// included (printed; the debug build is 10-50x slower than the release build users run).
    func testIntervalCostIsPrinted() throws {
        func milliseconds(_ body: () throws -> Void) rethrows -> Double {
            let start = Date()
            try body()
            return Date().timeIntervalSince(start) * 1000
        }
        var without = 0.0
        var with = 0.0
        for _ in 0..<3 {
            let library = PresetLibrary(directories: [Fixtures.presets])
            without += try milliseconds {
                _ = try Planner(library: library).computeFor(
                    target: 0.55, task: "commonsense", prompt: .shots(5), nCtx: 4096)
            }
            with += try milliseconds {
                let a = try Planner(library: library).computeFor(
                    target: 0.55, task: "commonsense", prompt: .shots(5), nCtx: 4096, interval: IntervalRequest())
                XCTAssertNotNil(a.interval?.low)
            }
        }
        print(
            String(
                format: "compute-for in-process: %.1f ms cold, %.1f ms more with its interval", without / 3, with / 3))
    }

    /// A model whose 5-shot score lies below its 0-shot score, with the prompt fitting, is named.
    func testScoreFallingWithThePromptIsFound() {
        func record(_ model: String, _ n: Double, _ metric: Double) -> Observation {
            Observation(
                task: nil, model: model, flops: 1e23, nCtx: 4096, nPmt: n, shots: nil, metric: metric, origin: "")
        }
        let rising = [record("a", 78, 0.30), record("a", 457, 0.33), record("a", 9000, 0.0)]
        XCTAssertNil(Planner.promptDrop(rising), "a fall past the limit is the penalty's, not a drop")
        let falling = rising + [record("b", 78, 0.40), record("b", 457, 0.35), record("b", 1000, 0.41)]
        let drop = Planner.promptDrop(falling)
        XCTAssertEqual(drop?.group, .model("b"))
        XCTAssertEqual(drop?.drop ?? 0, 0.05, accuracy: 1e-12)
        XCTAssertEqual(drop?.groups, 1)
    }
}

extension Planner {
    /// Shorthand for the tests.
    static func scoreInterval(
        _ request: IntervalRequest, _ task: TaskPreset, _ flops: Double, _ nPmt: Double, _ nCtx: Double
    ) -> Interval? {
        scoreInterval(request, task: task, flops: flops, nPmt: nPmt, nCtx: nCtx)
    }
}
