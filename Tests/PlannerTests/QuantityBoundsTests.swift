import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// Counts below one, and formatting that never prints inf or nan.
final class QuantityBoundsTests: XCTestCase {
    func testCountsBelowOneAreRejectedNamingTheValueAndTheRange() {
        let cases: [(String, Quantities.Kind)] = [
            ("1e-300", .count), ("4.9e-324", .count), ("0.5", .count), ("0.0001K", .count),
            ("1e-300", .contextTokens), ("0.999", .contextTokens),
        ]
        for (token, kind) in cases {
            XCTAssertThrowsError(try Quantities.parse(token, as: kind, what: "--tokens"), token) { error in
                XCTAssertEqual(
                    error as? QuantityError,
                    QuantityError(what: "--tokens", token: token, kind: kind, allowZero: false, problem: .lessThanOne))
            }
        }
        XCTAssertThrowsError(try Quantities.parseWhole("0.5", what: "--gpus", allowZero: false)) { error in
            XCTAssertEqual(
                error as? QuantityError,
                QuantityError(what: "--gpus", token: "0.5", kind: .whole, allowZero: false, problem: .notWhole))
        }
        // Exactly one is a count; plain numbers (MFU, prices, scores) may be any positive value.
        XCTAssertEqual(try Quantities.parse("1", as: .count, what: ""), 1)
        XCTAssertEqual(try Quantities.parse("0.001k", as: .count, what: ""), 1)
        XCTAssertEqual(try Quantities.parse("1e-300", as: .plain, what: ""), 1e-300)
        XCTAssertEqual(try Quantities.parseWhole("0", what: "--shots"), 0)
    }

    func testAMegabyteTokenIsQuotedByItsStartAndLength() {
        let token = String(repeating: "x", count: 1_000_000)
        XCTAssertThrowsError(try Quantities.parse(token, as: .count, what: "--flops")) { error in
            // The program quotes the token by its start and length (InputError.quote).
            XCTAssertEqual(
                error as? QuantityError,
                QuantityError(what: "--flops", token: token, kind: .count, allowZero: false, problem: .notANumber))
        }
        XCTAssertThrowsError(try Fixtures.library.task(token)) { error in
            guard case .unknown(.task, let name, _, _) = error as? PresetError else { return XCTFail("\(error)") }
            XCTAssertEqual(name, token, "the program shortens it when it quotes it")
        }
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
