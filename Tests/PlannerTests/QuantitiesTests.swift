import XCTest

@testable import Planner

final class QuantitiesTests: XCTestCase {
    func parse(_ s: String, _ kind: Quantities.Kind) throws -> Double {
        try Quantities.parse(s, as: kind, what: "x")
    }

    func testContextLengthsUseBinaryK() throws {
        XCTAssertEqual(try parse("8k", .contextTokens), 8192)
        XCTAssertEqual(try parse("128K", .contextTokens), 131_072)
        XCTAssertEqual(try parse("32768", .contextTokens), 32768)
        XCTAssertEqual(try parse("1m", .contextTokens), 1_048_576)
    }

    func testCountsUseDecimalSuffixes() throws {
        XCTAssertEqual(try parse("2T", .count), 2e12)
        XCTAssertEqual(try parse("0.21B", .count), 2.1e8)
        XCTAssertEqual(try parse("1.5e23", .count), 1.5e23)
        XCTAssertEqual(try parse("3_355_443_200", .count), 3_355_443_200)
        XCTAssertEqual(try parse("7k", .count), 7000)
    }

    func testRejectionsNameTheTokenAndTheExpectation() {
        let cases: [(String, QuantityError.Problem)] = [
            ("-5", .negative), ("0", .zero), ("nan", .notANumber), ("inf", .notANumber),
            ("1e400", .tooLarge), ("", .empty), ("8q", .notANumber), ("1__0", .notANumber),
            ("_5", .notANumber), ("5k5", .notANumber), ("1.2.3", .notANumber),
        ]
        for (token, problem) in cases {
            XCTAssertThrowsError(try parse(token, .count), token) { error in
                let rejection = error as? QuantityError
                XCTAssertEqual(rejection?.problem, problem, token)
                XCTAssertEqual(rejection?.token, token)
                XCTAssertEqual(rejection?.kind, .count)
            }
        }
        XCTAssertThrowsError(try Quantities.parseWhole("2.5", what: "shots"))
        XCTAssertEqual(try Quantities.parseWhole("31", what: "shots"), 31)
    }
}
