import Foundation
import XCTest

import Planner

@testable import ctxplan

/// A printed score must not contradict the number: a target just below the ceiling 1 printed as
/// "1.000" reads as a different question ("1.000 is at or above the ceiling 0.999").
final class ScoreFormatTests: XCTestCase {
    func testScoresKeepThreeDecimalsWhereThoseAreTrue() {
        XCTAssertEqual(Quantities.formatScore(0.132482), "0.132")
        XCTAssertEqual(Quantities.formatScore(0.9994), "0.999")
        XCTAssertEqual(Quantities.formatScore(1), "1.000")
        XCTAssertEqual(Quantities.formatScore(0), "0.000")
    }

    func testAScoreBelowOneNeverPrintsAsOne() {
        var rng = SystemRandomNumberGenerator()
        var cases: [Double] = [0.9999999999, 0.99951, 1 - 1e-15, 1.0.nextDown]
        cases += (0..<4000).map { _ in 1 - pow(10, -Double.random(in: 3.3...15.9, using: &rng)) }
        for value in cases {
            let printed = Quantities.formatScore(value)
            guard let back = Double(printed) else { return XCTFail("\(value) printed as \(printed)") }
            XCTAssertLessThan(back, 1, "\(value) printed as \(printed)")
            XCTAssertEqual(back, value, accuracy: 1e-3, printed)
        }
    }
}
