import ContextScaling
import XCTest

@testable import Planner

/// Every seed of the fit reaches the same minimum: the sum of squares over 10 seeds spreads by
/// less than 1e-4 of itself. (Before the final polish the paper law's arithmetic fit spread by
/// 1e-3, seeds stopping at different places along the ridge where A, Cc and alpha trade off.)
final class FitMinimumTests: XCTestCase {
    static let seeds: [UInt64] = Array(0..<10)

    func records(_ task: String) throws -> [Observation] {
        try Fixtures.planner.fitRecords(file: nil, task: task).records
    }

    /// (largest - smallest) / smallest over the seeds, and the seed that stopped highest.
    func spread(_ sse: [Double]) -> (relative: Double, worstSeed: Int) {
        let low = sse.min() ?? 0
        let high = sse.max() ?? 0
        return ((high - low) / low, sse.firstIndex(of: high) ?? 0)
    }

    func testPaperLawFitReachesOneMinimumFromEverySeed() throws {
        for task in ["arithmetic", "commonsense", "translation"] {
            let data = try records(task)
            let sse = try Self.seeds.map { seed in
                try Fixtures.planner.fit(name: task, records: data, form: .paper, seed: seed).result.sse
            }
            let (relative, worst) = spread(sse)
            XCTAssertLessThan(relative, 1e-4, "\(task): seed \(worst) stops higher; \(sse)")
        }
    }

    func testSoftLawValidationReachesOneMinimumFromEverySeed() throws {
        for task in ["arithmetic", "translation"] {
            let data = try records(task)
            let sse = try Self.seeds.map { seed in
                try Fixtures.planner.validate(name: task, records: data, form: .soft, seed: seed).fit.result.sse
            }
            let (relative, worst) = spread(sse)
            XCTAssertLessThan(relative, 1e-4, "\(task): seed \(worst) stops higher; \(sse)")
        }
    }
}
