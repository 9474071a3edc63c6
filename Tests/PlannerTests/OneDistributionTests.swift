import ContextScaling
import XCTest

@testable import Planner

/// Every printed point lies inside its own printed interval: the point and the interval come
/// from one distribution (the bundled draws centred on Table 4), over a generated grid of
/// questions on every bundled task.
final class OneDistributionTests: XCTestCase {
    static let tasks = ["arithmetic", "commonsense", "translation"]
    static let models = ["llama-2-7b", "llama-2-13b", "yarn-llama-2-7b-32k", "yarn-llama-2-13b-128k"]

    func contains(_ interval: Interval?, _ point: Double?, _ context: String, file: StaticString = #filePath,
        line: UInt = #line) -> Bool
    {
        guard let interval, let point else { return true }
        // An end nil means no outcome answers on that side: nothing to contain.
        if let low = interval.low, point < low {
            XCTFail("\(context): \(point) below \(low)", file: file, line: line)
            return false
        }
        if let high = interval.high, point > high {
            XCTFail("\(context): \(point) above \(high)", file: file, line: line)
            return false
        }
        return true
    }

    func testEveryPointLiesInsideItsOwnInterval() throws {
        let planner = Fixtures.planner
        var rng = SeededGenerator(seed: 0x0D15_7B17)
        var checked = 0
        for task in Self.tasks {
            for model in Self.models {
                for _ in 0..<4 {
                    let shots = [0, 1, 3, 5, 15, 31, 63, 127][Int(rng.next() % 8)]
                    let nCtx = [4096.0, 8192, 16384, 32768, 131_072][Int(rng.next() % 5)]
                    let level = [50.0, 80, 95][Int(rng.next() % 3)]
                    let kind: IntervalKind = rng.next() % 2 == 0 ? .prediction : .confidence
                    let request = IntervalRequest(level: level, kind: kind)
                    let context = "\(task) \(model) \(shots) shots n_ctx \(nCtx) \(level)% \(kind)"
                    guard
                        let p = try? planner.predict(
                            task: task, compute: .model(model), prompt: .shots(shots), nCtx: nCtx,
                            interval: request)
                    else { continue }
                    if contains(p.interval, p.score, "predict " + context) { checked += 1 }

                    let s = try planner.shots(task: task, compute: .model(model), nCtx: nCtx, interval: request)
                    if contains(s.interval, s.best.score, "shots score " + context) { checked += 1 }
                    if contains(s.bestInterval, Double(s.best.shots), "best shots " + context) { checked += 1 }
                    if contains(s.kneeInterval, Double(s.knee.shots), "knee " + context) { checked += 1 }

                    // Targets below, near and at the best score this setting reaches.
                    let target = s.best.score * [0.5, 0.9, 0.99, 1.0][Int(rng.next() % 4)]
                    let c = try planner.contextFor(
                        target: target, task: task, compute: .model(model), nCtx: nCtx, interval: request)
                    if contains(c.interval, c.solution.reachedShots.map(Double.init), "context-for " + context) {
                        checked += 1
                    }
                    let f = try planner.computeFor(
                        target: target, task: task, prompt: .shots(shots), nCtx: nCtx, interval: request)
                    if contains(f.interval, f.flops, "compute-for \(target) " + context) { checked += 1 }

                    let e = try planner.extend(model: model, task: task, prompt: .shots(shots), interval: request)
                    for option in e.options where contains(option.interval, option.score, "extend " + context) {
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 500, "the grid asks enough questions")
    }

    /// The centring moves the draws' median law onto the preset's: the median score over the
    /// draws equals Table 4's score at the reference compute and prompt, where the centring's
    /// log arguments are taken.
    func testTheDrawsMedianIsTableFourAtTheReference() throws {
        for name in Self.tasks {
            let task = try Fixtures.library.task(name)
            guard let range = task.fitRange else { return XCTFail("\(name) has no fit range") }
            let flops = (range.computeMin * range.computeMax).squareRoot()
            let nPmt = (range.nPmtMin * range.nPmtMax).squareRoot()
            let compute = task.draws.map { $0.computeFactor(flops: flops) }
            let context = task.draws.map { $0.contextFactor(promptTokens: nPmt) }
            // Each factor is monotone in its log argument, so Table 4's factor lies between the
            // two middle draws' factors (the median argument is Table 4's, up to rounding).
            for (values, point) in [
                (compute, task.law.computeFactor(flops: flops)), (context, task.law.contextFactor(promptTokens: nPmt)),
            ] {
                let sorted = values.sorted()
                let n = sorted.count
                let (low, high) = n % 2 == 0 ? (sorted[n / 2 - 1], sorted[n / 2]) : (sorted[n / 2], sorted[n / 2])
                XCTAssertGreaterThanOrEqual(point, low * (1 - 1e-12), name)
                XCTAssertLessThanOrEqual(point, high * (1 + 1e-12), name)
            }
        }
    }
}
