import ContextScaling
import Foundation
import Planner
import XCTest

@testable import ctxplan

/// The program's number styles: paper-style context lengths, suffixed counts, scientific
/// notation that reads back, and never "inf" or "nan".
final class NumberFormatTests: XCTestCase {
    func testFormatting() {
        XCTAssertEqual(Quantities.formatContext(8192), "8k")
        XCTAssertEqual(Quantities.formatContext(4850), "4,850")
        XCTAssertEqual(Quantities.formatScientific(7.7715259392e22), "7.7715e22")
        XCTAssertEqual(Quantities.formatScientific(9.99996e22), "1e23")
        XCTAssertEqual(Quantities.formatCount(209_715_200), "210M")
        XCTAssertEqual(Quantities.formatCount(2e12), "2T")
        XCTAssertEqual(Quantities.formatTokens(1_234_567.4), "1,234,567")
        // A parameter of five digits or more is scientific as Cc is, never printf's "5.663e+04".
        XCTAssertEqual(Quantities.formatParameter(56_628.23), "5.663e4")
        XCTAssertEqual(Quantities.formatParameter(9_999.4), "9999")
        XCTAssertEqual(Quantities.formatParameter(2.918e28), "2.918e28")
    }

    func testNothingFormatsAsInfOrNan() {
        let specials: [Double] = [
            .infinity, -.infinity, .nan, .leastNonzeroMagnitude, 1e-300, .greatestFiniteMagnitude,
        ]
        for value in specials {
            let texts = [
                Quantities.formatScientific(value), Quantities.formatCount(value), Quantities.formatTokens(value),
                Quantities.formatContext(value), Quantities.formatParameter(value), Quantities.formatScore(value),
                Quantities.formatExact(value),
            ]
            for text in texts {
                let lower = text.lowercased()
                XCTAssertFalse(lower.contains("inf") || lower.contains("nan"), "\(value): \(text)")
            }
        }
        XCTAssertEqual(Quantities.formatScientific(.leastNonzeroMagnitude), "4.9407e-324")
        XCTAssertEqual(Quantities.formatScientific(.leastNonzeroMagnitude, digits: 2), "4.9e-324")
        XCTAssertEqual(Quantities.formatCount(999_700), "1M")
        XCTAssertEqual(Quantities.formatExact(1e300), "1e300")
        XCTAssertEqual(Quantities.formatExact(131_072), "131072")
        XCTAssertEqual(Quantities.formatExact(-0.26), "-0.26")
    }

    /// formatScientific against the value it prints: the mantissa is in [1, 10), has at most
    /// `digits` significant figures, and reads back within half a unit in its last place.
    func testScientificFormatReadsBackWithinItsPrecision() throws {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<5000 {
            let exponent = Double(Int.random(in: -320...300, using: &rng))
            let value = Double.random(in: 1...10, using: &rng) * pow(10, exponent)
            guard value.isNormal else { continue }
            let text = Quantities.formatScientific(value)
            let parts = text.split(separator: "e")
            let mantissa = try XCTUnwrap(Double(parts[0]), text)
            XCTAssertTrue(mantissa >= 1 && mantissa < 10, text)
            XCTAssertLessThanOrEqual(parts[0].filter(\.isNumber).count, 5, text)
            let back = try XCTUnwrap(Double(text), text)
            XCTAssertLessThanOrEqual(abs(back - value) / value, 5e-5 * (1 + 1e-9), text)
        }
    }
}
