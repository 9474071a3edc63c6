import XCTest

@testable import ContextScaling

final class StableMathTests: XCTestCase {
    func testSaturateKeepsDigitsForTinyArguments() {
        // 1 - exp(-x) = x - x^2/2 + ...; the naive subtraction keeps only ~4 digits at 1e-12.
        let x = 1e-12
        XCTAssertEqual(StableMath.saturate(x), x - x * x / 2, accuracy: 1e-27)
        XCTAssertEqual(StableMath.saturate(1e-300), 1e-300)
    }

    func testSaturateAtLargeArgumentsIsOne() {
        XCTAssertEqual(StableMath.saturate(50), 1)
        XCTAssertEqual(StableMath.saturate(.infinity), 1)
        XCTAssertEqual(StableMath.saturate(0), 0)
    }

    func testLogSaturateMatchesClosedFormsOnBothBranches() {
        // Below ln 2: log(1 - e^-x) ~ log(x) - x/2 for small x.
        XCTAssertEqual(StableMath.logSaturate(1e-10), log(1e-10) - 0.5e-10, accuracy: 1e-15)
        // Above ln 2: log(1 - e^-x) ~ -e^-x for large x.
        XCTAssertEqual(StableMath.logSaturate(40), -exp(-40.0), accuracy: 1e-30)
        XCTAssertEqual(StableMath.logSaturate(2), log(1 - exp(-2.0)), accuracy: 1e-15)
    }

    func testLogisticIsFiniteAndStableAtExtremes() {
        XCTAssertEqual(StableMath.logistic(1e6), 1)
        XCTAssertEqual(StableMath.logistic(-1e6), 0)
        XCTAssertEqual(StableMath.logistic(0), 0.5)
        XCTAssertEqual(StableMath.logistic(-30), exp(-30.0) / (1 + exp(-30.0)), accuracy: 1e-28)
        XCTAssertFalse(StableMath.logistic(-.greatestFiniteMagnitude).isNaN)
    }

    func testLogLogisticApproachesItsArgumentForLargeNegatives() {
        XCTAssertEqual(StableMath.logLogistic(-1e6), -1e6)
        XCTAssertEqual(StableMath.logLogistic(1e6), 0)
        XCTAssertEqual(StableMath.logLogistic(-754), -754, accuracy: 1e-12)
        XCTAssertEqual(StableMath.logLogistic(0), -log(2.0), accuracy: 1e-16)
    }
}
