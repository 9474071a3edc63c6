import XCTest

@testable import ContextScaling

final class RootFindingTests: XCTestCase {
    func testBrentFindsDottieNumber() {
        let root = RootFinding.brent(in: 0...1, tolerance: 1e-15) { cos($0) - $0 }
        XCTAssertEqual(root!, 0.739_085_133_215_160_6, accuracy: 1e-14)
    }

    func testBrentRejectsIntervalsWithoutSignChange() {
        XCTAssertNil(RootFinding.brent(in: 2...3) { $0 * $0 + 1 })
    }

    func testGoldenSectionFindsParabolaPeak() {
        let x = RootFinding.goldenSectionMaximum(in: -10...10, tolerance: 1e-12) { -($0 - 1.234) * ($0 - 1.234) }
        XCTAssertEqual(x, 1.234, accuracy: 1e-6)
    }
}
