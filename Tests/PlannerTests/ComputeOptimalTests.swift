import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// The Chinchilla split (Hoffmann et al. 2022, Approach 3) against its defining conditions and a
/// numerical minimisation.
final class ComputeOptimalTests: XCTestCase {
    let law = ChinchillaLaw.approach3

    /// 6 N D = C, and the first-order condition of minimising L under it: d/dN L(N, C/6N) = 0,
    /// which is alpha A N^-alpha = beta B D^-beta. Across the whole range of C the program takes.
    func testTheSplitSpendsTheBudgetAtTheStationaryPoint() {
        for exponent in stride(from: 18.0, through: 30.0, by: 0.5) {
            let c = pow(10, exponent)
            let s = law.optimalSplit(flops: c)
            XCTAssertEqual(6 * s.parameters * s.tokens / c, 1, accuracy: 1e-12, "C = \(c)")
            let marginalN = law.alpha * law.a * pow(s.parameters, -law.alpha)
            let marginalD = law.beta * law.b * pow(s.tokens, -law.beta)
            XCTAssertEqual(marginalN / marginalD, 1, accuracy: 1e-9, "C = \(c)")
        }
    }

    /// A golden-section search of L(N, C/6N) over log N finds the same N: a second method.
    func testAGoldenSectionSearchFindsTheSameMinimum() {
        for c in [1e20, 5.76e23, 1e27] {
            func loss(_ logN: Double) -> Double { law.loss(parameters: exp(logN), tokens: c / (6 * exp(logN))) }
            var (low, high) = (log(1e3), log(c / 6) - log(1e3))
            let ratio = (sqrt(5) - 1) / 2
            for _ in 0..<200 {
                let x1 = high - ratio * (high - low)
                let x2 = low + ratio * (high - low)
                if loss(x1) < loss(x2) { high = x2 } else { low = x1 }
            }
            XCTAssertEqual(log(law.optimalSplit(flops: c).parameters), (low + high) / 2, accuracy: 1e-4, "C = \(c)")
        }
    }

    /// The exponents: N_opt grows as C^(beta/(alpha+beta)) = C^(0.28/0.62).
    func testParametersGrowAsCToTheBetaOverAlphaPlusBeta() {
        let ratio = law.optimalSplit(flops: 1e25).parameters / law.optimalSplit(flops: 1e23).parameters
        XCTAssertEqual(log(ratio) / log(100), 0.28 / 0.62, accuracy: 1e-12)
    }

    /// compute-for reports the split of the compute it answers.
    func testComputeForGivesTheSplitOfItsCompute() throws {
        let a = try Fixtures.planner.computeFor(
            target: 0.16, task: "arithmetic", prompt: .shots(31), nCtx: 8192, tokens: 2e12)
        let flops = try XCTUnwrap(a.flops)
        let split = try XCTUnwrap(a.computeOptimal)
        XCTAssertEqual(6 * split.parameters * split.tokens / flops, 1, accuracy: 1e-12)
        XCTAssertEqual(split, law.optimalSplit(flops: flops))
    }
}
