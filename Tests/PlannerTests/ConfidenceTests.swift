import ContextScaling
import XCTest

@testable import Planner

/// `compute-for T --confidence q`: the least compute by which a share q of the outcomes reach
/// T, monotone in q, and an answer that says so when fewer than q reach T at all.
final class ConfidenceTests: XCTestCase {
    /// Seeded, so that a failure repeats.
    private var rng = SeededGenerator(seed: 0xC0F1_DE9C_E5EE_D001)
    private func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * Double(rng.next() >> 11) / Double(1 << 53)
    }

    /// An answer at a confidence past the interval's own quantiles (0.05 and 0.95 against an
    /// 80% interval's 10% and 90%) still lies inside its interval, as every answer does.
    func testTheAnswerAtEveryConfidenceLiesInsideItsInterval() throws {
        for q in [0.02, 0.05, 0.1, 0.5, 0.9, 0.95, 0.99] {
            for level in [50.0, 80, 95] {
                let a = try Fixtures.planner.computeFor(
                    target: 0.16, task: "arithmetic", prompt: .shots(31), nCtx: 8192,
                    interval: IntervalRequest(level: level), confidence: q)
                guard let flops = a.flops else { continue }
                let i = try XCTUnwrap(a.interval, "q \(q), level \(level)")
                XCTAssertLessThanOrEqual(i.low ?? 0, flops, "q \(q), level \(level)")
                XCTAssertGreaterThanOrEqual(i.high ?? .infinity, flops, "q \(q), level \(level)")
            }
        }
    }

    /// The compute at each q, found by scanning: each outcome's own compute is a candidate, and
    /// the answer is the least candidate at which a share q of the outcomes score T (their
    /// scores evaluated with the law directly, not through the solver).
    func testBruteForceScanGivesTheSameComputeAtEachQ() throws {
        let task = try Fixtures.library.task("commonsense")
        let (nPmt, nCtx, target) = (439.8, 4096.0, 0.9)
        let outcomes = task.outcomes(.prediction)
        let candidates = Planner.computeOutcomes(reaching: target, outcomes: outcomes, nPmt: nPmt, nCtx: nCtx)
            .compactMap { $0 }.sorted()
        func share(reachingBy c: Double) -> Double {
            // A relative hair above c: the solver's answer is accurate to 1e-9.
            let reaching = outcomes.all.filter {
                $0.score(flops: c * (1 + 1e-7), promptTokens: nPmt, contextLimit: nCtx) >= target
            }
            return Double(reaching.count) / Double(outcomes.all.count)
        }
        for q in [0.05, 0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95] {
            let a = try Fixtures.planner.computeFor(
                target: target, task: "commonsense", prompt: .shots(5), nCtx: nCtx, confidence: q)
            guard let brute = candidates.first(where: { share(reachingBy: $0) >= q - 1e-12 }) else {
                XCTAssertTrue(a.notReachableAtConfidence, "q = \(q)")
                continue
            }
            let flops = try XCTUnwrap(a.flops, "q = \(q)")
            XCTAssertEqual(flops / brute, 1, accuracy: 1e-6, "q = \(q)")
            XCTAssertEqual(a.reachProbability ?? -1, share(reachingBy: 1e300), accuracy: 1e-12)
        }
    }

    /// Over generated (task, target, shots) settings, the compute never falls as q rises; "any
    /// compute" counts as the least, "not reachable" as the most, and once not reachable an
    /// answer stays so. The share that reaches the target is the same at every q.
    func testComputeIsMonotoneInConfidence() throws {
        let qs = [0.05, 0.2, 0.5, 0.6, 0.8, 0.9, 0.95, 0.99]
        for _ in 0..<30 {
            let task = ["arithmetic", "commonsense", "translation"][Int(rng.next() % 3)]
            let target = uniform(0.02...0.995)
            let shots = Int(rng.next() % 40)
            let nCtx = [4096.0, 8192, 16384][Int(rng.next() % 3)]
            var last = -1.0
            var shares = Set<Double>()
            for q in qs {
                let a = try Fixtures.planner.computeFor(
                    target: target, task: task, prompt: .shots(shots), nCtx: nCtx, confidence: q)
                let value: Double
                if a.notReachableAtConfidence {
                    value = .infinity
                } else {
                    switch a.solution {
                    case .reached(let c): value = c
                    case .reachedAtAnyCompute: value = 0
                    case .unreachable, .beyondAnyCompute:
                        return XCTFail("\(task) \(target) q \(q): an answer at confidence is the outcomes', not the law's")
                    }
                }
                XCTAssertGreaterThanOrEqual(value, last, "\(task) target \(target) shots \(shots) q \(q)")
                last = value
                shares.insert(try XCTUnwrap(a.reachProbability))
            }
            XCTAssertEqual(shares.count, 1, "\(task) \(target): one share reaches the target, whatever q")
        }
    }

    /// A target some outcomes never reach: above the share that does, the answer is "not
    /// reachable at this confidence" with no compute (never the law's own answer); at the share,
    /// a compute.
    func testAboveTheReachShareTheAnswerIsNotReachable() throws {
        let (target, nCtx) = (0.99, 4096.0)
        let task = try Fixtures.library.task("commonsense")
        let computes = Planner.computeOutcomes(
            reaching: target, outcomes: task.outcomes(.prediction), nPmt: 439.8, nCtx: nCtx)
        let share = Double(computes.compactMap { $0 }.count) / Double(computes.count)
        XCTAssertGreaterThan(share, 0.1, "some outcomes reach 0.99")
        XCTAssertLessThan(share, 0.95, "some never do")
        let above = try Fixtures.planner.computeFor(
            target: target, task: "commonsense", prompt: .shots(5), nCtx: nCtx, confidence: share + 0.01)
        XCTAssertTrue(above.notReachableAtConfidence)
        XCTAssertFalse(above.reachable)
        XCTAssertNil(above.flops, "no silent fallback to the law's own compute")
        XCTAssertEqual(above.reachProbability ?? -1, share, accuracy: 1e-12)
        let at = try Fixtures.planner.computeFor(
            target: target, task: "commonsense", prompt: .shots(5), nCtx: nCtx, confidence: share)
        XCTAssertFalse(at.notReachableAtConfidence)
        XCTAssertEqual(at.flops, computes.compactMap { $0 }.max(), "the last outcome to reach it")
    }

    /// An interval whose upper tail holds outcomes that never answer has no upper end ("never"),
    /// not the largest finite answer; checked against the order statistics by hand.
    func testAnIntervalEndAmongNeverReachingOutcomesIsNil() throws {
        // Ten outcomes, three that never reach: the 10% and 90% points are at positions 0.9 and
        // 8.1 of the ten sorted (nil last).
        let values: [Double?] = [4, nil, 1, 3, nil, 2, 5, 6, nil, 7]
        let i = try XCTUnwrap(Planner.interval(level: 80, values: values))
        XCTAssertEqual(i.low ?? 0, 1 + 0.9 * (2 - 1), accuracy: 1e-12)
        XCTAssertNil(i.high, "position 8.1 lies among the outcomes that never reach")
        XCTAssertEqual(i.unanswered, 3)
        // A 20% interval's 60% point, position 5.4, lies between 6 and 7; a 40% interval's 70%
        // point, position 6.3, between 7 and the first that never reaches.
        let narrow = try XCTUnwrap(Planner.interval(level: 20, values: values))
        XCTAssertEqual(narrow.high ?? 0, 6 + 0.4 * (7 - 6), accuracy: 1e-12)
        XCTAssertNil(try XCTUnwrap(Planner.interval(level: 40, values: values)).high)
        // Every outcome inside the interval never reaches: both ends are nil.
        let never = try XCTUnwrap(Planner.interval(level: 50, values: [nil, nil, nil, 1]))
        XCTAssertNil(never.low)
        XCTAssertNil(never.high)
        // Without such outcomes nothing changes: the plain interpolated quantiles.
        let plain = try XCTUnwrap(Planner.interval(level: 80, values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
        XCTAssertEqual(plain.low ?? 0, DrawStatistics.quantile(Array(1...10).map(Double.init), 0.1), accuracy: 1e-12)
        XCTAssertEqual(plain.high ?? 0, DrawStatistics.quantile(Array(1...10).map(Double.init), 0.9), accuracy: 1e-12)
    }
}
