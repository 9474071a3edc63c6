import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// Counts below one, and the largest values, rejected by name.
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
}
