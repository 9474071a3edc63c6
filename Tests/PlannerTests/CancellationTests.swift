import ContextScaling
import Foundation
import XCTest

@testable import Planner

/// A stop requested from outside (Ctrl-C at the prompt) ends a long fit early and throws, so a
/// caller never mistakes a cut-short search for an answer.
final class CancellationTests: XCTestCase {
    func testARequestedStopEndsABootstrapFitEarlyAndThrows() throws {
        let records = try Fixtures.planner.fitRecords(file: nil, task: "commonsense").records
        var planner = Fixtures.planner
        let started = Date()
        planner.cancellation = Cancellation { Date().timeIntervalSince(started) > 0.05 }
        XCTAssertThrowsError(
            try planner.fit(name: "commonsense", records: records, form: .paper, seed: 0, bootstrap: 100_000)
        ) { XCTAssertTrue($0 is CancelledByUser) }
        // 100,000 draws take well over a minute: only the stop ends it before the test's time
        // runs out. How soon it lands is a speed, not a test.
    }

    func testNoStopLeavesTheFitAsItWas() throws {
        let records = try Fixtures.planner.fitRecords(file: nil, task: "arithmetic").records
        let plain = try Fixtures.planner.fit(name: "arithmetic", records: records, form: .paper, seed: 0)
        var planner = Fixtures.planner
        planner.cancellation = Cancellation { false }
        let checked = try planner.fit(name: "arithmetic", records: records, form: .paper, seed: 0)
        XCTAssertEqual(plain.result.sse, checked.result.sse)
    }
}
